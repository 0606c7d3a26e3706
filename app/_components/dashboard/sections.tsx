'use client';

import { useMemo, type ReactNode } from 'react';
import { summarizeAge, toAgeModel, type AgeOptions } from '@/lib/charts/age';
import { formatTick, measureById } from '@/lib/charts/measure';
import { countsOnlySentence, stateTrendSpan, toStateTrendModel, type StateTrendOptions } from '@/lib/charts/state-trend';
import { mapClasses, summarizeStates, toStatesModel, usBesideStates, type StatesOptions } from '@/lib/charts/states';
import { summarizeTrend, toTrendModel, trendSpan, type TrendOptions } from '@/lib/charts/trend';
import { countsOnlyPeriods, type IndicatorOption, type View } from '@/lib/charts/view';
import { ageGroupLabel, ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { compareStatesByName, geographyName, STATES_BY_NAME } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import type { StateShape } from '@/lib/geo/state-shapes';
import { describePeriod, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { AgeChart } from '../charts/age-chart';
import { ChartActions, type ChartKind } from '../charts/chart-actions';
import { ChartFrame, DataTable, type TableRow } from '../charts/chart-frame';
import { RankingChart } from '../charts/ranking-chart';
import { MapLegend, StateMap, StatePicker } from '../charts/state-map';
import { StateTrendFigure } from '../charts/state-trend-figure';
import { TrendChart } from '../charts/trend-chart';
import { MeasureSwitch } from './controls';

const row = (key: string, label: string, o: Observation, note?: string): TableRow => {
  const f = formatObservation(o);
  return { key, label, estimate: f.estimate, interval: f.interval, period: formatPeriod(o.period), series: seriesByName(o.series)?.title ?? o.series, source: o.source, note };
};

const distinct = (values: string[]) => [...new Set(values)];

/** Universe of a chart in a few words: "People aged 18–25 in the civilian, noninstitutionalized population". */
export const universe = (age: string) => `People ${ageGroupLabel(age).toLowerCase()} in the civilian, noninstitutionalized population`;

/**
 * Every chart model of a view, computed once from the loaded observations. `stateTables` are those
 * from datasets with state figures: a state's trend sets the U.S. rows of those tables beside it.
 */
export function useViewModels(observations: Observation[], view: View, option: IndicatorOption, stateTables: Observation[] = observations) {
  const title = option.title;
  const trendOptions: TrendOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: 'US', ageGroup: view.age, measure: view.trend }),
    [view.indicator, title, view.age, view.trend],
  );
  const statesOptions: StatesOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, ageGroup: view.age, measure: view.measure, period: view.period }),
    [view.indicator, title, view.age, view.measure, view.period],
  );
  const ageOptions: AgeOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: view.geo, measure: view.measure, period: view.period }),
    [view.indicator, title, view.geo, view.measure, view.period],
  );
  const stateTrendOptions: StateTrendOptions = useMemo(
    () => ({
      indicator: view.indicator,
      indicatorTitle: title,
      geography: view.geo,
      ageGroup: view.age,
      measure: view.measure,
      periods: option.statePeriods,
      // The dashboard loads the states in one measure; which periods have counts only, it knows from the options.
      countsOnly: countsOnlyPeriods(option, view.measure, view.age),
    }),
    [view.indicator, title, view.geo, view.age, view.measure, option],
  );
  const trend = useMemo(() => toTrendModel(observations, trendOptions), [observations, trendOptions]);
  const stateTrend = useMemo(() => toStateTrendModel(stateTables, stateTrendOptions), [stateTables, stateTrendOptions]);
  const states = useMemo(() => toStatesModel(observations, statesOptions), [observations, statesOptions]);
  const classes = useMemo(() => mapClasses(states), [states]);
  // Beside a state, the U.S. row of the same table (usBesideStates), not a national figure from elsewhere.
  const ages = useMemo(() => toAgeModel(usBesideStates(observations), ageOptions), [observations, ageOptions]);
  return { trend, trendOptions, stateTrend, stateTrendOptions, states, statesOptions, classes, ages, ageOptions };
}

export type ViewModels = ReturnType<typeof useViewModels>;

export interface SectionProps {
  view: View;
  option: IndicatorOption;
  models: ViewModels;
  /** Loading or error message from the data hook. */
  status?: ReactNode;
  /** Present on the dashboard (chart-level pickers); absent in an embed. */
  onChange?: (change: Partial<View>) => void;
  /** True in an embed: no share/embed actions pointing back at an embed. */
  embedded?: boolean;
  /** No download or share actions at all (the staff preview of unpublished data). */
  noActions?: boolean;
  headingLevel?: 1 | 3 | 5;
  /** Places whose figures an upload changes (the staff preview marks them). */
  changed?: ReadonlySet<string>;
}

function actions(kind: ChartKind, title: string, view: View, rows: Observation[], embedded: boolean | undefined) {
  return <ChartActions kind={kind} title={title} view={view} rows={rows} embedded={embedded} />;
}

/**
 * "For 2021–2022, SAMHSA's tables … give numbers of people only", with a button that shows them:
 * a percentage is never derived from a count.
 */
function CountsOnlyNote({ option, view, onChange }: Pick<SectionProps, 'option' | 'view' | 'onChange'>) {
  const periods = countsOnlyPeriods(option, view.measure, view.age);
  if (!periods.length) return null;
  const latest = periods[0];
  return (
    <p className="chart-note counts-only">
      {countsOnlySentence([...periods].reverse())}{' '}
      {onChange ? (
        <button type="button" className="secondary" onClick={() => onChange({ measure: 'count', period: latest })}>
          Show numbers of people, {formatPeriod(latest)}
        </button>
      ) : null}
    </p>
  );
}

/** A state's trend beside the U.S. (the U.S. alone until a state is chosen), in the view's state measure. */
export function StateTrendSection({ view, option, models, status, onChange, embedded, noActions, headingLevel }: SectionProps) {
  const { stateTrend, stateTrendOptions } = models;
  const place = geographyName(view.geo);
  const span = stateTrendSpan(stateTrend);
  const title =
    view.geo === 'US' ? `${option.title}: the United States in the state tables${span ? `, ${span}` : ''}` : `${option.title}: ${place} beside the United States${span ? `, ${span}` : ''}`;
  const rows = stateTrend.periods.flatMap((p) => [p.place, p.us].flatMap((x) => (x ? [x.observation] : [])));
  const latestCounts = stateTrend.countsOnly.at(-1);
  return (
    <StateTrendFigure
      id="state-trend"
      model={stateTrend}
      options={stateTrendOptions}
      title={title}
      universe={universe(view.age)}
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      status={status}
      controls={
        onChange ? (
          <div className="chart-controls">
            <label className="inline-select">
              State{' '}
              <select value={view.geo} onChange={(e) => onChange({ geo: e.target.value })}>
                <option value="US">United States only</option>
                {STATES_BY_NAME.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            <MeasureSwitch name="state-trend-measure" measures={option.stateMeasures} value={view.measure} onChange={(m) => onChange({ measure: m })} inForm={false} />
          </div>
        ) : null
      }
      countsAction={
        onChange && latestCounts ? (
          <button type="button" className="secondary" onClick={() => onChange({ measure: 'count', period: latestCounts })}>
            Show numbers of people
          </button>
        ) : null
      }
      hint={view.geo === 'US' ? <p className="chart-note">Choose a state above to see its trend beside the United States.</p> : null}
      actions={noActions ? undefined : <ChartActions kind="state-trend" title={title} view={view} rows={rows} embedded={embedded} />}
    />
  );
}

export function TrendSection({ view, option, models, status, onChange, embedded, noActions, headingLevel }: SectionProps) {
  const { trend, trendOptions } = models;
  const measure = measureById(view.trend);
  const who = ageGroupLabel(view.age).toLowerCase();
  // The title names the years actually plotted: one figure is its own year, not a 22-year span.
  const span = trendSpan(trend);
  const title = trend.points.length === 1 ? `${option.title}: national figure, ${span}` : `${option.title}: national trend${span ? `, ${span}` : ''}`;
  return (
    <ChartFrame
      id="trend"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={`${universe(view.age)}, United States. ${measure.label}. One line per survey method; a gap is a year with no figure in this dataset yet (not necessarily unpublished).`}
      summary={summarizeTrend(trend, trendOptions)}
      sources={distinct(trend.points.map((p) => p.observation.source))}
      status={status}
      controls={onChange ? <MeasureSwitch name="trend" measures={option.nationalMeasures} value={view.trend} onChange={(m) => onChange({ trend: m })} /> : null}
      notes={
        trend.points.length ? (
          <ul className="legend" aria-label="Survey methods (series)">
            {distinct(trend.points.map((p) => p.series)).map((name) => (
              <li key={name}>
                <span className="series-swatch" data-series={name} aria-hidden="true" /> {seriesByName(name)?.title ?? name}
              </li>
            ))}
          </ul>
        ) : null
      }
      table={
        <DataTable
          caption={`${option.title}, United States, ${who}: the figures plotted in the trend chart`}
          labelHeading="Year"
          rows={trend.points.map((p) =>
            row(p.key, formatPeriod(p.period), p.observation, p.superseded.length ? `(revised; first published as ${p.superseded.map((s) => formatObservation(s).estimate).join(', ')})` : undefined),
          )}
        />
      }
      actions={noActions ? undefined : actions('trend', title, view, trend.points.map((p) => p.observation), embedded)}
    >
      <TrendChart model={trend} label={`Line chart: ${option.title}, United States, ${who}, by year`} />
    </ChartFrame>
  );
}

export function MapSection({ view, option, models, status, onChange, embedded, shapes, noActions, headingLevel }: SectionProps & { shapes: StateShape[] }) {
  const { states, statesOptions, classes } = models;
  const measure = measureById(view.measure);
  const period = formatPeriod(view.period);
  const who = ageGroupLabel(view.age).toLowerCase();
  const title = `${option.title} by state, ${period}`;
  return (
    <ChartFrame
      id="map"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={`${universe(view.age)}. ${measure.label}, ${describePeriod(view.period)}. Select a state, or choose one from the list, to open its profile.`}
      summary={summarizeStates(states, statesOptions, 'map')}
      sources={distinct(states.states.map((s) => s.observation.source))}
      status={status}
      controls={
        <div className="chart-controls">
          {onChange ? <MeasureSwitch name="measure" measures={option.stateMeasures} value={view.measure} onChange={(m) => onChange({ measure: m })} /> : null}
          <StatePicker />
        </div>
      }
      notes={
        <>
          <MapLegend caption={`${period}, ${measure.label.toLowerCase()}:`} classes={classes} format={(v) => formatTick(v, measure)} missing={states.missing.length > 0} />
          {states.usOmitted ? <p className="chart-note counts-not-compared">{states.usOmitted}</p> : null}
          <CountsOnlyNote option={option} view={view} onChange={onChange} />
        </>
      }
      table={
        <DataTable caption={`${option.title} by state, ${who}, ${period}`} labelHeading="State" rows={[...states.states].sort((a, b) => compareStatesByName(a.code, b.code)).map((s) => row(s.code, s.name, s.observation))} />
      }
      actions={noActions ? undefined : actions('map', title, view, states.states.map((s) => s.observation), embedded)}
    >
      <StateMap shapes={shapes} model={states} classes={classes} label={`Map of the United States: ${option.title} by state, ${who}, ${period}`} />
    </ChartFrame>
  );
}

export function RankingSection({ view, option, models, status, embedded, noActions, headingLevel, changed }: SectionProps) {
  const { states, statesOptions } = models;
  const measure = measureById(view.measure);
  const period = formatPeriod(view.period);
  const who = ageGroupLabel(view.age).toLowerCase();
  const title = `States ranked: ${option.title}, ${period}`;
  const rows = [...states.states.map((s) => s.observation), ...(states.us ? [states.us.observation] : [])];
  return (
    <ChartFrame
      id="ranking"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={`${universe(view.age)}. ${measure.label}, with 95% intervals${states.us ? '; the line is the U.S. estimate' : ''}.`}
      summary={summarizeStates(states, statesOptions, 'ranking')}
      sources={distinct(rows.map((o) => o.source))}
      status={status}
      notes={
        states.usOmitted ? (
          <p className="chart-note counts-not-compared">{states.usOmitted}</p>
        ) : (
        <p className="chart-note">
          “Higher” or “lower” marks a state whose whole 95% interval lies above or below the U.S. estimate: a difference unlikely to be
          chance alone. An overlapping interval does not mean the state equals the U.S.; it means the survey cannot tell them apart. This is
          not a formal significance test.
        </p>
        )
      }
      table={
        <DataTable
          caption={`States ranked by ${option.title.toLowerCase()}, ${who}, ${period}`}
          labelHeading="State"
          rows={[
            ...states.states.map((s, i) =>
              row(s.code, `${i + 1}. ${s.name}`, s.observation, s.comparison === 'above' ? '(interval above U.S.)' : s.comparison === 'below' ? '(interval below U.S.)' : undefined),
            ),
            ...(states.us ? [row('US', 'United States', states.us.observation)] : []),
          ]}
        />
      }
      actions={noActions ? undefined : actions('ranking', title, view, rows, embedded)}
    >
      <RankingChart model={states} label={`Ranking chart: ${option.title} by state, ${who}, ${period}, highest first`} highlight={view.geo} changed={changed} />
    </ChartFrame>
  );
}

export function AgeSection({ view, option, models, status, embedded, noActions, headingLevel }: SectionProps) {
  const { ages, ageOptions } = models;
  const measure = measureById(view.measure);
  const period = formatPeriod(view.period);
  const place = geographyName(view.geo);
  const title = `${option.title} by age group: ${place}, ${period}`;
  const rows = ages.rows.flatMap((r) => [...(r.value ? [r.value.observation] : []), ...(r.us ? [r.us.observation] : [])]);
  return (
    <ChartFrame
      id="ages"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={`By age group: ${place}, ${period}`}
      subtitle={`${option.title}. ${measure.label}, with 95% intervals${ages.rows.some((r) => r.us) ? '; hollow markers are the U.S. figures' : ''}. The totals 18+ and 12+ include the groups above them.`}
      summary={summarizeAge(ages, ageOptions)}
      sources={distinct(rows.map((o) => o.source))}
      status={status}
      notes={ages.usOmitted && !ages.emptyReason ? <p className="chart-note counts-not-compared">{ages.usOmitted}</p> : null}
      table={
        <DataTable
          caption={`${option.title} by age group, ${place}, ${period}`}
          labelHeading="Age group"
          rows={ages.rows.flatMap((r) => [
            ...(r.value ? [row(r.ageGroup, `${ageGroupShortLabel(r.ageGroup)} (${place})`, r.value.observation)] : []),
            ...(r.us ? [row(`${r.ageGroup}-us`, `${ageGroupShortLabel(r.ageGroup)} (United States)`, r.us.observation)] : []),
          ])}
        />
      }
      actions={noActions ? undefined : actions('ages', title, view, rows, embedded)}
    >
      <AgeChart model={ages} label={`Chart of ${option.title} by age group, ${place}, ${period}`} />
    </ChartFrame>
  );
}
