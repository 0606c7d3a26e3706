'use client';

import { useLocale, useTranslations } from 'next-intl';
import { createContext, useContext, useState, type MouseEvent } from 'react';
import { downloadLinks, viewToSearch, type View } from '@/lib/charts/view';
import { COUNT } from '@/lib/charts/measure';
import { englishT, slug, type ChartsT } from '@/lib/charts/words';
import { unitWords } from '@/lib/i18n/vocabulary';
import { localePath, type Locale } from '@/lib/i18n/locales';
import type { Observation } from '@/lib/vocabulary/schema';
import { toCanonicalCsv } from '@/lib/format/csv';
import { en } from '@/lib/format/numbers';
import { useHydrated } from './use-coarse-pointer';

export type ChartKind = 'trend' | 'state-trend' | 'map' | 'ranking' | 'ages';

/** Embedded charts keep these heights at most widths. */
export const EMBED_HEIGHTS: Record<ChartKind, number> = { trend: 720, 'state-trend': 760, map: 860, ranking: 1500, ages: 640 };

/** Charts /embed/… can show (the embed route lists the same kinds). */
export const EMBED_KINDS: ReadonlySet<ChartKind> = new Set(['trend', 'state-trend', 'map', 'ranking', 'ages']);

/**
 * "sud_past_year_map_12plus_percent_2018-2019": what the file shows, in its name, in the page's
 * language ("sud_past_year_mapa_12mas_porcentaje_2018-2019"): the indicator's id, the chart, the
 * age group, the measure, the period and the place.
 */
export function fileBase(kind: ChartKind, view: View, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  const measure = kind === 'trend' ? view.trend : view.measure;
  const unit = measure && measure !== COUNT ? slug((unitWords(measure, locale)?.label ?? measure).replace(/^%\s*/, '')) : '';
  const parts = [view.indicator, t(`file.kind.${kind}`), view.age.replace('+', t('file.plus')), measure ? t('file.measure', { id: measure, unit }) : ''];
  if (kind !== 'trend' && kind !== 'state-trend') parts.push(view.period);
  if (kind === 'ages' || kind === 'state-trend') parts.push(view.geo);
  return parts.filter(Boolean).join('_');
}

/**
 * Names the dataset a plotted row came from, so the download links can ask the API for it. The
 * dashboard provides it from the API answers it loaded; without it, the data downloads are
 * buttons that need JavaScript.
 */
export const RowDatasetContext = createContext<((o: Observation) => string | undefined) | null>(null);


/**
 * Download and share actions under every chart: exactly the plotted rows as CSV (canonical,
 * re-importable) or JSON; the chart as PNG or SVG with its title, source and date drawn in; a link
 * to this view; an embed code. The data downloads are links to the API, which work without
 * JavaScript; with it, they save exactly the plotted rows. Actions that need JavaScript (images,
 * copying) appear only once it runs, so a visitor without it never meets a button that does nothing.
 * An empty view offers nothing to download.
 */
export function ChartActions({ kind, title, view, rows, embedded }: { kind: ChartKind; title: string; view: View; rows: Observation[]; embedded?: boolean }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const [message, setMessage] = useState('');
  const scripted = useHydrated();
  const datasetOf = useContext(RowDatasetContext);
  const links = datasetOf ? downloadLinks(rows, datasetOf) : [];
  const base = fileBase(kind, view, t, locale);
  const origin = () => window.location.origin;
  // This view's page and embed in the page's language (/es?… and /es/embed/… on a Spanish page).
  const viewPath = `${localePath(locale, `/${viewToSearch(view)}`)}#${kind}`;
  const pageUrl = () => `${origin()}${viewPath}`;
  // The script (public/embed.js) sets the frame's height to the chart's; without it the height below holds.
  const embedCode = () =>
    `<iframe src="${origin()}${localePath(locale, `/embed/${kind}${viewToSearch(view)}`)}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="${EMBED_HEIGHTS[kind]}" style="border:0" loading="lazy"></iframe>\n<script src="${origin()}/embed.js" async></script>`;

  // The image and file-saving code loads when a visitor first asks for a download, not with the page.
  const exporter = () => import('./export-image');
  const image = async () => {
    const { chartSvg, legendOf } = await exporter();
    const section = document.getElementById(kind);
    const svg = section?.querySelector<SVGSVGElement>('svg[data-chart]');
    if (!section || !svg) throw new Error(t('actions.errors.notOnPage'));
    const sources = [...new Set(rows.map((o) => o.source))];
    return chartSvg(svg, {
      title,
      subtitle: section.querySelector('.chart-subtitle')?.textContent ?? '',
      source: t('actions.imageSource', {
        sources: sources.length > 3 ? t('actions.imageSourcesMore', { sources: sources.slice(0, 2).join('; '), countText: en(sources.length - 2) }) : sources.join('; '),
      }),
      credit: t('actions.imageCredit', { address: pageUrl(), date: new Date().toISOString().slice(0, 10) }),
      legend: legendOf(section),
    });
  };

  type Action = 'csv' | 'json' | 'png' | 'svg' | 'link' | 'embed';
  /** Why an action failed, in the page's language where the reason is known. */
  const reason = (err: unknown) => {
    const code = (err as { code?: unknown }).code;
    if (code === 'noCanvas') return t('actions.errors.noCanvas');
    if (code === 'encoding') return t('actions.errors.encoding');
    if (code === 'draw') return t('actions.errors.draw');
    return (err as Error).message;
  };
  const run = (action: Action, perform: () => void | Promise<void>) => async () => {
    try {
      await perform();
      setMessage(t(`actions.done.${action}`));
    } catch (err) {
      setMessage(t(`actions.failed.${action}`, { reason: reason(err) }));
    }
  };

  const saveFile = async (blob: Blob, name: string) => (await exporter()).saveFile(blob, name);
  const saveCsv = run('csv', () => saveFile(new Blob([toCanonicalCsv(rows, { neutralize: true })], { type: 'text/csv;charset=utf-8' }), `${base}.csv`));
  const saveJson = run('json', () =>
    saveFile(new Blob([JSON.stringify({ chart: title, view: pageUrl(), downloaded: new Date().toISOString(), observations: rows }, null, 2)], { type: 'application/json' }), `${base}.json`),
  );
  /** With JavaScript, a data link saves exactly the plotted rows instead of following its API address. */
  const enhance = (save: () => Promise<void>) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    void save();
  };

  if (rows.length === 0) return null;
  const [only] = links.length === 1 ? links : [];

  return (
    <details className="chart-actions">
      <summary>{t('actions.summary')}</summary>
      {links.length || scripted ? (
        <div className="action-row">
          <span className="action-label">{t('actions.dataShown', { count: rows.length, countText: String(rows.length) })}</span>
          {only ? (
            <>
              <a className="button secondary" href={only.csv} download={`${base}.csv`} onClick={enhance(saveCsv)}>
                {t('actions.csv')}
              </a>
              <a className="button secondary" href={only.json} download={`${base}.json`} onClick={enhance(saveJson)}>
                {t('actions.json')}
              </a>
            </>
          ) : links.length > 1 ? (
            <>
              {/* Without JavaScript these lead to the per-dataset links below. */}
              <a className="button secondary" href={`#${kind}-api`} onClick={enhance(saveCsv)}>
                {t('actions.csv')}
              </a>
              <a className="button secondary" href={`#${kind}-api`} onClick={enhance(saveJson)}>
                {t('actions.json')}
              </a>
            </>
          ) : scripted ? (
            <>
              <button type="button" className="secondary" onClick={saveCsv}>
                {t('actions.csv')}
              </button>
              <button type="button" className="secondary" onClick={saveJson}>
                {t('actions.json')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {links.length > 1 ? (
        <div className="action-row" id={`${kind}-api`}>
          <span className="action-label">{t('actions.api')}</span>
          <ul className="api-links">
            {links.map((l) => (
              <li key={l.dataset}>
                {l.dataset}: <a href={l.csv}>CSV</a> · <a href={l.json}>JSON</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {scripted ? (
        <div className="action-row">
          <span className="action-label">{t('actions.image')}</span>
          <button type="button" className="secondary" onClick={run('png', async () => saveFile(await (await exporter()).pngFromSvg(await image()), `${base}.png`))}>
            {t('actions.png')}
          </button>
          <button type="button" className="secondary" onClick={run('svg', async () => saveFile(new Blob([await image()], { type: 'image/svg+xml' }), `${base}.svg`))}>
            {t('actions.svg')}
          </button>
        </div>
      ) : null}
      {embedded ? null : (
        <div className="action-row">
          <span className="action-label">{t('actions.share')}</span>
          {scripted ? (
            <>
              <button type="button" className="secondary" onClick={run('link', () => navigator.clipboard.writeText(pageUrl()))}>
                {t('actions.copyLink')}
              </button>
              {EMBED_KINDS.has(kind) ? (
                <button type="button" className="secondary" onClick={run('embed', () => navigator.clipboard.writeText(embedCode()))}>
                  {t('actions.copyEmbed')}
                </button>
              ) : null}
            </>
          ) : (
            <a href={viewPath}>{t('actions.viewLink')}</a>
          )}
        </div>
      )}
      <p className="copy-status" role="status">
        {message}
      </p>
    </details>
  );
}
