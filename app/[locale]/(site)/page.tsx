import { DataNotice } from '@/app/_components/data-notice';
import { Dashboard } from '@/app/_components/dashboard/dashboard';
import { FigureCard } from '@/app/_components/figure-card';
import { packOptions, packRows } from '@/lib/charts/packed';
import { ViewDataProvider } from '@/app/_components/dashboard/view-data-provider';
import { loadDashboard } from '@/lib/data/dashboard';
import { figureFor, latestFigure } from '@/lib/data/headline';
import { oncePerRows } from '@/lib/data/per-version';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import { getAllObservations, getIndicators } from '@/lib/store/live';
import { stateShapes } from '@/lib/geo/state-shapes';
import { pageMetadata } from '@/lib/site/metadata';
import { deviceGuess } from '@/lib/http/touch';
import { headers } from 'next/headers';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata(
  'Substance Use Atlas: substance use in the United States',
  'How many people in the United States have a substance use disorder, and how many get treatment: national trends that respect methodology changes, state maps and rankings, and age groups, with 95% intervals and sources.',
  '/',
  true,
);

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

const NATIONAL = { indicator: 'sud_past_year', geography: 'US', age_group: '12+' } as const;

/** The two headline figures: each scans every observation, so once per version of the data. */
const headline = oncePerRows((observations: ReadonlyArray<Observation & { dataset: string }>) => ({
  latest: latestFigure(observations.filter((o) => o.dataset === 'national-estimates'), NATIONAL),
  reference: figureFor(observations, { ...NATIONAL, period: REFERENCE_PERIOD }),
}));

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const query = await searchParams;
  const [observations, indicators, dashboard] = await Promise.all([getAllObservations(), getIndicators(), loadDashboard(query)]);
  const initialSearch = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  const { latest, reference } = headline(observations);
  const title = indicators.get('sud_past_year')?.title ?? 'Substance use disorder in the past year';
  const latestSeries = latest ? seriesByName(latest.series) : undefined;
  const referenceSeries = reference ? seriesByName(reference.series) : undefined;

  return (
    <>
      <DataNotice />
      <h1>Substance use in the United States</h1>
      <p className="lead">
        How many people have a substance use disorder, and how many get treatment — from SAMHSA’s National Survey on Drug Use and
        Health. Every number names its source; the 95% interval is shown wherever SAMHSA published one (the state tables have them; most
        national figures here were published without one).
      </p>

      <section aria-labelledby="headline">
        <h2 id="headline">Headline: {title.charAt(0).toLowerCase() + title.slice(1)}, United States</h2>
        <p className="headline-scope">
          These two figures are always this measure, for everyone aged 12 or older; the charts below follow your choices.
        </p>
        <div className="cards">
          {latest ? <FigureCard figure={latest} heading={`Latest national estimate (${latest.period})`} /> : null}
          {reference ? (
            <FigureCard figure={reference} heading={`The ${reference.period} estimate`}>
              {latestSeries && referenceSeries && latestSeries !== referenceSeries ? (
                <p className="caveat">
                  Not comparable with {latest?.period}: {referenceSeries.title} used different criteria. {latestSeries.change}
                </p>
              ) : null}
            </FigureCard>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="explore">
        <h2 id="explore">Explore the figures</h2>
        <ViewDataProvider packed={packRows(dashboard.initial)} guess={deviceGuess(await headers())}>
          <Dashboard packedOptions={packOptions(dashboard.options)} datasets={dashboard.datasets} shapes={stateShapes()} initialSearch={initialSearch ? `?${initialSearch}` : ''} />
        </ViewDataProvider>
      </section>
    </>
  );
}
