import '@/lib/charts/english'; // English defaults for the chart functions this module calls
import { DataNotice } from '@/app/_components/data-notice';
import { Dashboard } from '@/app/_components/dashboard/dashboard';
import { FigureCard } from '@/app/_components/figure-card';
import { packOptions, packRows } from '@/lib/charts/packed';
import { ViewDataProvider } from '@/app/_components/dashboard/view-data-provider';
import { loadDashboard } from '@/lib/data/dashboard';
import { figureFor, latestFigure } from '@/lib/data/headline';
import { oncePerRows } from '@/lib/data/per-version';
import type { Observation } from '@/lib/vocabulary/schema';
import { getAllObservations, getIndicators } from '@/lib/store/live';
import { stateShapes } from '@/lib/geo/state-shapes';
import { pageMetadata } from '@/lib/site/metadata';
import { deviceGuess } from '@/lib/http/touch';
import { pageLocale } from '@/lib/i18n/locales';
import { seriesWords } from '@/lib/i18n/vocabulary';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const lang = pageLocale(locale);
  const t = await getTranslations({ locale: lang, namespace: 'dashboard' });
  return pageMetadata(t('home.metaTitle'), t('home.metaDescription'), '/', true, lang);
}

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

const NATIONAL = { indicator: 'sud_past_year', geography: 'US', age_group: '12+' } as const;

/** The two headline figures: each scans every observation, so once per version of the data. */
const headline = oncePerRows((observations: ReadonlyArray<Observation & { dataset: string }>) => ({
  latest: latestFigure(observations.filter((o) => o.dataset === 'national-estimates'), NATIONAL),
  reference: figureFor(observations, { ...NATIONAL, period: REFERENCE_PERIOD }),
}));

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  const lang = pageLocale(locale);
  const t = await getTranslations({ locale: lang, namespace: 'dashboard' });
  const query = await searchParams;
  const [observations, indicators, dashboard] = await Promise.all([getAllObservations(), getIndicators(lang), loadDashboard(query, lang)]);
  const initialSearch = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  const { latest, reference } = headline(observations);
  const title = indicators.get('sud_past_year')?.title ?? t('home.headlineFallback');
  const latestWords = latest ? seriesWords(latest.series, lang) : undefined;
  const referenceWords = reference ? seriesWords(reference.series, lang) : undefined;

  return (
    <>
      <DataNotice />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>

      <section aria-labelledby="headline">
        <h2 id="headline">{t('home.headline', { title: title.charAt(0).toLowerCase() + title.slice(1) })}</h2>
        <p className="headline-scope">{t('home.headlineScope')}</p>
        <div className="cards">
          {latest ? <FigureCard figure={latest} heading={t('home.latest', { period: latest.period })} /> : null}
          {reference ? (
            <FigureCard figure={reference} heading={t('home.reference', { period: reference.period })}>
              {latest && latestWords && referenceWords && latest.series !== reference.series ? (
                <p className="caveat">{t('home.notComparable', { period: latest.period, series: referenceWords.title, change: latestWords.change })}</p>
              ) : null}
            </FigureCard>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="explore">
        <h2 id="explore">{t('home.explore')}</h2>
        <ViewDataProvider packed={packRows(dashboard.initial)} guess={deviceGuess(await headers())}>
          <Dashboard packedOptions={packOptions(dashboard.options)} datasets={dashboard.datasets} shapes={stateShapes()} initialSearch={initialSearch ? `?${initialSearch}` : ''} />
        </ViewDataProvider>
      </section>
    </>
  );
}
