import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { changeLabel } from '@/lib/admin/changes';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { geographyName } from '@/lib/vocabulary/geography';
import { summarize } from '@/lib/data/catalog';
import { applyFilter, type ObservationFilter } from '@/lib/data/query';
import { getDataset, getIndicators } from '@/lib/store/live';
import { formatDate, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { html, type Html } from '@/lib/site/html';
import { pageMetadata } from '@/lib/site/metadata';
import type { Observation } from '@/lib/vocabulary/schema';

export const dynamic = 'force-dynamic';

/** Rows per page: 50 keeps a page light enough to start quickly on a phone (100 cost about half a second more of blocking time in Lighthouse’s phone preset). */
const PAGE_SIZE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) notFound(); // before anything streams, so the response is a real 404
  return pageMetadata(dataset.resource.title, dataset.resource.description, `/datasets/${id}`);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DatasetPage({ params, searchParams }: Props) {
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  if (dataset.problem) {
    return (
      <>
        <p>
          <Link prefetch={false} href="/data">← All datasets</Link>
        </p>
        <h1>{dataset.resource.title}</h1>
        <div className="form-error" role="alert">
          <p>
            <strong>This dataset cannot be shown right now.</strong> {dataset.problem}
          </p>
          <p>The rest of the atlas is unaffected. Please try again later.</p>
        </div>
      </>
    );
  }
  const query = await searchParams;
  const indicators = await getIndicators();
  const changes = dataset.resource.changes ?? [];
  const sourceFiles = dataset.resource.sourceFiles ?? [];
  const notImported = dataset.resource.notImported ?? [];

  // The lists of what the rows hold, worked out once per version of the data (lib/data/catalog.ts).
  const covered = summarize(dataset.resource, dataset.observations);
  const indicatorOptions = [...covered.indicators].sort((a, b) => (indicators.get(a)?.title ?? a).localeCompare(indicators.get(b)?.title ?? b));
  const geographyOptions = covered.geographies;
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
        <Link prefetch={false} href="/data">← All datasets</Link>
      </p>
      <h1>{dataset.resource.title}</h1>
      <p className="lead">{dataset.resource.description}</p>
      <p>
        Last updated {formatDate(dataset.resource.lastModified)}. <a href="#changes">What changed</a> ·{' '}
        <a href={`/api/datasets/${id}?format=csv`}>Download the CSV</a> · <Link prefetch={false} href="/data">Citation and other formats</Link>
      </p>

      <form className="filters" method="get" aria-label="Filter observations">
        <label>
          Indicator
          <select name="indicator" defaultValue={selected.indicator ?? ''}>
            <option value="">All indicators</option>
            {indicatorOptions.map((i) => (
              <option key={i} value={i}>
                {indicators.get(i)?.title ?? i}
              </option>
            ))}
          </select>
        </label>
        <label>
          Geography
          <select name="geography" defaultValue={selected.geography ?? ''}>
            <option value="">All geographies</option>
            {geographyOptions.map((g) => (
              <option key={g} value={g}>
                {geographyName(g)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Age group
          <select name="age_group" defaultValue={selected.age_group ?? ''}>
            <option value="">All ages</option>
            {ageOptions.map((a) => (
              <option key={a} value={a}>
                {ageGroupShortLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Period
          <select name="period" defaultValue={selected.period ?? ''}>
            <option value="">All periods</option>
            {periodOptions.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>

      <p role="status">
        {rows.length.toLocaleString('en-US')} observations
        {pages > 1 ? `, page ${page} of ${pages}` : ''}.
      </p>

      {/* Static in the browser: one string of HTML (lib/site/html.ts), one element for React to hydrate. */}
      <div className="table-scroll" role="region" aria-label="Observations table, scrolls sideways" tabIndex={0} dangerouslySetInnerHTML={{ __html: observationsTable(dataset.resource.title, shown, indicators).value }} />

      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {page > 1 ? <Link prefetch={false} href={pageHref(page - 1)}>← Previous</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link prefetch={false} href={pageHref(page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}

      {sourceFiles.length || notImported.length ? (
        <section aria-labelledby="originals">
          <h2 id="originals">Original files</h2>
          <p>
            Rebuilt from these files by <code>npm run data:build</code>; each SHA-256 fingerprint identifies the exact bytes read. Figures marked{' '}
            <em>derived</em> come from a re-publication of SAMHSA&rsquo;s estimates, used only where SAMHSA&rsquo;s own files here lack the figure.
          </p>
          <ul className="source-files">
            {sourceFiles.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code> ({f.bytes.toLocaleString('en-US')} bytes) — {f.origin}. SHA-256 <code className="hash">{f.sha256}</code>
              </li>
            ))}
          </ul>
          {notImported.length ? (
            <>
              <h3>Not imported</h3>
              <ul>
                {notImported.map((n) => (
                  <li key={`${n.file}#${n.table}`}>
                    {n.table} of <code>{n.file}</code>: {n.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="changes" className="changelog">
        <h2 id="changes">Changes</h2>
        {changes.length ? (
          <ol reversed>
            {changes.map((c) => (
              <li key={`${c.version}-${c.date}`}>
                <strong>{formatDate(c.date)}</strong> (data package version {c.version}, {changeLabel(c)}): {c.note}{' '}
                {c.kind === 'metadata' ? null : (
                  <span className="muted">
                    — {c.added.toLocaleString('en-US')} added, {c.removed.toLocaleString('en-US')} removed, {c.changed.toLocaleString('en-US')} changed
                  </span>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>No revisions since this dataset was published on {formatDate(dataset.resource.lastModified)}.</p>
        )}
      </section>
    </>
  );
}

/** The page's observations as a table, in static HTML. */
function observationsTable(title: string, shown: readonly Observation[], indicators: ReadonlyMap<string, { title: string }>): Html {
  const head = ['Geography', 'Age', 'Period', 'Estimate', '95% interval', 'Indicator', 'Series', 'Source'].map((h) => html`<th scope="col">${h}</th>`);
  const rows = shown.map((o) => {
    const f = formatObservation(o);
    return html`<tr><td>${geographyName(o.geography)}</td><td>${ageGroupShortLabel(o.age_group)}</td><td>${formatPeriod(o.period)}</td><td class="num">${f.estimate}${
      o.revision > 0 ? ' (revised)' : null
    }${o.qualifiers.includes('derived') ? html`<span> (derived)</span>` : null}</td><td class="num">${f.interval ?? '—'}</td><td>${
      indicators.get(o.indicator)?.title ?? o.indicator
    }</td><td>${o.series}</td><td class="source">${o.source}${o.note ? ` — ${o.note}` : null}</td></tr>`;
  });
  return html`<table class="data"><caption>Observations in ${title}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
