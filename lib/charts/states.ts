/**
 * State comparison model, shared by the map and the ranking: one figure per state (DC included)
 * for an indicator, age group, measure and period, the U.S. figure as the reference, and an
 * honest comparison — a state is marked only when its whole interval lies above or below the
 * U.S. estimate. States are compared with the U.S. only on rates (percentages): a state's number
 * of people beside the nation's is always smaller and says nothing, so in numbers of people the
 * model holds no U.S. figure and no comparison (`usOmitted` says why).
 */
import { max, min } from 'd3-array';
import { ageGroupLabel } from '../vocabulary/age-groups';
import { compareStatesByName, GEOGRAPHIES, geographyName } from '../vocabulary/geography';
import type { Observation } from '../vocabulary/schema';
import { formatObservation, formatPeriod } from '../format/numbers';
import { MAP } from './constants';
import { measureById, measureOfUnit, plotted, type Measure } from './measure';
import { choose } from './select';

/** `not-compared`: numbers of people, which are never set against the nation's. */
export type Comparison = 'above' | 'below' | 'overlaps' | 'no-interval' | 'not-compared';

/** Why a count is not set beside the U.S. count, in a sentence (map, ranking, age chart). */
export const COUNTS_NOT_COMPARED =
  'In numbers of people, states are not compared with the United States: a state’s count is always a small part of the nation’s, and a count mostly shows where many people live. Choose a percentage to compare states with each other and with the United States.';

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

export function toStatesModel(observations: readonly Observation[], options: StatesOptions): StatesModel {
  const measure = measureById(options.measure);
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
    states.push({ code, name: geographyName(code), ...p, observation: c.observation, comparison });
  }
  states.sort((a, b) => b.value - a.value || compareStatesByName(a.code, b.code));

  const lo = min(states, (s) => s.lower ?? s.value) ?? 0;
  const hi = max(states, (s) => s.upper ?? s.value) ?? 0;
  return {
    measure,
    period: options.period,
    states,
    missing,
    us,
    usOmitted: counts ? COUNTS_NOT_COMPARED : null,
    domain: [lo, us ? Math.max(hi, us.value) : hi],
    emptyReason: states.length
      ? null
      : `No state figures of “${options.indicatorTitle}” are published for ${ageGroupLabel(options.ageGroup).toLowerCase()} as ${measure.label.toLowerCase()}${options.period ? ` in ${formatPeriod(options.period)}` : ''}.`,
  };
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

/** "50 states and DC", "12 states". */
function placesCount(states: StateValue[]): string {
  const dc = states.some((s) => s.code === 'DC');
  const n = states.length - (dc ? 1 : 0);
  return `${n} ${n === 1 ? 'state' : 'states'}${dc ? ' and DC' : ''}`;
}

const describe = (o: Observation) => {
  const f = formatObservation(o);
  return f.interval ? `${f.estimate} (95% interval ${f.interval})` : f.estimate;
};

/**
 * One sentence per fact: highest, lowest and the U.S. figure (the map), plus how many intervals
 * lie wholly above or below the U.S. estimate (the ranking).
 */
export function summarizeStates(model: StatesModel, options: StatesOptions, focus: 'map' | 'ranking' = 'ranking'): string {
  if (model.emptyReason) return model.emptyReason;
  const who = ageGroupLabel(options.ageGroup).toLowerCase();
  const first = model.states[0];
  const last = model.states[model.states.length - 1];
  const parts = [
    `${options.indicatorTitle}, ${who}, ${formatPeriod(model.period)}${/-/.test(model.period) ? ' (annual average of two years)' : ''}: ${placesCount(model.states)}.`,
    `Highest: ${first.name}, ${describe(first.observation)}. Lowest: ${last.name}, ${describe(last.observation)}.`,
  ];
  if (model.us && focus === 'map') parts.push(`United States: ${describe(model.us.observation)}.`);
  if (model.us && focus === 'ranking') {
    const above = model.states.filter((s) => s.comparison === 'above');
    const below = model.states.filter((s) => s.comparison === 'below');
    parts.push(`United States: ${describe(model.us.observation)}.`);
    parts.push(
      `${above.length} ${above.length === 1 ? 'state has its' : 'states have their'} whole interval above the U.S. estimate${above.length ? ` (${above.map((s) => s.name).join(', ')})` : ''}; ${below.length} below${below.length ? ` (${below.map((s) => s.name).join(', ')})` : ''}; the rest overlap it.`,
    );
  }
  if (model.missing.length) parts.push(`No figure for ${model.missing.map(geographyName).join(', ')}.`);
  return parts.join(' ');
}
