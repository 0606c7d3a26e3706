import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { summarize } from '@/lib/data/catalog';
import type { DataResource, ResourceChange } from '@/lib/data/package';
import { applyFilter, type ObservationFilter } from '@/lib/data/query';
import { getDataset, getIndicators, getPackage } from '@/lib/store/live';
import { en, formatDate, formatList, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { INTL_LOCALE, pageLocale, type Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { comparePlaces, placeName } from '@/lib/i18n/vocabulary';
import { geographyByCode } from '@/lib/vocabulary/geography';
import { html, type Html } from '@/lib/site/html';
import { pageMetadata } from '@/lib/site/metadata';
import type { Observation } from '@/lib/vocabulary/schema';

export const dynamic = 'force-dynamic';

/** Rows per page: 50 keeps a page light enough to start quickly on a phone (100 cost about half a second more of blocking time in Lighthouse’s phone preset). */
const PAGE_SIZE = 50;

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dataset's description in `locale` (its title and description; everything else is the same in every language). */
async function localized(resource: DataResource, locale: Locale): Promise<DataResource> {
  return (await getPackage(locale)).resources.find((r) => r.name === resource.name) ?? resource;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, locale: requested } = await params;
  const locale = pageLocale(requested);
  const dataset = await getDataset(id);
  if (!dataset) notFound(); // before anything streams, so the response is a real 404
  const resource = await localized(dataset.resource, locale);
  return pageMetadata(resource.title, resource.description, `/datasets/${id}`, false, locale);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Translate = Awaited<ReturnType<typeof getTranslations<'data'>>>;

/**
 * What a change did, in words: "corrections to figures already published and new data"
 * (the same words as lib/admin/changes.ts changeLabel, in the page's language).
 */
function changeWords(c: Pick<ResourceChange, 'kind' | 'added' | 'removed' | 'changed'>, t: Translate, locale: Locale): string {
  if (c.kind === 'rollback') return t('dataset.changes.kinds.rollback');
  if (c.kind === 'add') return t('dataset.changes.kinds.add');
  if (c.kind === 'metadata') return t('dataset.changes.kinds.metadata');
  const parts = [
    c.changed ? t('dataset.changes.kinds.corrections', { count: c.changed }) : '',
    c.added ? t('dataset.changes.kinds.newData') : '',
    c.removed ? t('dataset.changes.kinds.removed', { count: c.removed }) : '',
  ].filter(Boolean);
  return parts.length ? formatList(parts, locale) : t('dataset.changes.kinds.republished');
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const { id, locale: requested } = await params;
  const locale = pageLocale(requested);
  const t = await getTranslations({ locale, namespace: 'data' });
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  const resource = await localized(dataset.resource, locale);
  // Text from the data that stays English (sources, notes, reasons) is marked so for screen readers.
  const english = (text: ReactNode) => (locale === 'en' ? text : <span lang="en">{text}</span>);
  if (dataset.problem) {
    return (
      <>
        <p>
          <Link prefetch={false} href="/data">
            {t('dataset.back')}
          </Link>
        </p>
        <h1>{resource.title}</h1>
        <div className="form-error" role="alert">
          <p>
            <strong>{t('dataset.cannotShow')}</strong> {english(dataset.problem)}
          </p>
          <p>{t('dataset.tryLater')}</p>
        </div>
      </>
    );
  }
  const query = await searchParams;
  const indicators = await getIndicators(locale);
  const changes = resource.changes ?? [];
  const sourceFiles = resource.sourceFiles ?? [];
  const notImported = resource.notImported ?? [];

  // The lists of what the rows hold, worked out once per version of the data (lib/data/catalog.ts).
  const covered = summarize(dataset.resource, dataset.observations);
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  const indicatorOptions = [...covered.indicators].sort((a, b) => collator.compare(indicators.get(a)?.title ?? a, indicators.get(b)?.title ?? b));
  // The nation and the regions first, then the states in alphabetical order of their names in the page's language.
  const isState = (g: string) => geographyByCode(g)?.level === 'state';
  const geographyOptions = locale === 'en' ? covered.geographies : [...covered.geographies.filter((g) => !isState(g)), ...covered.geographies.filter(isState).sort(comparePlaces(locale))];
  const ageOptions = covered.ageGroups;
  const periodOptions = [...covered.periods].reverse();
  const pick = (value: string | undefined, options: string[]) => (value && options.includes(value) ? value : undefined);
  const selected = {
    indicator: pick(one(query.indicator), indicatorOptions),
    geography: pick(one(query.geography), geographyOptions),
    age_group: pick(one(query.age_group), ageOptions),
    period: pick(one(query.period), periodOptions),
  };
  const filter: ObservationFilter = Object.fromEntries(Object.entries(selected).filter(([, v]) => v).map(([k, v]) => [k, [v]]));
  const rows = Object.keys(filter).length ? applyFilter(dataset.observations, filter) : dataset.observations;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(one(query.page)) || 1));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(selected).filter(([, v]) => v) as Array<[string, string]>), page: String(p) })}`;

  return (
    <>
      <p>
        <Link prefetch={false} href="/data">
          {t('dataset.back')}
        </Link>
      </p>
      <h1>{resource.title}</h1>
      <p className="lead">{resource.description}</p>
      <p>
        {t.rich('dataset.links', {
          date: formatDate(resource.lastModified, locale),
          changes: (chunks) => <a href="#changes">{chunks}</a>,
          csv: (chunks) => <a href={`/api/datasets/${id}?format=csv`}>{chunks}</a>,
          cite: (chunks) => (
            <Link prefetch={false} href="/data">
              {chunks}
            </Link>
          ),
        })}
      </p>

      <form className="filters" method="get" aria-label={t('dataset.filters.label')}>
        <label>
          {t('dataset.filters.indicator')}
          <select name="indicator" defaultValue={selected.indicator ?? ''}>
            <option value="">{t('dataset.filters.allIndicators')}</option>
            {indicatorOptions.map((i) => (
              <option key={i} value={i}>
                {indicators.get(i)?.title ?? i}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dataset.filters.geography')}
          <select name="geography" defaultValue={selected.geography ?? ''}>
            <option value="">{t('dataset.filters.allGeographies')}</option>
            {geographyOptions.map((g) => (
              <option key={g} value={g}>
                {placeName(g, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dataset.filters.ageGroup')}
          <select name="age_group" defaultValue={selected.age_group ?? ''}>
            <option value="">{t('dataset.filters.allAges')}</option>
            {ageOptions.map((a) => (
              <option key={a} value={a}>
                {ageGroupShortLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dataset.filters.period')}
          <select name="period" defaultValue={selected.period ?? ''}>
            <option value="">{t('dataset.filters.allPeriods')}</option>
            {periodOptions.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('dataset.filters.show')}</button>
      </form>

      <p role="status">
        {pages > 1
          ? t('dataset.countPaged', { count: rows.length, countText: en(rows.length), page: en(page), pages: en(pages) })
          : t('dataset.count', { count: rows.length, countText: en(rows.length) })}
      </p>

      {/* Static in the browser: one string of HTML (lib/site/html.ts), one element for React to hydrate. */}
      <div className="table-scroll" role="region" aria-label={t('dataset.tableLabel')} tabIndex={0} dangerouslySetInnerHTML={{ __html: observationsTable(resource.title, shown, indicators, t, locale).value }} />

      {pages > 1 ? (
        <nav className="pager" aria-label={t('dataset.pager.label')}>
          {page > 1 ? (
            <Link prefetch={false} href={pageHref(page - 1)}>
              {t('dataset.pager.previous')}
            </Link>
          ) : null}
          <span>{t('dataset.pager.pageOf', { page: en(page), pages: en(pages) })}</span>
          {page < pages ? (
            <Link prefetch={false} href={pageHref(page + 1)}>
              {t('dataset.pager.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}

      {sourceFiles.length || notImported.length ? (
        <section aria-labelledby="originals">
          <h2 id="originals">{t('dataset.originals.title')}</h2>
          <p>
            {t.rich('dataset.originals.intro', {
              code: (chunks) => <code>{chunks}</code>,
              em: (chunks) => <em>{chunks}</em>,
            })}
          </p>
          <ul className="source-files">
            {sourceFiles.map((f) => (
              <li key={f.path}>
                {t.rich('dataset.originals.file', {
                  path: f.path,
                  bytes: en(f.bytes),
                  origin: f.origin,
                  sha256: f.sha256,
                  code: (chunks) => <code>{chunks}</code>,
                  text: (chunks) => english(chunks),
                  hash: (chunks) => <code className="hash">{chunks}</code>,
                })}
              </li>
            ))}
          </ul>
          {notImported.length ? (
            <>
              <h3>{t('dataset.originals.notImported')}</h3>
              <ul>
                {notImported.map((n) => (
                  <li key={`${n.file}#${n.table}`}>
                    {t.rich('dataset.originals.notImportedItem', {
                      table: n.table,
                      file: n.file,
                      reason: n.reason,
                      code: (chunks) => <code>{chunks}</code>,
                      text: (chunks) => english(chunks),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="changes" className="changelog">
        <h2 id="changes">{t('dataset.changes.title')}</h2>
        {changes.length ? (
          <ol reversed>
            {changes.map((c) => (
              <li key={`${c.version}-${c.date}`}>
                {t.rich('dataset.changes.item', {
                  date: formatDate(c.date, locale),
                  version: c.version,
                  label: changeWords(c, t, locale),
                  note: c.note,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  text: (chunks) => english(chunks),
                })}{' '}
                {c.kind === 'metadata' ? null : (
                  <span className="muted">
                    {t('dataset.changes.counts', {
                      added: c.added,
                      removed: c.removed,
                      changed: c.changed,
                      addedText: en(c.added),
                      removedText: en(c.removed),
                      changedText: en(c.changed),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('dataset.changes.none', { date: formatDate(resource.lastModified, locale) })}</p>
        )}
      </section>
    </>
  );
}

/** The page's observations as a table, in static HTML. Sources and notes are the publisher's words, in English. */
function observationsTable(title: string, shown: readonly Observation[], indicators: ReadonlyMap<string, { title: string }>, t: Translate, locale: Locale): Html {
  const head = (['geography', 'age', 'period', 'estimate', 'interval', 'indicator', 'series', 'source'] as const).map((h) => html`<th scope="col">${t(`dataset.table.${h}`)}</th>`);
  const revised = ` ${t('dataset.table.revised')}`;
  const derived = html`<span> ${t('dataset.table.derived')}</span>`;
  const sourceCell = locale === 'en' ? html`<td class="source">` : html`<td class="source" lang="en">`;
  const rows = shown.map((o) => {
    const f = formatObservation(o, 'published', locale);
    return html`<tr><td>${placeName(o.geography, locale)}</td><td>${ageGroupShortLabel(o.age_group)}</td><td>${formatPeriod(o.period)}</td><td class="num">${f.estimate}${
      o.revision > 0 ? revised : null
    }${o.qualifiers.includes('derived') ? derived : null}</td><td class="num">${f.interval ?? '—'}</td><td>${
      indicators.get(o.indicator)?.title ?? o.indicator
    }</td><td>${o.series}</td>${sourceCell}${o.source}${o.note ? ` — ${o.note}` : null}</td></tr>`;
  });
  return html`<table class="data"><caption>${t('dataset.table.caption', { title })}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
