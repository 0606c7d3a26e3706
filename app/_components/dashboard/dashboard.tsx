'use client';

import { useCallback, useMemo } from 'react';
import { toAgeModel, summarizeAge } from '@/lib/charts/age';
import { formatTick, measureById } from '@/lib/charts/measure';
import { mapClasses, summarizeStates, toStatesModel } from '@/lib/charts/states';
import { summarizeTrend, toTrendModel } from '@/lib/charts/trend';
import { normalizeView, parseView, viewRequests, viewToSearch, type IndicatorOption, type View } from '@/lib/charts/view';
import { ageGroupLabel, ageGroupShortLabel } from '@/lib/data/age-groups';
import { geographyName } from '@/lib/data/geography';
import type { Observation } from '@/lib/data/schema';
import { seriesByName } from '@/lib/data/series';
import type { StateShape } from '@/lib/geo/state-shapes';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { AgeChart } from '../charts/age-chart';
import { ChartFrame, DataTable, type TableRow } from '../charts/chart-frame';
import { RankingChart } from '../charts/ranking-chart';
import { MapLegend, StateMap } from '../charts/state-map';
import { TrendChart } from '../charts/trend-chart';
import { Controls, MeasureSwitch } from './controls';
import { pushUrlSearch, useUrlSearch } from './use-url-search';
import { useViewData } from './use-view-data';

export interface DashboardProps {
  options: IndicatorOption[];
  datasets: Array<{ id: string; states: boolean }>;
  shapes: StateShape[];
  /** The query string the server rendered, for the first render before hydration. */
  initialSearch: string;
}

const row = (key: string, label: string, o: Observation, note?: string): TableRow => {
  const f = formatObservation(o);
  return { key, label, estimate: f.estimate, interval: f.interval, period: formatPeriod(o.period), series: seriesByName(o.series)?.title ?? o.series, source: o.source, note };
};

const distinct = (values: string[]) => [...new Set(values)];

/** Universe of a chart in a few words: "People aged 18–25 (civilian, noninstitutionalized)". */
const universe = (age: string) => `People ${ageGroupLabel(age).toLowerCase()} in the civilian, noninstitutionalized population`;

/** The interactive dashboard: pickers, national trend, state map, state ranking and age groups, all driven by the URL. */
export function Dashboard({ options, datasets, shapes, initialSearch }: DashboardProps) {
  const search = useUrlSearch(initialSearch);
  const view = useMemo(() => parseView(new URLSearchParams(search), options), [search, options]);
  const option = options.find((o) => o.name === view.indicator) as IndicatorOption;
  const urls = useMemo(() => viewRequests({ indicator: view.indicator, measure: view.measure }, datasets), [view.indicator, view.measure, datasets]);
  const { data, error, isLoading, isValidating, mutate } = useViewData(urls);

  const update = useCallback(
    (change: Partial<View>) => {
      const next = normalizeView({ ...view, ...change }, options);
      pushUrlSearch(viewToSearch(next));
    },
    [view, options],
  );

  const observations = useMemo(() => (data ?? []).flatMap((d) => d.observations), [data]);
  const measure = measureById(view.measure);
  const trendMeasure = measureById(view.trend);
  const title = option.title;
  const format = (v: number) => formatTick(v, measure);

  const trendOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: 'US', ageGroup: view.age, measure: view.trend }),
    [view.indicator, title, view.age, view.trend],
  );
  const statesOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, ageGroup: view.age, measure: view.measure, period: view.period }),
    [view.indicator, title, view.age, view.measure, view.period],
  );
  const ageOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: view.geo, measure: view.measure, period: view.period }),
    [view.indicator, title, view.geo, view.measure, view.period],
  );
  const trend = useMemo(() => toTrendModel(observations, trendOptions), [observations, trendOptions]);
  const states = useMemo(() => toStatesModel(observations, statesOptions), [observations, statesOptions]);
  const classes = useMemo(() => mapClasses(states), [states]);
  const ages = useMemo(() => toAgeModel(observations, ageOptions), [observations, ageOptions]);

  const loading = isLoading || isValidating;
  const status = error ? (
    <p className="chart-status error" role="alert">
      Could not load the figures for this selection: {error.message}{' '}
      <button type="button" onClick={() => mutate()}>
        Try again
      </button>
    </p>
  ) : loading ? (
    <p className="chart-status" role="status">
      Loading…
    </p>
  ) : null;

  const period = view.period ? formatPeriod(view.period) : '';
  const who = ageGroupLabel(view.age).toLowerCase();

  return (
    <div className="dashboard" aria-busy={loading}>
      <Controls view={view} options={options} onChange={update} />
      <p className="definition">
        <strong>{title}:</strong> {option.definition}
      </p>

      <ChartFrame
        id="trend"
        title={`${title}: national trend, ${trend.xDomain[0]}–${trend.xDomain[1]}`}
        subtitle={`${universe(view.age)}, United States. ${trendMeasure.label}. One line per survey method; a gap is a year with no published figure.`}
        controls={<MeasureSwitch name="trend" measures={option.nationalMeasures} value={view.trend} onChange={(m) => update({ trend: m })} />}
        summary={summarizeTrend(trend, trendOptions)}
        sources={distinct(trend.points.map((p) => p.observation.source))}
        status={status}
        notes={
          trend.points.length ? (
            <ul className="legend" aria-label="Survey methods (series)">
              {distinct(trend.points.map((p) => p.series)).map((name) => {
                const s = seriesByName(name);
                return (
                  <li key={name} className={`series-key series-${name.replace(/[^a-z0-9]/gi, '')}`}>
                    <span className="series-swatch" data-series={name} aria-hidden="true" /> {s?.title ?? name}
                  </li>
                );
              })}
            </ul>
          ) : null
        }
        table={
          <DataTable
            caption={`${title}, United States, ${who}: the figures plotted in the trend chart`}
            labelHeading="Year"
            rows={trend.points.map((p) => row(p.key, formatPeriod(p.period), p.observation, p.superseded.length ? `(revised; first published as ${p.superseded.map((s) => formatObservation(s).estimate).join(', ')})` : undefined))}
          />
        }
      >
        <TrendChart model={trend} label={`Line chart: ${title}, United States, ${who}, by year`} />
      </ChartFrame>

      {option.states ? (
        <>
          <ChartFrame
            id="map"
            title={`${title} by state, ${period}`}
            subtitle={`${universe(view.age)}. ${measure.label}, annual average of ${period.replace('–', ' and ')}. Select a state to open its profile.`}
            controls={<MeasureSwitch name="measure" measures={option.stateMeasures} value={view.measure} onChange={(m) => update({ measure: m })} />}
            summary={summarizeStates(states, statesOptions, 'map')}
            sources={distinct(states.states.map((s) => s.observation.source))}
            status={status}
            notes={<MapLegend classes={classes} format={format} missing={states.missing.length > 0} />}
            table={
              <DataTable
                caption={`${title} by state, ${who}, ${period}`}
                labelHeading="State"
                rows={[...states.states].sort((a, b) => a.name.localeCompare(b.name)).map((s) => row(s.code, s.name, s.observation))}
              />
            }
          >
            <StateMap shapes={shapes} model={states} classes={classes} label={`Map of the United States: ${title} by state, ${who}, ${period}`} />
          </ChartFrame>

          <div className="chart-pair">
            <ChartFrame
              id="ranking"
              title={`States ranked, ${period}`}
              subtitle={`${title}. ${universe(view.age)}. ${measure.label}, with 95% intervals; the line is the U.S. estimate.`}
              summary={summarizeStates(states, statesOptions, 'ranking')}
              sources={distinct([...states.states.map((s) => s.observation.source), ...(states.us ? [states.us.observation.source] : [])])}
              status={status}
              notes={
                <p className="chart-note">
                  “Higher” or “lower” marks a state whose whole 95% interval lies above or below the U.S. estimate: a difference unlikely
                  to be chance alone. An overlapping interval does not mean the state equals the U.S.; it means the survey cannot tell them
                  apart. This is not a formal significance test.
                </p>
              }
              table={
                <DataTable
                  caption={`States ranked by ${title.toLowerCase()}, ${who}, ${period}`}
                  labelHeading="State"
                  rows={[
                    ...states.states.map((s, i) =>
                      row(s.code, `${i + 1}. ${s.name}`, s.observation, s.comparison === 'above' ? '(interval above U.S.)' : s.comparison === 'below' ? '(interval below U.S.)' : undefined),
                    ),
                    ...(states.us ? [row('US', 'United States', states.us.observation)] : []),
                  ]}
                />
              }
            >
              <RankingChart model={states} label={`Ranking chart: ${title} by state, ${who}, ${period}, highest first`} highlight={view.geo} />
            </ChartFrame>

            <ChartFrame
              id="ages"
              title={`By age group: ${geographyName(view.geo)}, ${period}`}
              subtitle={`${title}. ${measure.label}, with 95% intervals${view.geo !== 'US' ? '; hollow markers are the U.S. figures' : ''}. The totals 18+ and 12+ include the groups above them.`}
              summary={summarizeAge(ages, ageOptions)}
              sources={distinct(ages.rows.flatMap((r) => [r.value?.observation.source, r.us?.observation.source]).filter((s): s is string => Boolean(s)))}
              status={status}
              table={
                <DataTable
                  caption={`${title} by age group, ${geographyName(view.geo)}, ${period}`}
                  labelHeading="Age group"
                  rows={ages.rows.flatMap((r) => [
                    ...(r.value ? [row(r.ageGroup, `${ageGroupShortLabel(r.ageGroup)} (${geographyName(view.geo)})`, r.value.observation)] : []),
                    ...(r.us ? [row(`${r.ageGroup}-us`, `${ageGroupShortLabel(r.ageGroup)} (United States)`, r.us.observation)] : []),
                  ])}
                />
              }
            >
              <AgeChart model={ages} label={`Chart of ${title} by age group, ${geographyName(view.geo)}, ${period}`} />
            </ChartFrame>
          </div>
        </>
      ) : (
        <p className="chart-note">No state estimates are published for this indicator; choose one marked “with state estimates” to see the map and rankings.</p>
      )}
    </div>
  );
}
