import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { QUALIFIERS } from '@/lib/vocabulary/qualifiers';
import { SERIES } from '@/lib/vocabulary/series';
import { getPackage } from '@/lib/store/live';
import { pageMetadata, SITE_NAME } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';
import { pageLocale, localePath, type Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { qualifierWords, seriesWords } from '@/lib/i18n/vocabulary';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'methodology' });
  return pageMetadata(t('metaTitle'), t('metaDescription'), '/methodology', false, locale);
}

/** The glossary's terms, in order (messages methodology.glossary.terms). */
const GLOSSARY = ['pastYear', 'pastMonth', 'sud', 'aud', 'illicit', 'misuse', 'needingTreatment', 'specialtyTreatment'] as const;

/**
 * The 2014-2015 release's evidence names the table a title comes from and ends ", table title";
 * the Spanish sentence says "Título de la tabla de SAMHSA" itself, so it cites the table alone.
 */
const evidenceSource = (source: string, locale: Locale) => (locale === 'en' ? source : source.replace(/, table title$/, ''));

export default async function MethodologyPage({ params }: Props) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'methodology' });
  // The package in the reader's language: its title, and SAMHSA's evidence with each claim in that language.
  const pkg = await getPackage(locale);
  const registry = pkg.comparability;
  const accessed = new Date().toISOString().slice(0, 10);
  const site = await requestSiteBase();
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <article className="prose">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <section aria-labelledby="nsduh">
        <h2 id="nsduh">{t('nsduh.heading')}</h2>
        <p>{t('nsduh.about')}</p>
        <h3>{t('nsduh.coverageHeading')}</h3>
        <p>{t('nsduh.coverage')}</p>
        <p>{t('nsduh.selfReport')}</p>
      </section>

      <section aria-labelledby="glossary">
        <h2 id="glossary">{t('glossary.heading')}</h2>
        <dl className="glossary">
          {GLOSSARY.map((key) => (
            <div key={key}>
              <dt>{t(`glossary.terms.${key}.term`)}</dt>
              <dd>{t(`glossary.terms.${key}.definition`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="breaks">
        <h2 id="breaks">{t('breaks.heading')}</h2>
        <p>{t.rich('breaks.body', { strong })}</p>
        <div className="table-scroll" role="region" aria-label={t('breaks.seriesLabel')} tabIndex={0}>
          <table className="data">
            <caption>{t('breaks.seriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breaks.colSeries')}</th>
                <th scope="col">{t('breaks.colYears')}</th>
                <th scope="col">{t('breaks.colChange')}</th>
                <th scope="col">{t('breaks.colComparable')}</th>
              </tr>
            </thead>
            <tbody>
              {SERIES.map((s) => {
                const words = seriesWords(s.name, locale) ?? s;
                return (
                  <tr key={s.name}>
                    <th scope="row">
                      {words.title}
                      <br />
                      <code>{s.name}</code>
                    </th>
                    <td>
                      {s.lastYear === null
                        ? t('breaks.yearsOngoing', { first: String(s.firstYear) })
                        : t('breaks.years', { first: String(s.firstYear), last: String(s.lastYear) })}
                    </td>
                    <td>{words.change}</td>
                    <td>{words.comparability}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h3 id="per-measure">{t('breaks.perMeasureHeading')}</h3>
        <p>
          {t.rich('breaks.perMeasure', {
            comparableQuote: registry.measures[0].evidence[0].quote,
            defaultQuote: registry.default.evidence[0].quote,
            code: (chunks) => <code>{chunks}</code>,
            a: (chunks) => <a href="/data/datapackage.json">{chunks}</a>,
          })}
        </p>
        <div className="table-scroll" role="region" aria-label={t('breaks.measuresLabel')} tabIndex={0}>
          <table className="data">
            <caption>{t('breaks.measuresCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breaks.colIndicator')}</th>
                <th scope="col">{t('breaks.colEvidence')}</th>
              </tr>
            </thead>
            <tbody>
              {registry.measures.map((m) => (
                <tr key={m.indicators.join()}>
                  <th scope="row">
                    {m.indicators.map((i) => (
                      <code key={i} className="block">
                        {i}
                      </code>
                    ))}
                  </th>
                  <td>
                    {m.evidence
                      .filter((e) => /2014 and 2015/.test(e.quote))
                      .map((e) => (
                        <span key={e.quote}>{t.rich('breaks.evidence', { claim: e.claim, quote: e.quote, source: evidenceSource(e.source, locale), en: (chunks) => <span lang="en">{chunks}</span> })}</span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t('breaks.restatements', { restatedQuote: registry.restatements[0].evidence[0].quote })}</p>
      </section>

      <section aria-labelledby="intervals">
        <h2 id="intervals">{t('intervals.heading')}</h2>
        <p>{t('intervals.intro')}</p>
        <ul>
          <li>{t.rich('intervals.national', { strong })}</li>
          <li>{t.rich('intervals.state', { strong })}</li>
          <li>{t('intervals.none')}</li>
        </ul>
        <p>{t('intervals.ranking')}</p>
      </section>

      <section aria-labelledby="pooled">
        <h2 id="pooled">{t('pooled.heading')}</h2>
        <p>{t('pooled.body')}</p>
      </section>

      <section aria-labelledby="qualifiers">
        <h2 id="qualifiers">{t('qualifiers.heading')}</h2>
        <dl className="glossary">
          {QUALIFIERS.map((q) => {
            const words = qualifierWords(q.code, locale) ?? q;
            return (
              <div key={q.code}>
                <dt>{words.label}</dt>
                <dd>{words.description}</dd>
              </div>
            );
          })}
        </dl>
        <p>{t('qualifiers.missing')}</p>
      </section>

      <section aria-labelledby="cite">
        <h2 id="cite">{t('cite.heading')}</h2>
        <p>{t('cite.intro')}</p>
        {/* SAMHSA's publication, cited by its title as published. */}
        <blockquote className="citation" lang="en">
          {t('cite.samhsa')}
        </blockquote>
        <p>{t('cite.andSite')}</p>
        <blockquote className="citation">
          {t('cite.site', { siteName: SITE_NAME, title: pkg.title, version: pkg.version, url: `${site}${localePath(locale, '/data')}`, accessed })}
        </blockquote>
        <p>
          {t.rich('cite.sources', {
            a: (chunks) => (
              <Link prefetch={false} href="/data">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </article>
  );
}
