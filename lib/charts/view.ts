/**
 * The dashboard's view state — indicator, age group, measure, geography, period — read from and
 * written to the URL, so every view can be shared, reloaded and navigated with back/forward.
 * Anything invalid in a URL falls back to a valid choice instead of failing.
 */
import { compareAgeGroups } from '../vocabulary/age-groups';
import { GEOGRAPHIES } from '../vocabulary/geography';
import type { Observation } from '../vocabulary/schema';
import { UNITS } from '../vocabulary/units';
import { measureOfUnit, measuresIn } from './measure';

export interface View {
  indicator: string;
  age: string;
  /** Measure of the national trend (count or a percent unit). */
  trend: string;
  /** Measure of the state map, ranking and age charts. */
  measure: string;
  geo: string;
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
      statePeriods: [...new Set(states.map((o) => o.period))].sort().reverse(),
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
  const measure = o.stateMeasures.includes(view.measure) ? view.measure : o.stateMeasures.includes('percent') ? 'percent' : (o.stateMeasures[0] ?? 'percent');
  const geo = GEO_CODES.has(view.geo) ? view.geo : 'US';
  const period = o.statePeriods.includes(view.period) ? view.period : (o.statePeriods[0] ?? '');
  return { indicator: o.name, age, trend, measure, geo, period };
}

export function viewToSearch(view: View): string {
  const params = new URLSearchParams();
  for (const key of VIEW_PARAMS) if (view[key]) params.set(key, view[key]);
  return `?${params.toString()}`;
}

/**
 * API requests that load what a view needs: every dataset's U.S. figures for the indicator (the
 * trend), and, from datasets with states, the state figures in the view's state measure (map,
 * ranking, ages). Changing age group or place needs no new request.
 */
export function viewRequests(view: Pick<View, 'indicator' | 'measure'>, datasets: ReadonlyArray<{ id: string; states: boolean }>): string[] {
  const url = (id: string, params: Record<string, string>) => `/api/datasets/${id}?${new URLSearchParams({ indicator: view.indicator, ...params }).toString()}`;
  return datasets.flatMap((d) => {
    const national = url(d.id, { geography: 'US' });
    if (!d.states) return [national];
    return [national, url(d.id, { unit: UNITS.filter((u) => measureOfUnit(u.name) === view.measure).map((u) => u.name).join(',') })];
  });
}

/** The SWR key of a view's data (the server seeds the same key with its first answer). */
export const viewDataKey = (urls: string[]) => ['observations', ...urls];
