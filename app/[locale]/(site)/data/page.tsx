import { DataNotice } from '@/app/_components/data-notice';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CitePanel } from '@/app/_components/cite-panel';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { summarize } from '@/lib/data/catalog';
import { CANONICAL_SCHEMA } from '@/lib/vocabulary/schema';
import { getDataset, getIndicators, getPackage } from '@/lib/store/live';
import { en, formatDate, formatPeriod } from '@/lib/format/numbers';
import { pageLocale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { fieldWords } from '@/lib/i18n/columns';
import { placeName, seriesWords } from '@/lib/i18n/vocabulary';
import { siteCitation, sourceCitations } from '@/lib/site/citation';
import { csvwFileOf } from '@/lib/data/csvw';
import { documentPaths } from '@/lib/data/documents';
import { pageMetadata } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'data' });
  return pageMetadata(t('metaTitle'), t('metaDescription'), '/data', false, locale);
}

/** Fields whose unit is given per row, by the unit column. */
const UNIT_FROM_COLUMN = new Set(['estimate', 'ci_lower', 'ci_upper']);

/** A file name from a title: "Estimaciones estatales, 2002–2019" → "estimaciones-estatales-2002-2019". */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export default async function DataPage({ params }: Props) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'data' });
  const pkg = await getPackage(locale);
  const indicators = await getIndicators(locale);
  const datasets = await Promise.all(pkg.resources.map(async (r) => ({ resource: r, summary: summarize(r, (await getDataset(r.name))?.observations ?? []) })));
  const license = pkg.licenses[0];
  const licenseTitle = license.title ?? license.name;
  const site = await requestSiteBase();
  const citations = [...pkg.resources.flatMap((r) => sourceCitations(r, site, locale)), siteCitation(pkg, site, new Date(), locale)];
  const documents = documentPaths(pkg);
  // Metadata from the API in the page's language (the CSV files themselves are the same in every language).
  const lang = locale === 'en' ? '' : `lang=${locale}`;
  const withLang = (url: string) => (lang ? `${url}${url.includes('?') ? '&' : '?'}${lang}` : url);
  // Text from the data that stays English (source titles) is marked so for screen readers.
  const english = (text: ReactNode) => (locale === 'en' ? text : <span lang="en">{text}</span>);

  return (
    <>
      <DataNotice />
      <h1>{t('heading')}</h1>
      <p className="lead">{pkg.description}</p>
      <ul className="download-list" aria-label={t('everything.label')}>
        <li>
          <a href={withLang('/api/package')} download>
            {t('everything.zip')}
          </a>
        </li>
        <li>
          {t.rich('everything.descriptor', {
            pattern: '{dataset}.csv-metadata.json',
            a: (chunks) => <a href="/data/datapackage.json">{chunks}</a>,
            code: (chunks) => <code>{chunks}</code>,
          })}
        </li>
        <li>
          {t.rich('everything.api', {
            a: (chunks) => (
              <Link prefetch={false} href="/api">
                {chunks}
              </Link>
            ),
          })}
        </li>
        <li>
          {t.rich('everything.methodology', {
            a: (chunks) => (
              <Link prefetch={false} href="/methodology">
                {chunks}
              </Link>
            ),
          })}
        </li>
      </ul>
      <p>{t('versionLicense', { version: pkg.version, license: licenseTitle })}</p>

      {datasets.map(({ resource, summary }) => (
        <section key={resource.name} aria-labelledby={`ds-${resource.name}`} className="dataset">
          <h2 id={`ds-${resource.name}`}>{resource.title}</h2>
          <p>{resource.description}</p>
          <ul className="download-list" aria-label={t('catalog.downloads', { title: resource.title })}>
            <li>
              <a href={`/api/datasets/${resource.name}?format=csv`} download>
                {t('catalog.csv', { size: String(Math.round(resource.bytes / 1024)) })}
              </a>
            </li>
            <li>
              <a href={withLang(`/api/datasets/${resource.name}`)} download={t('catalog.jsonFileName', { name: resource.name, slug: slug(resource.title), version: pkg.version })}>
                JSON
              </a>
            </li>
            <li>
              <a href={`/data/${csvwFileOf(resource)}`}>{t('catalog.csvw')}</a>
            </li>
            {documents
              .filter((d) => resource.sources.some((s) => s.title.includes(d)))
              .map((d) => (
                <li key={d}>{t.rich('catalog.document', { file: d.split('/').at(-1) ?? d, a: (chunks) => <a href={`/data/${d}`}>{chunks}</a> })}</li>
              ))}
            <li>
              <Link prefetch={false} href={`/datasets/${resource.name}`}>
                {t('catalog.browse')}
              </Link>
            </li>
          </ul>
          <dl className="facts">
            <div>
              <dt>{t('facts.observations')}</dt>
              <dd>{summary.derived ? t('facts.observationsDerived', { total: en(summary.observations), derived: summary.derived, derivedText: en(summary.derived) }) : en(summary.observations)}</dd>
            </div>
            <div>
              <dt>{t('facts.indicators', { count: en(summary.indicators.length) })}</dt>
              <dd>{summary.indicators.map((i) => indicators.get(i)?.title ?? i).join('; ')}</dd>
            </div>
            <div>
              <dt>{t('facts.periods')}</dt>
              <dd>{summary.periods.map(formatPeriod).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('facts.geographies', { count: en(summary.geographies.length) })}</dt>
              <dd>
                {summary.geographies.length > 6
                  ? t('facts.geographiesMore', { list: summary.geographies.slice(0, 6).map((g) => placeName(g, locale)).join(', '), count: en(summary.geographies.length - 6) })
                  : summary.geographies.map((g) => placeName(g, locale)).join(', ')}
              </dd>
            </div>
            <div>
              <dt>{t('facts.ageGroups')}</dt>
              <dd>{summary.ageGroups.map(ageGroupShortLabel).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('facts.units')}</dt>
              {/* The unit column's codes, as the files hold them. */}
              <dd>
                {locale === 'en'
                  ? summary.units.join(', ')
                  : summary.units.map((u, i) => (
                      <span key={u}>
                        {i > 0 ? ', ' : ''}
                        <code>{u}</code>
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{t('facts.series')}</dt>
              <dd>{summary.series.map((n) => seriesWords(n, locale)?.title ?? n).join('; ')}</dd>
            </div>
            <div>
              <dt>{t('facts.source')}</dt>
              <dd>
                {resource.sources.map((s) => (
                  <span key={s.title}>
                    {english(s.path ? <a href={s.path}>{s.title}</a> : s.title)}
                    {s.version ? ` (${s.version})` : ''}
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t('facts.license')}</dt>
              <dd>{licenseTitle}</dd>
            </div>
            <div>
              <dt>{t('facts.lastUpdated')}</dt>
              <dd>{formatDate(resource.lastModified, locale)}</dd>
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
        <h2 id="schema">{t('schema.title')}</h2>
        <div className="table-scroll" role="region" aria-label={t('schema.label')} tabIndex={0}>
          <table className="data">
            <caption>{t('schema.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schema.column')}</th>
                <th scope="col">{t('schema.type')}</th>
                <th scope="col">{t('schema.unit')}</th>
                <th scope="col">{t('schema.description')}</th>
              </tr>
            </thead>
            <tbody>
              {CANONICAL_SCHEMA.fields.map((f) => (
                <tr key={f.name}>
                  <th scope="row">
                    <code>{f.name}</code>
                  </th>
                  <td>{f.constraints?.required ? t('schema.typeRequired', { type: f.type }) : f.type}</td>
                  <td>{UNIT_FROM_COLUMN.has(f.name) ? t('schema.unitFromColumn') : '—'}</td>
                  <td>{fieldWords(f.name, locale)?.description ?? f.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="chart-note">{t('schema.note')}</p>
      </section>

      <section aria-labelledby="cite" id="cite-section">
        <h2 id="cite">{t('cite.title')}</h2>
        <p>{t('cite.intro')}</p>
        <CitePanel citations={citations} />
      </section>
    </>
  );
}
