/**
 * A compact form of the observations a page hands to the browser for its first view. The same
 * texts (indicator, series, a source's citation) repeat in every row, and React's payload
 * repeats them too — or, for an array shared between rows, writes a long reference path in its
 * place. Packed, each distinct text is sent once and a row is a short array of numbers, so the
 * page's HTML carries a fraction of the bytes the browser would otherwise parse before it can
 * respond. unpackRows gives back exactly the rows that were packed.
 */
import type { IntervalType, Observation } from '../vocabulary/schema';

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

export function packRows(loaded: readonly LoadedRows[]): PackedRows {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const t = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = texts.length;
      texts.push(s);
      index.set(s, i);
    }
    return i;
  };
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
