/**
 * The dashboard's view state — indicator, age group, measure, geography, period — read from and
 * written to the URL, so every view can be shared, reloaded and navigated with back/forward.
 * Anything invalid in a URL falls back to a valid choice instead of failing.
 */
import { compareAgeGroups } from '../vocabulary/age-groups';
import { GEOGRAPHIES } from '../vocabulary/geography';
import type { Observation } from '../vocabulary/schema';
import { periodYears } from '../vocabulary/series';
import { UNITS } from '../vocabulary/units';
import { COUNT, measureOfUnit, measuresIn } from './measure';

export interface View {
  indicator: string;
  age: string;
  /** Measure of the national trend (count or a percent unit). */
  trend: string;
  /** Measure of the state map, ranking, age and state trend charts. */
  measure: string;
  /** Place of the age chart and the state trend (US or a state). */
  geo: string;
  /** Period of the map, ranking and age charts: one with state figures in `measure`. */
  period: string;
}

export const VIEW_PARAMS = ['indicator', 'age', 'trend', 'measure', 'geo', 'period'] as const;

/** What the pickers can offer for one indicator. */
export interface IndicatorOption {
  name: string;
  title: string;
  definition: string;
  national: boolean;
  states: boolean;
  ages: string[];
  /** Measures of the national (US) figures, for the trend. */
  nationalMeasures: string[];
  /** Measures of the state figures. */
  stateMeasures: string[];
  /** Periods with state figures, newest first. */
  statePeriods: string[];
  /**
   * Periods with state figures in each state measure and age group, newest first (absent: every
   * period in every measure and age group). A period whose every state figure was withheld is not one.
   */
  periodsByMeasure?: Array<{ measure: string; age: string; periods: string[] }>;
}

/** Newest first: by last survey year, then first (2021–2022, 2021, 2018–2019, 2017–2018). */
export function comparePeriodsNewestFirst(a: string, b: string): number {
  const ya = periodYears(a) ?? [0, 0];
  const yb = periodYears(b) ?? [0, 0];
  return yb[1] - ya[1] || yb[0] - ya[0] || b.localeCompare(a);
}

/** Periods with state figures in one measure (and age group, when given), newest first. */
export function periodsFor(option: IndicatorOption, measure: string, age?: string): string[] {
  if (!option.periodsByMeasure) return option.statePeriods;
  const entries = option.periodsByMeasure.filter((m) => m.measure === measure && (age === undefined || m.age === age));
  return [...new Set(entries.flatMap((m) => m.periods))].sort(comparePeriodsNewestFirst);
}

/**
 * Periods whose state figures are numbers of people only: SAMHSA's tables for them (as held in
 * data/) give no percentage in `measure`. Empty when `measure` is itself the count. A percentage
 * is never derived from a count, so the charts say so and offer the counts instead.
 */
export function countsOnlyPeriods(option: IndicatorOption, measure: string, age?: string): string[] {
  if (measure === COUNT) return [];
  const own = new Set(periodsFor(option, measure, age));
  return periodsFor(option, COUNT, age).filter((p) => !own.has(p));
}

export const DEFAULT_INDICATOR = 'sud_past_year';
const GEO_CODES = new Set(['US', ...GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code)]);
const STATE_CODES = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));

/** Builds the picker options from all observations and the indicator titles. */
export function indicatorOptions(observations: readonly Observation[], meta: ReadonlyMap<string, { title: string; definition: string }>): IndicatorOption[] {
  const by = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.estimate === null) continue;
    const list = by.get(o.indicator);
    if (list) list.push(o);
    else by.set(o.indicator, [o]);
  }
  const options: IndicatorOption[] = [];
  for (const [name, rows] of by) {
    const states = rows.filter((o) => STATE_CODES.has(o.geography));
    const us = rows.filter((o) => o.geography === 'US');
    options.push({
      name,
      title: meta.get(name)?.title ?? name,
      definition: meta.get(name)?.definition ?? '',
      national: us.length > 0,
      states: states.length > 0,
      ages: [...new Set(rows.map((o) => o.age_group))].sort(compareAgeGroups),
      nationalMeasures: measuresIn(us).map((m) => m.id),
      stateMeasures: measuresIn(states).map((m) => m.id),
      statePeriods: [...new Set(states.map((o) => o.period))].sort(comparePeriodsNewestFirst),
      periodsByMeasure: measuresIn(states).flatMap((m) => {
        const inMeasure = states.filter((o) => measureOfUnit(o.unit) === m.id);
        return [...new Set(inMeasure.map((o) => o.age_group))].sort(compareAgeGroups).map((age) => ({
          measure: m.id,
          age,
          periods: [...new Set(inMeasure.filter((o) => o.age_group === age).map((o) => o.period))].sort(comparePeriodsNewestFirst),
        }));
      }),
    });
  }
  return options.sort((a, b) => a.title.localeCompare(b.title));
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: Params, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A valid view from URL parameters, repairing whatever is missing or unknown. */
export function parseView(params: Params, options: readonly IndicatorOption[]): View {
  const indicator =
    options.find((o) => o.name === get(params, 'indicator')) ?? options.find((o) => o.name === DEFAULT_INDICATOR) ?? options[0];
  return normalizeView(
    {
      indicator: indicator?.name ?? DEFAULT_INDICATOR,
      age: get(params, 'age') ?? '',
      trend: get(params, 'trend') ?? '',
      measure: get(params, 'measure') ?? '',
      geo: get(params, 'geo') ?? '',
      period: get(params, 'period') ?? '',
    },
    options,
  );
}

/** Keeps a view's choices valid for its indicator (after the indicator changes, for example). */
export function normalizeView(view: View, options: readonly IndicatorOption[]): View {
  const o = options.find((x) => x.name === view.indicator);
  if (!o) return view;
  const age = o.ages.includes(view.age) ? view.age : o.ages.includes('12+') ? '12+' : (o.ages[0] ?? '12+');
  // Trends default to numbers of people (most national figures are counts); states to percentages
  // (comparable across states of different sizes).
  const trend = o.nationalMeasures.includes(view.trend) ? view.trend : o.nationalMeasures.includes('count') ? 'count' : (o.nationalMeasures[0] ?? 'count');
  // A period asked for without a measure (a link to 2021–2022, which has counts only) opens in a
  // measure that has it; otherwise states default to percentages.
  const measure = o.stateMeasures.includes(view.measure)
    ? view.measure
    : (['percent', ...o.stateMeasures].find((m) => o.stateMeasures.includes(m) && periodsFor(o, m, age).includes(view.period)) ??
      (o.stateMeasures.includes('percent') ? 'percent' : (o.stateMeasures[0] ?? 'percent')));
  const geo = GEO_CODES.has(view.geo) ? view.geo : 'US';
  // The picker offers only periods with figures in the measure; the default is the latest of them.
  const periods = periodsFor(o, measure, age);
  const period = periods.includes(view.period) ? view.period : (periods[0] ?? '');
  return { indicator: o.name, age, trend, measure, geo, period };
}

/**
 * The view after a visitor's change. A view on the latest period follows the latest period of a
 * new indicator or measure (the default stays the default); an older period chosen on purpose is
 * kept wherever the new choice has it.
 */
export function changeView(view: View, change: Partial<View>, options: readonly IndicatorOption[]): View {
  const next = { ...view, ...change };
  const option = options.find((o) => o.name === view.indicator);
  const onLatest = option !== undefined && periodsFor(option, view.measure, view.age)[0] === view.period;
  const switched = (['indicator', 'measure', 'age'] as const).some((k) => change[k] !== undefined && change[k] !== view[k]);
  if (switched && onLatest && change.period === undefined) next.period = '';
  return normalizeView(next, options);
}

export function viewToSearch(view: View): string {
  const params = new URLSearchParams();
  for (const key of VIEW_PARAMS) if (view[key]) params.set(key, view[key]);
  return `?${params.toString()}`;
}

/**
 * API requests that load what a view needs: every dataset's U.S. figures for the indicator (the
 * national trend, and the U.S. beside a state); from datasets with states, the states' figures in
 * the view's state measure for its period (map, ranking, ages); and the chosen state's figures in
 * every period and unit (its trend). Changing the age group needs no new request; a new period or
 * place loads only what it shows (every period of every state would be megabytes).
 */
export function viewRequests(view: Pick<View, 'indicator' | 'measure' | 'period' | 'geo'>, datasets: ReadonlyArray<{ id: string; states: boolean }>): string[] {
  const url = (id: string, params: Record<string, string>) => `/api/datasets/${id}?${new URLSearchParams({ indicator: view.indicator, ...params }).toString()}`;
  const units = UNITS.filter((u) => measureOfUnit(u.name) === view.measure).map((u) => u.name).join(',');
  return datasets.flatMap((d) => {
    const national = url(d.id, { geography: 'US' });
    if (!d.states) return [national];
    return [
      national,
      ...(view.period ? [url(d.id, { unit: units, period: view.period })] : []),
      ...(STATE_CODES.has(view.geo) ? [url(d.id, { geography: view.geo })] : []),
    ];
  });
}

/** The dataset a request of viewRequests reads (`/api/datasets/{id}?…`). */
export function datasetOfRequest(url: string): string {
  return decodeURIComponent(url.replace(/^\/api\/datasets\//, '').replace(/\?.*$/, ''));
}

/** The SWR key of a view's data (the server seeds the same key with its first answer). */
export const viewDataKey = (urls: string[]) => ['observations', ...urls];
