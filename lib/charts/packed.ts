/**
 * A compact form of the observations a page hands to the browser for its first view. The same
 * texts (indicator, series, a source's citation) repeat in every row, and React's payload
 * repeats them too — or, for an array shared between rows, writes a long reference path in its
 * place. Packed, each distinct text is sent once and a row is a short array of numbers, so the
 * page's HTML carries a fraction of the bytes the browser would otherwise parse before it can
 * respond. unpackRows gives back exactly the rows that were packed.
 */
import type { IntervalType, Observation } from '../vocabulary/schema';
import type { IndicatorOption } from './view';

export interface LoadedRows {
  url: string;
  observations: Observation[];
}

/**
 * A row: indexes into `texts` for indicator, period, geography, age_group, unit, interval_type
 * (-1 for none), series, qualifiers (joined with ";"), source and note; numbers as they are.
 */
type PackedRow = [number, number, number, number, number, number | null, number | null, number | null, number, number, number, number, number, number];

export interface PackedRows {
  texts: string[];
  sets: Array<{ url: string; rows: PackedRow[] }>;
}

/** Each distinct value once in `values`; `at` gives a value's index, adding it the first time. */
function interner<T>(keyOf: (value: T) => string) {
  const values: T[] = [];
  const index = new Map<string, number>();
  const at = (value: T) => {
    const key = keyOf(value);
    let i = index.get(key);
    if (i === undefined) {
      i = values.length;
      values.push(value);
      index.set(key, i);
    }
    return i;
  };
  return { values, at };
}

export function packRows(loaded: readonly LoadedRows[]): PackedRows {
  const { values: texts, at: t } = interner<string>((s) => s);
  return {
    texts,
    sets: loaded.map(({ url, observations }) => ({
      url,
      rows: observations.map((o): PackedRow => [
        t(o.indicator),
        t(o.period),
        t(o.geography),
        t(o.age_group),
        t(o.unit),
        o.estimate,
        o.ci_lower,
        o.ci_upper,
        o.interval_type === null ? -1 : t(o.interval_type),
        t(o.series),
        o.revision,
        t(o.qualifiers.join(';')),
        t(o.source),
        t(o.note),
      ]),
    })),
  };
}

export function unpackRows({ texts, sets }: PackedRows): LoadedRows[] {
  return sets.map(({ url, rows }) => ({
    url,
    observations: rows.map(([indicator, period, geography, age, unit, estimate, lower, upper, interval, series, revision, qualifiers, source, note]) => ({
      indicator: texts[indicator],
      period: texts[period],
      geography: texts[geography],
      age_group: texts[age],
      unit: texts[unit],
      estimate,
      ci_lower: lower,
      ci_upper: upper,
      interval_type: interval === -1 ? null : (texts[interval] as IntervalType),
      series: texts[series],
      revision,
      qualifiers: texts[qualifiers] === '' ? [] : texts[qualifiers].split(';'),
      source: texts[source],
      note: texts[note],
    })),
  }));
}

/**
 * The indicator options in a compact form. Their period and measure lists repeat across the
 * measures and age groups of one indicator and across indicators (about 94 kB of the home page's
 * payload written out); packed, each distinct list is sent once and referred to by its index.
 */
export interface PackedOptions {
  lists: string[][];
  /** name, title, definition, national, states, and list indexes; then the two optional tables (null when absent). */
  options: Array<[string, string, string, boolean, boolean, number, number, number, number, Array<[string, string, number]> | null, Array<[string, number]> | null]>;
}

export function packOptions(options: readonly IndicatorOption[]): PackedOptions {
  const { values: lists, at: l } = interner<string[]>((list) => JSON.stringify(list));
  return {
    lists,
    options: options.map((o) => [
      o.name,
      o.title,
      o.definition,
      o.national,
      o.states,
      l(o.ages),
      l(o.nationalMeasures),
      l(o.stateMeasures),
      l(o.statePeriods),
      o.periodsByMeasure ? o.periodsByMeasure.map((m): [string, string, number] => [m.measure, m.age, l(m.periods)]) : null,
      o.nationalByAge ? o.nationalByAge.map((m): [string, number] => [m.age, l(m.measures)]) : null,
    ]),
  };
}

export function unpackOptions({ lists, options }: PackedOptions): IndicatorOption[] {
  return options.map(([name, title, definition, national, states, ages, nationalMeasures, stateMeasures, statePeriods, byMeasure, byAge]) => {
    const option: IndicatorOption = {
      name,
      title,
      definition,
      national,
      states,
      ages: [...lists[ages]],
      nationalMeasures: [...lists[nationalMeasures]],
      stateMeasures: [...lists[stateMeasures]],
      statePeriods: [...lists[statePeriods]],
    };
    if (byMeasure) option.periodsByMeasure = byMeasure.map(([measure, age, periods]) => ({ measure, age, periods: [...lists[periods]] }));
    if (byAge) option.nationalByAge = byAge.map(([age, measures]) => ({ age, measures: [...lists[measures]] }));
    return option;
  });
}
