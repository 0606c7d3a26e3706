import Link from 'next/link';
import { FigureCard } from './_components/figure-card';
import { figureFor, latestFigure } from '@/lib/data/headline';
import { seriesByName } from '@/lib/data/series';
import { getAllObservations, getIndicators } from '@/lib/data/store';
import { formatPeriod } from '@/lib/format/numbers';

export const dynamic = 'force-dynamic';

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

export default async function HomePage() {
  const [observations, indicators] = await Promise.all([getAllObservations(), getIndicators()]);
  const national = { indicator: 'sud_past_year', geography: 'US', age_group: '12+' } as const;
  const latest = latestFigure(observations.filter((o) => o.dataset === 'national-estimates'), national);
  const reference = figureFor(observations, { ...national, period: REFERENCE_PERIOD });
  const states = latestFigure(observations.filter((o) => o.dataset !== 'national-estimates'), national);
  const title = indicators.get('sud_past_year')?.title ?? 'Substance use disorder in the past year';
  const latestSeries = latest ? seriesByName(latest.series) : undefined;
  const referenceSeries = reference ? seriesByName(reference.series) : undefined;

  return (
    <>
      <h1>Substance use in the United States</h1>
      <p className="lead">
        How many people have a substance use disorder, and how many get treatment — from SAMHSA’s National Survey on Drug Use and
        Health, with the uncertainty and the source of every number.
      </p>

      <h2>{title}</h2>
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
        {states ? <FigureCard figure={states} heading={`National total in the state tables (${formatPeriod(states.period)} average)`} /> : null}
      </div>

      <p>
        Explore every published figure in the <Link href="/data">data catalog</Link>.
      </p>
    </>
  );
}
