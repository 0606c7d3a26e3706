import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { getPackage } from '@/lib/store/live';
import { pageMetadata } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';
import { pageLocale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'api' });
  return pageMetadata(t('metaTitle'), t('metaDescription'), '/api', false, locale);
}

/** The parameters of /api/datasets/{id}, each with its explanation in messages api.parameters. */
const PARAMETERS = [
  ['indicator', 'indicator'],
  ['geography', 'geography'],
  ['age_group', 'ageGroup'],
  ['period', 'period'],
  ['unit', 'unit'],
  ['revision', 'revision'],
  ['from, to', 'fromTo'],
  ['format', 'format'],
  ['lang', 'lang'],
] as const;

const DATASET_PATH = '/api/datasets/{id}';
/** The catalog with its words in Spanish: a JSON answer, so a plain link in every language (never /es/api/…). */
const CATALOG_IN_SPANISH = '/api/datasets?lang=es';
const ERROR_EXAMPLE = '{"error": {"parameter": "geography", "message": "…"}}';

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

export default async function ApiPage({ params }: Props) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'api' });
  const pkg = await getPackage();
  const base = await requestSiteBase();
  const state = pkg.resources.find((r) => r.name.startsWith('state-'))?.name ?? pkg.resources[0].name;
  // CSV rows are the same in every language; the JSON answer's metadata words follow `lang`.
  const csvUrl = `${base}/api/datasets/${state}?indicator=sud_past_year&geography=CA,TX&age_group=18-25&format=csv`;
  const jsonUrl = `${base}/api/datasets/national-estimates?indicator=sud_past_year&from=2021${locale === 'en' ? '' : `&lang=${locale}`}`;
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const label = (language: string) => t('examples.label', { language });
  return (
    <article className="prose">
      <h1>{t('title')}</h1>
      <p className="lead">
        {t.rich('lead', {
          a: (chunks) => (
            <Link prefetch={false} href="/data#cite">
              {chunks}
            </Link>
          ),
        })}
      </p>

      <section aria-labelledby="endpoints">
        <h2 id="endpoints">{t('endpoints.heading')}</h2>
        <div className="table-scroll" role="region" aria-label={t('endpoints.caption')} tabIndex={0}>
          <table className="data">
            <caption>{t('endpoints.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('endpoints.colRequest')}</th>
                <th scope="col">{t('endpoints.colReturns')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <code>GET /api/datasets</code>
                </th>
                <td>{t('endpoints.catalog')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET {DATASET_PATH}</code>
                </th>
                <td>{t('endpoints.dataset')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET /api/package</code>
                </th>
                <td>{t('endpoints.package')}</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET /api/openapi.json</code>
                </th>
                <td>{t.rich('endpoints.openapi', { a: (chunks) => <a href="/api/openapi.json">{chunks}</a> })}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="parameters">
        <h2 id="parameters">{t('parameters.heading', { path: DATASET_PATH })}</h2>
        <dl className="glossary">
          {PARAMETERS.map(([name, key]) => (
            <div key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{t.rich(`parameters.${key}`, { a: (chunks) => <a href="#language">{chunks}</a>, code })}</dd>
            </div>
          ))}
        </dl>
        <p>{t.rich('parameters.errors', { code, example: ERROR_EXAMPLE })}</p>
      </section>

      <section aria-labelledby="language">
        <h2 id="language">{t('language.heading')}</h2>
        <p>{t.rich('language.body', { code, path: DATASET_PATH, a: (chunks) => <a href={CATALOG_IN_SPANISH}>{chunks}</a> })}</p>
      </section>

      <section aria-labelledby="caching">
        <h2 id="caching">{t('caching.heading')}</h2>
        <p>{t.rich('caching.body', { code })}</p>
      </section>

      <section aria-labelledby="examples">
        <h2 id="examples">{t('examples.heading')}</h2>
        <h3>curl</h3>
        <Code label={label('curl')}>{`curl -sS -o sud-18-25.csv '${csvUrl}'
curl -sS '${jsonUrl}'`}</Code>
        <h3>R</h3>
        <Code label={label('R')}>{`sud <- read.csv("${csvUrl}")
# ${t('examples.intervalsComment')}
library(jsonlite)
national <- fromJSON("${jsonUrl}")$observations`}</Code>
        <h3>Python</h3>
        <Code label={label('Python')}>{`import pandas as pd, requests
sud = pd.read_csv("${csvUrl}")
r = requests.get("${jsonUrl}")
national = pd.DataFrame(r.json()["observations"])
# ${t('examples.etagComment')}
again = requests.get("${jsonUrl}", headers={"If-None-Match": r.headers["ETag"]})`}</Code>
        <h3>JavaScript</h3>
        <Code label={label('JavaScript')}>{`const res = await fetch("${jsonUrl}");
if (!res.ok) throw new Error((await res.json()).error.message);
const { observations } = await res.json();`}</Code>
      </section>
    </article>
  );
}
