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
import { compareText } from '../format/compare';

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
  /** Measures of the national (US) figures in each age group (absent: every national measure in every age group). */
  nationalByAge?: Array<{ age: string; measures: string[] }>;
}

/** Newest first: by last survey year, then first (2021–2022, 2021, 2018–2019, 2017–2018). */
export function comparePeriodsNewestFirst(a: string, b: string): number {
  const ya = periodYears(a) ?? [0, 0];
  const yb = periodYears(b) ?? [0, 0];
  return yb[1] - ya[1] || yb[0] - ya[0] || compareText(b, a);
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

/** National measures with a figure for one age group (all of them when the option does not say). */
export function nationalMeasuresFor(option: IndicatorOption, age: string): string[] {
  if (!option.nationalByAge) return option.nationalMeasures;
  return option.nationalByAge.find((a) => a.age === age)?.measures ?? [];
}

/** State measures with a figure for one age group in some period. */
export function stateMeasuresFor(option: IndicatorOption, age: string): string[] {
  return option.stateMeasures.filter((m) => periodsFor(option, m, age).length > 0);
}

/** What one age group of an indicator can show: a national trend, state charts, both (never neither). */
export interface AgeChoice {
  age: string;
  national: boolean;
  states: boolean;
}

/** The age groups a visitor can choose for an indicator, each with what it can show. */
export function ageChoices(option: IndicatorOption): AgeChoice[] {
  return option.ages
    .map((age) => ({ age, national: nationalMeasuresFor(option, age).length > 0, states: stateMeasuresFor(option, age).length > 0 }))
    .filter((a) => a.national || a.states);
}

/**
 * The option as the charts of one age group see it: only the measures with a figure for that age
 * group, so no "Show as" choice leads to an empty chart; `states` is false when the age group has
 * no state figure (the state charts are then replaced by one note, not drawn empty).
 */
export function optionForAge(option: IndicatorOption, age: string): IndicatorOption {
  const stateMeasures = stateMeasuresFor(option, age);
  return { ...option, nationalMeasures: nationalMeasuresFor(option, age), stateMeasures, states: option.states && stateMeasures.length > 0 };
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
    // Age groups of the nation and the states only: a region's figure has no chart on the dashboard.
    const ages = [...new Set([...us, ...states].map((o) => o.age_group))].sort(compareAgeGroups);
    if (!ages.length) continue;
    options.push({
      name,
      title: meta.get(name)?.title ?? name,
      definition: meta.get(name)?.definition ?? '',
      national: us.length > 0,
      states: states.length > 0,
      ages,
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
      nationalByAge: ages.map((age) => ({ age, measures: measuresIn(us.filter((o) => o.age_group === age)).map((m) => m.id) })),
    });
  }
  return options.sort((a, b) => compareText(a.title, b.title));
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
  const found = options.find((x) => x.name === view.indicator);
  if (!found) return view;
  const ages = ageChoices(found).map((a) => a.age);
  const age = ages.includes(view.age) ? view.age : ages.includes('12+') ? '12+' : (ages[0] ?? '12+');
  // Only measures with a figure for this age group: a choice that leads to an empty chart is not one.
  const o = optionForAge(found, age);
  // Trends default to numbers of people (most national figures are counts); states to percentages
  // (comparable across states of different sizes).
  const trend = o.nationalMeasures.includes(view.trend) ? view.trend : o.nationalMeasures.includes('count') ? 'count' : (o.nationalMeasures[0] ?? found.nationalMeasures[0] ?? 'count');
  // A period asked for without a measure (a link to 2021–2022, which has counts only) opens in a
  // measure that has it; otherwise states default to percentages.
  const measure = o.stateMeasures.includes(view.measure)
    ? view.measure
    : (['percent', ...o.stateMeasures].find((m) => o.stateMeasures.includes(m) && periodsFor(o, m, age).includes(view.period)) ??
      (o.stateMeasures.includes('percent') ? 'percent' : (o.stateMeasures[0] ?? (found.stateMeasures.includes(view.measure) ? view.measure : (found.stateMeasures[0] ?? 'percent')))));
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
 * A state's profile, carrying the dashboard's whole view (indicator, age group, measures, period)
 * with the state as its place, so the profile opens on the same figures and its link back to the
 * dashboard can restore the view. For every link from the dashboard to a state page.
 */
export function stateHref(code: string, view: View): string {
  return `/states/${encodeURIComponent(code)}${viewToSearch({ ...view, geo: code })}`;
}

/**
 * The dashboard with the view of some page's query (a state page's, say) and the given place:
 * the view parameters are kept, anything else is dropped. For links from a state page back.
 */
export function dashboardHref(params: URLSearchParams | Record<string, string | string[] | undefined>, geo: string): string {
  const out = new URLSearchParams();
  for (const key of VIEW_PARAMS) {
    if (key === 'geo') continue;
    const value = get(params, key);
    if (value) out.set(key, value);
  }
  out.set('geo', geo);
  return `/?${out.toString()}`;
}

/** An API address of one dataset's figures: `/api/datasets/{id}?indicator=…&format=csv`. */
export interface DownloadLink {
  dataset: string;
  csv: string;
  json: string;
}

/**
 * API addresses that answer with the figures a chart plots, one per dataset they come from: each
 * filters the dataset by the plotted rows' indicators, places, age groups, units and periods, so
 * it holds those rows (and any earlier revision of them: the API has no revision filter). Links
 * work without JavaScript. `datasetOf` names the dataset of a plotted row (undefined: unknown).
 */
export function downloadLinks(rows: readonly Observation[], datasetOf: (o: Observation) => string | undefined): DownloadLink[] {
  const by = new Map<string, Observation[]>();
  for (const o of rows) {
    const id = datasetOf(o);
    if (id === undefined) return [];
    const list = by.get(id);
    if (list) list.push(o);
    else by.set(id, [o]);
  }
  const values = (list: Observation[], pick: (o: Observation) => string, order?: (a: string, b: string) => number) =>
    [...new Set(list.map(pick))].sort(order).join(',');
  return [...by].map(([dataset, list]) => {
    const params = new URLSearchParams({
      indicator: values(list, (o) => o.indicator),
      geography: values(list, (o) => o.geography),
      age_group: values(list, (o) => o.age_group, compareAgeGroups),
      unit: values(list, (o) => o.unit),
      period: values(list, (o) => o.period, (a, b) => -comparePeriodsNewestFirst(a, b)),
    });
    const base = `/api/datasets/${encodeURIComponent(dataset)}?${params.toString()}`;
    return { dataset, csv: `${base}&format=csv`, json: `${base}&format=json` };
  });
}

/** Identifies an observation across API answers (its dataset is not part of the row). */
export function observationKey(o: Observation): string {
  return [o.indicator, o.period, o.geography, o.age_group, o.unit, o.revision, o.series, o.estimate, o.source].join('|');
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
