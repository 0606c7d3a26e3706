'use client';

import { createContext, useContext, useState, type MouseEvent } from 'react';
import { downloadLinks, viewToSearch, type View } from '@/lib/charts/view';
import type { Observation } from '@/lib/vocabulary/schema';
import { toCanonicalCsv } from '@/lib/format/csv';
import { useHydrated } from './use-coarse-pointer';

export type ChartKind = 'trend' | 'state-trend' | 'map' | 'ranking' | 'ages';

/** Embedded charts keep these heights at most widths. */
export const EMBED_HEIGHTS: Record<ChartKind, number> = { trend: 720, 'state-trend': 760, map: 860, ranking: 1500, ages: 640 };

/** Charts /embed/… can show (the embed route lists the same kinds). */
export const EMBED_KINDS: ReadonlySet<ChartKind> = new Set(['trend', 'state-trend', 'map', 'ranking', 'ages']);

/** "sud_past_year_map_12plus_percent_2018-2019": what the file shows, in its name. */
export function fileBase(kind: ChartKind, view: View): string {
  const parts = [view.indicator, kind, view.age.replace('+', 'plus'), kind === 'trend' ? view.trend : view.measure];
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
  const [message, setMessage] = useState('');
  const scripted = useHydrated();
  const datasetOf = useContext(RowDatasetContext);
  const links = datasetOf ? downloadLinks(rows, datasetOf) : [];
  const base = fileBase(kind, view);
  const origin = () => window.location.origin;
  const pageUrl = () => `${origin()}/${viewToSearch(view)}#${kind}`;
  // The script (public/embed.js) sets the frame's height to the chart's; without it the height below holds.
  const embedCode = () =>
    `<iframe src="${origin()}/embed/${kind}${viewToSearch(view)}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="${EMBED_HEIGHTS[kind]}" style="border:0" loading="lazy"></iframe>\n<script src="${origin()}/embed.js" async></script>`;

  // The image and file-saving code loads when a visitor first asks for a download, not with the page.
  const exporter = () => import('./export-image');
  const image = async () => {
    const { chartSvg, legendOf } = await exporter();
    const section = document.getElementById(kind);
    const svg = section?.querySelector<SVGSVGElement>('svg[data-chart]');
    if (!section || !svg) throw new Error('The chart is not on the page.');
    const sources = [...new Set(rows.map((o) => o.source))];
    return chartSvg(svg, {
      title,
      subtitle: section.querySelector('.chart-subtitle')?.textContent ?? '',
      source: sources.length > 3 ? `${sources.slice(0, 2).join('; ')}; and ${sources.length - 2} more (see the data file)` : sources.join('; '),
      address: pageUrl(),
      date: new Date().toISOString().slice(0, 10),
      legend: legendOf(section),
    });
  };

  const run = (label: string, action: () => void | Promise<void>) => async () => {
    try {
      await action();
      setMessage(label);
    } catch (err) {
      setMessage(`Could not ${label.toLowerCase()}: ${(err as Error).message}`);
    }
  };

  const saveFile = async (blob: Blob, name: string) => (await exporter()).saveFile(blob, name);
  const saveCsv = run('Downloaded the CSV', () => saveFile(new Blob([toCanonicalCsv(rows, { neutralize: true })], { type: 'text/csv;charset=utf-8' }), `${base}.csv`));
  const saveJson = run('Downloaded the JSON', () =>
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
      <summary>Download or share this chart</summary>
      {links.length || scripted ? (
        <div className="action-row">
          <span className="action-label">Data shown ({rows.length} rows)</span>
          {only ? (
            <>
              <a className="button secondary" href={only.csv} download={`${base}.csv`} onClick={enhance(saveCsv)}>
                Data (CSV)
              </a>
              <a className="button secondary" href={only.json} download={`${base}.json`} onClick={enhance(saveJson)}>
                Data (JSON)
              </a>
            </>
          ) : links.length > 1 ? (
            <>
              {/* Without JavaScript these lead to the per-dataset links below. */}
              <a className="button secondary" href={`#${kind}-api`} onClick={enhance(saveCsv)}>
                Data (CSV)
              </a>
              <a className="button secondary" href={`#${kind}-api`} onClick={enhance(saveJson)}>
                Data (JSON)
              </a>
            </>
          ) : scripted ? (
            <>
              <button type="button" className="secondary" onClick={saveCsv}>
                Data (CSV)
              </button>
              <button type="button" className="secondary" onClick={saveJson}>
                Data (JSON)
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {links.length > 1 ? (
        <div className="action-row" id={`${kind}-api`}>
          <span className="action-label">From the API, by dataset</span>
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
          <span className="action-label">Image</span>
          <button type="button" className="secondary" onClick={run('Downloaded the PNG', async () => saveFile(await (await exporter()).pngFromSvg(await image()), `${base}.png`))}>
            Image (PNG)
          </button>
          <button type="button" className="secondary" onClick={run('Downloaded the SVG', async () => saveFile(new Blob([await image()], { type: 'image/svg+xml' }), `${base}.svg`))}>
            Image (SVG)
          </button>
        </div>
      ) : null}
      {embedded ? null : (
        <div className="action-row">
          <span className="action-label">Share</span>
          {scripted ? (
            <>
              <button type="button" className="secondary" onClick={run('Copied the link', () => navigator.clipboard.writeText(pageUrl()))}>
                Copy link
              </button>
              {EMBED_KINDS.has(kind) ? (
                <button type="button" className="secondary" onClick={run('Copied the embed code', () => navigator.clipboard.writeText(embedCode()))}>
                  Copy embed code
                </button>
              ) : null}
            </>
          ) : (
            <a href={`/${viewToSearch(view)}#${kind}`}>Link to this view</a>
          )}
        </div>
      )}
      <p className="copy-status" role="status">
        {message}
      </p>
    </details>
  );
}
