import type { Metadata } from 'next';
import { DataNotice } from '@/app/_components/data-notice';
import Link from 'next/link';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { StateComparisonFigure } from '@/app/_components/charts/state-comparison-figure';
import { StateTrendFigure } from '@/app/_components/charts/state-trend-figure';
import { toAgeModel } from '@/lib/charts/age';
import { COUNT, measureById, measureOfUnit, measuresIn } from '@/lib/charts/measure';
import { choose } from '@/lib/charts/select';
import { againstUs, countsOnlyFor, stateTrendSpan, toStateTrendModel } from '@/lib/charts/state-trend';
import { usBesideStates } from '@/lib/charts/states';
import { comparePeriodsNewestFirst } from '@/lib/charts/view';
import { ageGroupLabel, ageGroupShortLabel, compareAgeGroups } from '@/lib/vocabulary/age-groups';
import { GEOGRAPHIES, geographyByCode } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { getAllObservations, getIndicators } from '@/lib/store/live';
import { oncePerRows } from '@/lib/data/per-version';
import { formatObservation, formatPeriod, formatPeriodList } from '@/lib/format/numbers';
import { html, type Html } from '@/lib/site/html';
import { pageMetadata } from '@/lib/site/metadata';
import { carriedView, dashboardHref, stateHref, statesHref, type CarriedView } from '../links';
import { ProfilePicker } from './picker';
import { DeviceGuessProvider } from '@/app/_components/charts/device-guess';
import { deviceGuess } from '@/lib/http/touch';
import { headers } from 'next/headers';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE_CODES = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));
const DEFAULT_INDICATOR = 'sud_past_year';

async function stateOf(params: Props['params'], view: CarriedView = {}) {
  const { code } = await params;
  const geo = geographyByCode(code.toUpperCase());
  if (!geo || geo.level !== 'state') notFound();
  if (code !== geo.code) permanentRedirect(stateHref(geo.code, view));
  return geo;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const geo = await stateOf(params, carriedView(await searchParams));
  return pageMetadata(geo.name, `Substance use and treatment estimates for ${geo.name} over time and beside the United States, with 95% intervals, from SAMHSA’s NSDUH state tables.`, `/states/${geo.code}`);
}

const show = (o: Observation | undefined) => (o ? formatObservation(o) : { estimate: '—', interval: null });

const COMPARISON = { above: 'Higher than the U.S.', below: 'Lower than the U.S.', overlaps: 'Not distinguishable from the U.S.' } as const;

function comparison(state: Observation | undefined, us: Observation | undefined): string {
  if (!state || !us || us.estimate === null) return '';
  const against = againstUs({ lower: state.ci_lower, upper: state.ci_upper }, { value: us.estimate });
  return against ? COMPARISON[against] : '';
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Rows = ReadonlyArray<Observation & { dataset: string }>;

/** What every state page reads from all the rows: built once per version of the data. */
const tablesOf = oncePerRows((observations: Rows) => {
  // Beside a state, the U.S. rows of the datasets that hold state figures: the state tables' own.
  const stateTables = new Set(observations.filter((o) => STATE_CODES.has(o.geography)).map((o) => o.dataset));
  // The state tables' periods of each indicator: the U.S. is compared at these only.
  const tablePeriods = new Map<string, Set<string>>();
  for (const o of observations) {
    if (!STATE_CODES.has(o.geography)) continue;
    const set = tablePeriods.get(o.indicator);
    if (set) set.add(o.period);
    else tablePeriods.set(o.indicator, new Set([o.period]));
  }
  return { stateTables, tablePeriods, byState: new Map<string, StateRows>() };
});

interface StateRows {
  /** The state's own figures. */
  mine: Observation[];
  /** Per indicator, the state's rows and the U.S. rows of the state tables, in the data's order. */
  byIndicator: Map<string, Observation[]>;
  tablePeriods: Map<string, Set<string>>;
}

/** A state's rows, picked out of every row once per version of the data (each pick scans 150,000 rows). */
function rowsOfState(observations: Rows, code: string): StateRows {
  const { stateTables, tablePeriods, byState } = tablesOf(observations);
  const known = byState.get(code);
  if (known) return known;
  const mine: Observation[] = [];
  const byIndicator = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.geography === code && o.estimate !== null) mine.push(o);
    if (o.geography !== code && !(o.geography === 'US' && stateTables.has(o.dataset))) continue;
    const list = byIndicator.get(o.indicator);
    if (list) list.push(o);
    else byIndicator.set(o.indicator, [o]);
  }
  const rows = { mine, byIndicator, tablePeriods };
  byState.set(code, rows);
  return rows;
}

export default async function StatePage({ params, searchParams }: Props) {
  const query = await searchParams;
  const asked = carriedView(query);
  const geo = await stateOf(params, asked);
  // Another state chosen in the picker without JavaScript: its page, with the same view.
  const other = geographyByCode((one(query.state) ?? '').toUpperCase());
  if (other && other.level === 'state' && other.code !== geo.code) redirect(stateHref(other.code, asked, '#charts'));
  const [observations, indicators] = await Promise.all([getAllObservations(), getIndicators()]);
  const { mine, byIndicator, tablePeriods } = rowsOfState(observations, geo.code);
  if (mine.length === 0) {
    return (
      <>
        <p>
          <Link prefetch={false} href={statesHref(asked)}>← All states</Link>
        </p>
        <DataNotice />
        <h1>{geo.name}</h1>
        <p className="lead">No estimates for {geo.name} can be shown right now: the data that holds them is unavailable. The national figures are on the dashboard.</p>
      </>
    );
  }
  const titleOf = (name: string) => indicators.get(name)?.title ?? name;
  const indicatorNames = [...new Set(mine.map((o) => o.indicator))].sort((a, b) => titleOf(a).localeCompare(titleOf(b)));

  // What the charts show, from the URL, repaired to something this state has.
  const wanted = one(query.indicator);
  const indicator = indicatorNames.find((n) => n === wanted) ?? indicatorNames.find((n) => n === DEFAULT_INDICATOR) ?? indicatorNames[0];
  const own = mine.filter((o) => o.indicator === indicator);
  const measures = measuresIn(own).map((m) => m.id);
  const measure = measures.find((m) => m === one(query.measure)) ?? measures[0];
  const ages = [...new Set(own.filter((o) => measureOfUnit(o.unit) === measure).map((o) => o.age_group))].sort(compareAgeGroups);
  const age = ages.find((a) => a === one(query.age)) ?? (ages.includes('12+') ? '12+' : ages[0]);
  const rows = byIndicator.get(indicator) ?? [];
  const trendOptions = { indicator, indicatorTitle: titleOf(indicator), geography: geo.code, ageGroup: age, measure, periods: [...(tablePeriods.get(indicator) ?? [])] };
  const trend = toStateTrendModel(rows, trendOptions);
  // The comparison with the U.S. is in a percentage: a state's count beside the nation's says nothing.
  const percent = measures.find((m) => measureById(m).kind === 'percent');
  const comparisonPeriod = percent ? [...new Set(own.filter((o) => measureOfUnit(o.unit) === percent).map((o) => o.period))].sort(comparePeriodsNewestFirst)[0] : undefined;
  const ageModel = percent && comparisonPeriod ? toAgeModel(usBesideStates(rows), { indicator, indicatorTitle: titleOf(indicator), geography: geo.code, measure: percent, period: comparisonPeriod }) : null;
  const newerCounts = comparisonPeriod
    ? countsOnlyFor(rows, { indicator, geography: geo.code, ageGroup: age, measure: percent as string }).filter((p) => comparePeriodsNewestFirst(p, comparisonPeriod) < 0)
    : [];
  // The view this page shows, and the dashboard's own choices for the same indicator (its national
  // trend measure and map period), carried unchanged to the dashboard and to other states.
  const sameIndicator = asked.indicator === indicator;
  const view: CarriedView = { indicator, age, measure, ...(sameIndicator && asked.trend ? { trend: asked.trend } : {}), ...(sameIndicator && asked.period ? { period: asked.period } : {}) };
  const universe = `People ${ageGroupLabel(age).toLowerCase()} in the civilian, noninstitutionalized population`;
  const span = stateTrendSpan(trend);
  // The server's guess of the visitor's screen, so a phone keeps the charts as drawn (lib/http/touch.ts).
  const guess = deviceGuess(await headers());
  const countsLink =
    trend.countsOnly.length && measures.includes(COUNT) ? (
      <Link prefetch={false} href={stateHref(geo.code, { ...view, measure: COUNT }, '#charts')} scroll={false}>
        Show numbers of people
      </Link>
    ) : null;

  return (
    <>
      <p className="state-back">
        <Link prefetch={false} href={dashboardHref(geo.code, view)}>← Dashboard with {geo.name} selected</Link>
        <Link prefetch={false} href={statesHref(view)}>All states</Link>
      </p>
      <DataNotice />
      <h1>{geo.name}</h1>
      <p className="lead">
        SAMHSA’s published estimates for {geo.name}, over time and beside the United States, with 95% intervals. State figures are
        small-area estimates — mostly annual averages of two survey years — with Bayesian credible intervals; U.S. figures have
        design-based confidence intervals.
      </p>

      <section id="charts" aria-labelledby="charts-title" className="profile-charts">
        <h2 id="charts-title">Charts: {titleOf(indicator)}</h2>
        <ProfilePicker
          code={geo.code}
          states={GEOGRAPHIES.filter((g) => g.level === 'state')
            .map((g) => ({ code: g.code, name: g.name }))
            .sort((a, b) => a.name.localeCompare(b.name))}
          carried={{ trend: view.trend, period: view.period }}
          indicators={indicatorNames.map((name) => ({ name, title: titleOf(name) }))}
          indicator={indicator}
          ages={ages}
          age={age}
          measures={measures}
          measure={measure}
        />
        {indicators.get(indicator) ? <p className="definition">{indicators.get(indicator)?.definition}</p> : null}
        <DeviceGuessProvider guess={guess}>
          <StateTrendFigure
            id="state-trend"
            model={trend}
            options={trendOptions}
            title={`Over time: ${geo.name}${trend.us ? ' beside the United States' : ''}${span ? `, ${span}` : ''}`}
            universe={universe}
            countsAction={countsLink}
          />
          {ageModel ? (
            <StateComparisonFigure
              id="state-vs-us"
              model={ageModel}
              indicatorTitle={titleOf(indicator)}
              universe="People in the civilian, noninstitutionalized population"
              notes={
                newerCounts.length ? (
                  <p className="chart-note counts-only">
                    This is the latest period with percentages. For {formatPeriodList(newerCounts)}, SAMHSA’s tables in this dataset give numbers of people
                    only.
                  </p>
                ) : null
              }
            />
          ) : (
            <p className="chart-note">
              SAMHSA’s tables in this dataset give {geo.name}’s figures for this indicator as numbers of people only, so there is no comparison with the
              United States: a state’s count beside the nation’s says nothing.
            </p>
          )}
        </DeviceGuessProvider>
      </section>

      <h2 id="all-indicators">Every indicator, latest period</h2>
      <p className="chart-note">
        “Higher” or “lower” means the state’s whole 95% interval lies above or below the U.S. estimate. “Not distinguishable” means
        the survey cannot tell the two apart — not that they are equal. This is not a formal significance test.
      </p>
      <nav aria-label="Indicators on this page" className="toc">
        <ul>
          {indicatorNames.map((name) => (
            <li key={name}>
              <a href={`#${name}`}>{titleOf(name)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {indicatorNames.map((name) => (
        <IndicatorTable key={name} name={name} title={titleOf(name)} definition={indicators.get(name)?.definition} code={geo.code} stateName={geo.name} rows={byIndicator.get(name) ?? []} />
      ))}
    </>
  );
}

/** A figure and its interval in a table cell; `label` names it where the row is shown as a card. */
function figure(label: string, o: Observation | undefined): Html {
  const f = show(o);
  return html`<td role="cell" class="num" data-label="${label}">${f.estimate}${f.interval ? html`<span class="interval"> (${f.interval})</span>` : null}</td>`;
}

function IndicatorTable({ name, title, definition, code, stateName, rows }: { name: string; title: string; definition?: string; code: string; stateName: string; rows: Observation[] }) {
  const own = rows.filter((o) => o.geography === code && o.estimate !== null);
  const measure = measuresIn(own)[0]?.id ?? COUNT;
  const periods = [...new Set(own.filter((o) => measureOfUnit(o.unit) === measure).map((o) => o.period))].sort(comparePeriodsNewestFirst);
  const period = periods[0];
  const inPeriod = usBesideStates(rows.filter((o) => o.period === period));
  const chosen = choose(inPeriod, (o) => `${o.geography}|${o.age_group}|${measureOfUnit(o.unit)}`);
  const get = (geography: string, age: string, m: string) => chosen.get(`${geography}|${age}|${m}`)?.observation;
  const ages = [...new Set(own.filter((o) => o.period === period).map((o) => o.age_group))].sort(compareAgeGroups);
  const percent = measureById(measure).kind === 'percent';
  // The number of people only where the period has counts (2021 has percentages only).
  const counts = ages.some((age) => get(code, age, COUNT));
  const newer = countsOnlyFor(rows, { indicator: name, geography: code, ageGroup: ages.includes('12+') ? '12+' : (ages[0] ?? '12+'), measure }).filter(
    (p) => comparePeriodsNewestFirst(p, period) < 0,
  );
  const sources = [...new Set(own.filter((o) => o.period === period).map((o) => o.source.replace(/: .*$/, '')))];
  const th = (text: string) => html`<th scope="col" role="columnheader">${text}</th>`;
  const table = html`<table class="data state-table" role="table"><caption>${title}, ${stateName} and the United States, ${formatPeriod(period)}${
    percent ? `, ${measureById(measure).label.toLowerCase()}` : null
  }</caption><thead role="rowgroup"><tr role="row">${th('Age')}${percent ? th(stateName) : null}${counts ? th(`${stateName}, number of people`) : null}${
    percent ? [th('United States'), th('Compared with the U.S.')] : null
  }</tr></thead><tbody role="rowgroup">${ages.map((age) => {
    const state = percent ? get(code, age, measure) : undefined;
    const us = percent ? get('US', age, measure) : undefined;
    return html`<tr role="row"><th scope="row" role="rowheader" data-label="Age">${ageGroupShortLabel(age)}</th>${percent ? figure(stateName, state) : null}${
      counts ? figure(`People in ${stateName}`, get(code, age, COUNT)) : null
    }${percent ? [figure('United States', us), html`<td role="cell" data-label="Compared with the U.S." class="compared">${comparison(state, us)}</td>`] : null}</tr>`;
  })}</tbody></table>`;
  return (
    <section id={name} aria-labelledby={`${name}-title`} className="profile-section">
      <h3 id={`${name}-title`}>{title}</h3>
      {definition ? <p className="chart-subtitle">{definition}</p> : null}
      {/* On a phone each row is a card (app/styles/states.css): the ARIA roles keep the table's
          semantics when CSS changes its display, and data-label names each figure on the card. */}
      {/* The table never changes in the browser: it is written as one string of static HTML
          (lib/site/html.ts), so React hydrates one element here, not a hundred. */}
      <div className="table-scroll" role="region" aria-label={`${title}: ${stateName} and the United States`} tabIndex={0} dangerouslySetInnerHTML={{ __html: table.value }} />
      <p className="chart-note">
        {newer.length ? `For ${formatPeriodList(newer)}, SAMHSA’s tables in this dataset give numbers of people only. ` : ''}
        <Link prefetch={false} href={`/states/${code}?indicator=${name}#charts`}>Chart of {title.charAt(0).toLowerCase() + title.slice(1)} over time</Link> · Source: {sources.join('; ')}.
      </p>
    </section>
  );
}
