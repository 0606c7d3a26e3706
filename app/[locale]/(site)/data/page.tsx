import { DataNotice } from '@/app/_components/data-notice';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CitePanel } from '@/app/_components/cite-panel';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { summarize } from '@/lib/data/catalog';
import { geographyName } from '@/lib/vocabulary/geography';
import { CANONICAL_SCHEMA } from '@/lib/vocabulary/schema';
import { getDataset, getIndicators, getPackage } from '@/lib/store/live';
import { formatDate, formatPeriod } from '@/lib/format/numbers';
import { seriesByName } from '@/lib/vocabulary/series';
import { siteCitation, sourceCitations } from '@/lib/site/citation';
import { csvwFileOf } from '@/lib/data/csvw';
import { documentPaths } from '@/lib/data/documents';
import { pageMetadata } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = pageMetadata(
  'Data',
  'Every dataset behind the Substance Use Atlas: coverage, schema, sources and license, with CSV, JSON and ZIP downloads, citations and an API.',
  '/data',
);

/** Fields whose unit is given per row, by the unit column. */
const UNIT_FROM_COLUMN = new Set(['estimate', 'ci_lower', 'ci_upper']);

const date = formatDate;

export default async function DataPage() {
  const pkg = await getPackage();
  const indicators = await getIndicators();
  const datasets = await Promise.all(pkg.resources.map(async (r) => ({ resource: r, summary: summarize(r, (await getDataset(r.name))?.observations ?? []) })));
  const license = pkg.licenses[0];
  const site = await requestSiteBase();
  const citations = [...pkg.resources.flatMap((r) => sourceCitations(r, site)), siteCitation(pkg, site, new Date())];
  const documents = documentPaths(pkg);

  return (
    <>
      <DataNotice />
      <h1>Data</h1>
      <p className="lead">{pkg.description}</p>
      <ul className="download-list" aria-label="Everything at once">
        <li>
          <a href="/api/package" download>
            Download everything (ZIP): datapackage.json, the CSVs and a README
          </a>
        </li>
        <li>
          <a href="/data/datapackage.json">datapackage.json</a>: the Frictionless Data Package descriptor (its CSVs sit beside it under /data/,
          each with its CSV on the Web metadata, <code>{'{dataset}'}.csv-metadata.json</code>, for tools that read typed columns from CSVW)
        </li>
        <li>
          <Link prefetch={false} href="/api">Use the API</Link> (JSON or CSV, filters, OpenAPI 3.1)
        </li>
        <li>
          <Link prefetch={false} href="/methodology">Methodology</Link>: what the figures mean and where the methods changed
        </li>
      </ul>
      <p>
        Version {pkg.version}. License: {license.title ?? license.name}. Every row names its source, its comparability series and, where
        published, its 95% interval.
      </p>

      {datasets.map(({ resource, summary }) => (
        <section key={resource.name} aria-labelledby={`ds-${resource.name}`} className="dataset">
          <h2 id={`ds-${resource.name}`}>{resource.title}</h2>
          <p>{resource.description}</p>
          <ul className="download-list" aria-label={`Downloads of ${resource.title}`}>
            <li>
              <a href={`/api/datasets/${resource.name}?format=csv`} download>
                CSV ({Math.round(resource.bytes / 1024)} KB)
              </a>
            </li>
            <li>
              <a href={`/api/datasets/${resource.name}`} download={`${resource.name}_v${pkg.version}.json`}>
                JSON
              </a>
            </li>
            <li>
              <a href={`/data/${csvwFileOf(resource)}`}>Typed schema (CSVW metadata)</a>
            </li>
            {documents
              .filter((d) => resource.sources.some((s) => s.title.includes(d)))
              .map((d) => (
                <li key={d}>
                  <a href={`/data/${d}`}>{d.split('/').at(-1)}</a>: the published sentence behind every figure, and where it was read
                </li>
              ))}
            <li>
              <Link prefetch={false} href={`/datasets/${resource.name}`}>Browse the observations</Link>
            </li>
          </ul>
          <dl className="facts">
            <div>
              <dt>Observations</dt>
              <dd>
                {summary.observations.toLocaleString('en-US')}
                {summary.derived ? ` (${summary.derived.toLocaleString('en-US')} of them derived: taken from a re-publication where SAMHSA’s own files here lack the figure)` : ''}
              </dd>
            </div>
            <div>
              <dt>Indicators ({summary.indicators.length})</dt>
              <dd>{summary.indicators.map((i) => indicators.get(i)?.title ?? i).join('; ')}</dd>
            </div>
            <div>
              <dt>Periods</dt>
              <dd>{summary.periods.map(formatPeriod).join(', ')}</dd>
            </div>
            <div>
              <dt>Geographies ({summary.geographies.length})</dt>
              <dd>{summary.geographies.length > 6 ? `${summary.geographies.slice(0, 6).map(geographyName).join(', ')} and ${summary.geographies.length - 6} more` : summary.geographies.map(geographyName).join(', ')}</dd>
            </div>
            <div>
              <dt>Age groups</dt>
              <dd>{summary.ageGroups.map(ageGroupShortLabel).join(', ')}</dd>
            </div>
            <div>
              <dt>Units</dt>
              <dd>{summary.units.join(', ')}</dd>
            </div>
            <div>
              <dt>Comparability series</dt>
              <dd>{summary.series.map((n) => seriesByName(n)?.title ?? n).join('; ')}</dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>
                {resource.sources.map((s) => (
                  <span key={s.title}>
                    {s.path ? <a href={s.path}>{s.title}</a> : s.title}
                    {s.version ? ` (${s.version})` : ''}
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>License</dt>
              <dd>{license.title ?? license.name}</dd>
            </div>
            <div>
              <dt>Last updated</dt>
              <dd>{date(resource.lastModified)}</dd>
            </div>
            <div>
              <dt>SHA-256</dt>
              <dd>
                <code className="hash">{resource.hash.replace(/^sha256:/, '')}</code>
              </dd>
            </div>
          </dl>
        </section>
      ))}

      <section aria-labelledby="schema">
        <h2 id="schema">Columns (every dataset)</h2>
        <div className="table-scroll" role="region" aria-label="Schema" tabIndex={0}>
          <table className="data">
            <caption>The canonical format: one row per published estimate</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
                <th scope="col">Unit</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {CANONICAL_SCHEMA.fields.map((f) => (
                <tr key={f.name}>
                  <th scope="row">
                    <code>{f.name}</code>
                  </th>
                  <td>
                    {f.type}
                    {f.constraints?.required ? ', required' : ''}
                  </td>
                  <td>{UNIT_FROM_COLUMN.has(f.name) ? 'given by the unit column' : '—'}</td>
                  <td>{f.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="chart-note">
          Missing values are empty cells, never 0. Text that would start a spreadsheet formula (=, +, -, @, tab) is refused by the validator
          and neutralised with a leading apostrophe in CSV downloads; JSON downloads carry text exactly.
        </p>
      </section>

      <section aria-labelledby="cite" id="cite-section">
        <h2 id="cite">How to cite</h2>
        <p>Cite SAMHSA for the figures; cite this site too if you used its compiled files.</p>
        <CitePanel citations={citations} />
      </section>
    </>
  );
}
