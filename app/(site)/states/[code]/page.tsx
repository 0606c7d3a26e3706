import type { Metadata } from 'next';
import { DataNotice } from '@/app/_components/data-notice';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { measureOfUnit } from '@/lib/charts/measure';
import { choose } from '@/lib/charts/select';
import { ageGroupShortLabel, compareAgeGroups } from '@/lib/vocabulary/age-groups';
import { geographyByCode } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { getAllObservations, getIndicators } from '@/lib/data/store';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { pageMetadata } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

async function stateOf(params: Props['params']) {
  const { code } = await params;
  const geo = geographyByCode(code.toUpperCase());
  if (!geo || geo.level !== 'state') notFound();
  if (code !== geo.code) permanentRedirect(`/states/${geo.code}`);
  return geo;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const geo = await stateOf(params);
  return pageMetadata(geo.name, `Substance use and treatment estimates for ${geo.name} beside the United States, with 95% intervals, from SAMHSA’s NSDUH state tables.`, `/states/${geo.code}`);
}

const show = (o: Observation | undefined) => {
  if (!o) return { estimate: '—', interval: null };
  return formatObservation(o);
};

function comparison(state: Observation | undefined, us: Observation | undefined): string {
  if (!state || !us || state.ci_lower === null || state.ci_upper === null || us.estimate === null) return '';
  if (state.ci_lower > us.estimate) return 'Higher than the U.S.';
  if (state.ci_upper < us.estimate) return 'Lower than the U.S.';
  return 'Not distinguishable from the U.S.';
}

export default async function StatePage({ params }: Props) {
  const geo = await stateOf(params);
  const [observations, indicators] = await Promise.all([getAllObservations(), getIndicators()]);
  const mine = observations.filter((o) => o.geography === geo.code);
  const periods = [...new Set(mine.map((o) => o.period))].sort().reverse();
  const period = periods[0];
  if (period === undefined) {
    return (
      <>
        <p>
          <Link href="/states">← All states</Link>
        </p>
        <DataNotice />
      <h1>{geo.name}</h1>
        <p className="lead">No estimates for {geo.name} can be shown right now: the data that holds them is unavailable. The national figures are on the dashboard.</p>
      </>
    );
  }
  const relevant = observations.filter((o) => (o.geography === geo.code || o.geography === 'US') && o.period === period);
  const chosen = choose(relevant, (o) => `${o.indicator}|${o.geography}|${o.age_group}|${measureOfUnit(o.unit)}`);
  const get = (indicator: string, geography: string, age: string, measure: string) => chosen.get(`${indicator}|${geography}|${age}|${measure}`)?.observation;
  const indicatorNames = [...new Set(mine.filter((o) => o.period === period).map((o) => o.indicator))].sort((a, b) =>
    (indicators.get(a)?.title ?? a).localeCompare(indicators.get(b)?.title ?? b),
  );
  const sources = [...new Set(mine.filter((o) => o.period === period).map((o) => o.source.replace(/: .*$/, '')))];

  return (
    <>
      <p>
        <Link href={`/?geo=${geo.code}`}>← Dashboard with {geo.name} selected</Link>
      </p>
      <DataNotice />
      <h1>{geo.name}</h1>
      <p className="lead">
        Every published estimate for {geo.name} in SAMHSA’s {formatPeriod(period)} state tables, beside the United States, with 95%
        intervals. State figures are small-area estimates (annual averages of two survey years) with Bayesian credible intervals; U.S.
        figures have design-based confidence intervals.
      </p>
      <p className="chart-note">
        “Higher” or “lower” means the state’s whole 95% interval lies above or below the U.S. estimate. “Not distinguishable” means
        the survey cannot tell the two apart — not that they are equal. This is not a formal significance test.
      </p>
      <nav aria-label="Indicators on this page" className="toc">
        <ul>
          {indicatorNames.map((name) => (
            <li key={name}>
              <a href={`#${name}`}>{indicators.get(name)?.title ?? name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {indicatorNames.map((name) => {
        const meta = indicators.get(name);
        const ages = [...new Set(mine.filter((o) => o.indicator === name && o.period === period).map((o) => o.age_group))].sort(compareAgeGroups);
        return (
          <section key={name} id={name} aria-labelledby={`${name}-title`} className="profile-section">
            <h2 id={`${name}-title`}>{meta?.title ?? name}</h2>
            {meta ? <p className="chart-subtitle">{meta.definition}</p> : null}
            <div className="table-scroll" role="region" aria-label={`${meta?.title ?? name}: ${geo.name} and the United States`} tabIndex={0}>
              <table className="data">
                <caption>
                  {meta?.title ?? name}, {geo.name} and the United States, {formatPeriod(period)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Age</th>
                    <th scope="col">{geo.name}</th>
                    <th scope="col">United States</th>
                    <th scope="col">Compared with the U.S.</th>
                    <th scope="col">{geo.name}, number of people</th>
                  </tr>
                </thead>
                <tbody>
                  {ages.map((age) => {
                    const state = get(name, geo.code, age, 'percent');
                    const us = get(name, 'US', age, 'percent');
                    const count = get(name, geo.code, age, 'count');
                    const s = show(state);
                    const u = show(us);
                    const c = show(count);
                    return (
                      <tr key={age}>
                        <th scope="row">{ageGroupShortLabel(age)}</th>
                        <td className="num">
                          {s.estimate}
                          {s.interval ? <span className="interval"> ({s.interval})</span> : null}
                        </td>
                        <td className="num">
                          {u.estimate}
                          {u.interval ? <span className="interval"> ({u.interval})</span> : null}
                        </td>
                        <td>{comparison(state, us)}</td>
                        <td className="num">
                          {c.estimate}
                          {c.interval ? <span className="interval"> ({c.interval})</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p className="source">Source: {sources.join('; ')}.</p>
    </>
  );
}
