/**
 * State comparison model, shared by the map and the ranking: one figure per state (DC included)
 * for an indicator, age group, measure and period, the U.S. figure as the reference, and an
 * honest comparison — a state is marked only when its whole interval lies above or below the
 * U.S. estimate. States are compared with the U.S. only on rates (percentages): a state's number
 * of people beside the nation's is always smaller and says nothing, so in numbers of people the
 * model holds no U.S. figure and no comparison (`usOmitted` says why).
 */
import { max, min } from 'd3-array';
import { GEOGRAPHIES } from '../vocabulary/geography';
import type { Observation } from '../vocabulary/schema';
import { en, formatPeriod } from '../format/numbers';
import { comparePlaces, placeName } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { MAP } from './constants';
import { measureById, measureLabel, measureOfUnit, plotted, type Measure } from './measure';
import { choose } from './select';
import { figureText } from './trend';
import { englishT, whoOf, type ChartsT } from './words';

/** `not-compared`: numbers of people, which are never set against the nation's. */
export type Comparison = 'above' | 'below' | 'overlaps' | 'no-interval' | 'not-compared';


export interface StateValue {
  code: string;
  name: string;
  value: number;
  lower: number | null;
  upper: number | null;
  observation: Observation;
  comparison: Comparison;
}

export interface StatesOptions {
  indicator: string;
  indicatorTitle: string;
  ageGroup: string;
  measure: string;
  period: string;
}

export interface StatesModel {
  measure: Measure;
  period: string;
  /** States and DC with a figure, highest first. */
  states: StateValue[];
  /** States and DC without a figure for this selection (shown as gaps, never as 0). */
  missing: string[];
  /** The U.S. figure of the same table, the reference line; null in numbers of people (never compared). */
  us: { value: number; lower: number | null; upper: number | null; observation: Observation } | null;
  /** Why no U.S. reference is given (numbers of people), or null. */
  usOmitted: string | null;
  domain: [number, number];
  emptyReason: string | null;
}

const STATE_CODES = GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code);
const IS_STATE = new Set(STATE_CODES);

/**
 * The U.S. figures to set beside state figures. Where the table that holds the states' figure for a
 * period also holds a U.S. figure (the same source), only that one is kept: the U.S. row SAMHSA
 * published beside the states, from the same survey years, model and revision — not a national
 * figure published elsewhere or restated later. Every other observation passes through.
 */
export function usBesideStates<T extends Observation>(observations: readonly T[]): T[] {
  const key = (o: Observation) => `${o.indicator}|${o.period}|${o.age_group}|${measureOfUnit(o.unit)}`;
  const stateSources = new Map<string, Set<string>>();
  for (const o of observations) {
    if (!IS_STATE.has(o.geography)) continue;
    const k = key(o);
    const set = stateSources.get(k);
    if (set) set.add(o.source);
    else stateSources.set(k, new Set([o.source]));
  }
  const matched = new Set<string>();
  for (const o of observations) if (o.geography === 'US' && stateSources.get(key(o))?.has(o.source)) matched.add(key(o));
  return observations.filter((o) => o.geography !== 'US' || !matched.has(key(o)) || (stateSources.get(key(o))?.has(o.source) ?? false));
}

/** Periods that have state figures for an indicator, newest first. */
export function statePeriods(observations: readonly Observation[], indicator: string): string[] {
  const periods = new Set(observations.filter((o) => o.indicator === indicator && STATE_CODES.includes(o.geography)).map((o) => o.period));
  return [...periods].sort().reverse();
}

export function toStatesModel(observations: readonly Observation[], options: StatesOptions, t: ChartsT = englishT(), locale: Locale = 'en'): StatesModel {
  const measure = measureById(options.measure, t, locale);
  const relevant = observations.filter(
    (o) => o.indicator === options.indicator && o.age_group === options.ageGroup && o.period === options.period && measureOfUnit(o.unit) === options.measure,
  );
  const chosen = choose(usBesideStates(relevant), (o) => o.geography);
  // Rates only: a state's count is never set against the nation's count.
  const counts = measure.kind === 'count';
  const usChoice = counts ? undefined : chosen.get('US');
  const usPlotted = usChoice ? plotted(usChoice.observation) : null;
  const us = usChoice && usPlotted ? { ...usPlotted, observation: usChoice.observation } : null;

  const states: StateValue[] = [];
  const missing: string[] = [];
  for (const code of STATE_CODES) {
    const c = chosen.get(code);
    const p = c ? plotted(c.observation) : null;
    if (!c || !p) {
      missing.push(code);
      continue;
    }
    let comparison: Comparison = counts ? 'not-compared' : 'no-interval';
    if (us && p.lower !== null && p.upper !== null) {
      comparison = p.lower > us.value ? 'above' : p.upper < us.value ? 'below' : 'overlaps';
    }
    states.push({ code, name: placeName(code, locale), ...p, observation: c.observation, comparison });
  }
  // Equal figures in alphabetical order of the names shown.
  const byName = comparePlaces(locale);
  states.sort((a, b) => b.value - a.value || byName(a.code, b.code));

  const lo = min(states, (s) => s.lower ?? s.value) ?? 0;
  const hi = max(states, (s) => s.upper ?? s.value) ?? 0;
  return {
    measure,
    period: options.period,
    states,
    missing,
    us,
    usOmitted: counts ? t('states.countsNotCompared') : null,
    domain: [lo, us ? Math.max(hi, us.value) : hi],
    emptyReason: states.length ? null : statesEmptyReason(options, t, locale),
  };
}

/** Why the map and ranking have nothing to draw. */
export function statesEmptyReason(options: StatesOptions, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  return t('states.empty', {
    title: options.indicatorTitle,
    who: whoOf(options.ageGroup, locale),
    measure: measureLabel(options.measure, t, locale).toLowerCase(),
    inPeriod: options.period ? 'yes' : 'no',
    period: formatPeriod(options.period),
  });
}

export interface MapClass {
  color: number;
  from: number;
  to: number;
}

/**
 * Five equal-width classes over the range of state estimates (rounded to the measure's
 * precision), so a colour always means the same span of values in the legend.
 */
export function mapClasses(model: StatesModel): MapClass[] {
  if (!model.states.length) return [];
  const values = model.states.map((s) => s.value);
  const lo = min(values) as number;
  const hi = max(values) as number;
  const width = (hi - lo) / MAP.CLASSES || 1;
  return Array.from({ length: MAP.CLASSES }, (_, i) => ({ color: i, from: lo + i * width, to: i === MAP.CLASSES - 1 ? hi : lo + (i + 1) * width }));
}

export function classOf(value: number, classes: MapClass[]): number {
  for (const c of classes) if (value <= c.to) return c.color;
  return classes.length - 1;
}

/**
 * One sentence per fact: highest, lowest and the U.S. figure (the map), plus how many intervals
 * lie wholly above or below the U.S. estimate (the ranking).
 */
export function summarizeStates(model: StatesModel, options: StatesOptions, focus: 'map' | 'ranking' = 'ranking', t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (model.emptyReason) return statesEmptyReason(options, t, locale);
  const name = (code: string) => placeName(code, locale);
  const describe = (o: Observation) => figureText(o, t, locale);
  const first = model.states[0];
  const last = model.states[model.states.length - 1];
  const dc = model.states.some((s) => s.code === 'DC');
  const n = model.states.length - (dc ? 1 : 0);
  const parts = [
    t('states.summary.intro', {
      title: options.indicatorTitle,
      who: whoOf(options.ageGroup, locale),
      period: formatPeriod(model.period),
      pooled: /-/.test(model.period) ? 'yes' : 'no',
      count: n,
      countText: en(n),
      dc: dc ? 'yes' : 'no',
    }),
    t('states.summary.extremes', { highest: name(first.code), highestFigure: describe(first.observation), lowest: name(last.code), lowestFigure: describe(last.observation) }),
  ];
  if (model.us) parts.push(t('states.summary.us', { figure: describe(model.us.observation) }));
  if (model.us && focus === 'ranking') {
    const above = model.states.filter((s) => s.comparison === 'above');
    const below = model.states.filter((s) => s.comparison === 'below');
    const names = (list: StateValue[]) => (list.length ? ` (${list.map((s) => name(s.code)).join(', ')})` : '');
    parts.push(
      t('states.summary.against', {
        above: above.length,
        aboveText: en(above.length),
        aboveNames: names(above),
        below: below.length,
        belowText: en(below.length),
        belowNames: names(below),
      }),
    );
  }
  if (model.missing.length) {
    // In alphabetical order of the names shown (Nueva York under N in Spanish).
    const missing = locale === 'en' ? model.missing : [...model.missing].sort(comparePlaces(locale));
    parts.push(t('states.summary.missing', { places: missing.map(name).join(', ') }));
  }
  return parts.join(' ');
}
