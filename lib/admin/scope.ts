/**
 * A dataset's scope — the comparability series it is declared to hold — and the rows a change
 * would put outside it. A dataset titled "2002–2019" must not quietly fill with 2021 figures: rows
 * outside the scope are published only after staff say where they belong (the scope widened, with
 * a reason, or a new dataset). Pure functions over lib/data/package.ts's seriesOutsideScope.
 */
import { seriesOutsideScope, type DataResource } from '../data/package';
import type { Observation } from '../vocabulary/schema';
import { SERIES, seriesByName } from '../vocabulary/series';

export interface ScopeSeries {
  series: string;
  /** The series' title from the vocabulary ("2021 onward (DSM-5, web and in-person)"). */
  title: string;
}

export interface OutsideSeries extends ScopeSeries {
  /** How many rows carry it. */
  rows: number;
}

export const seriesTitle = (name: string) => seriesByName(name)?.title ?? name;

export const titled = (names: readonly string[]): ScopeSeries[] => names.map((series) => ({ series, title: seriesTitle(series) }));

/** The rows of `rows` outside the resource's scope, counted by series (none when it declares no scope). */
export function rowsOutsideScope(resource: Pick<DataResource, 'scope'>, rows: readonly Observation[]): OutsideSeries[] {
  const outside = seriesOutsideScope(resource, rows);
  if (outside.length === 0) return [];
  const counts = new Map(outside.map((s) => [s, 0]));
  for (const o of rows) {
    const n = counts.get(o.series);
    if (n !== undefined) counts.set(o.series, n + 1);
  }
  return outside.map((series) => ({ series, title: seriesTitle(series), rows: counts.get(series) ?? 0 }));
}

/** A scope with more series, in the vocabulary's order (unknown names last, as given). */
export function widenedScope(scope: readonly string[], add: readonly string[]): string[] {
  const all = new Set([...scope, ...add]);
  const known = SERIES.map((s) => s.name).filter((n) => all.has(n));
  return [...known, ...[...all].filter((n) => !known.includes(n))];
}

const count = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

const andList = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * "280 rows are in the series 2021 onward (DSM-5, web and in-person), which this dataset — State
 * estimates, 2002–2019 — does not hold."
 */
export function outsideScopeMessage(datasetTitle: string, outside: readonly OutsideSeries[]): string {
  const parts = outside.map((s, i) => `${count(s.rows)}${i === 0 ? (s.rows === 1 ? ' is' : ' are') : ''} in the series ${s.title}`);
  return `${andList(parts)}, which this dataset — ${datasetTitle} — does not hold.`;
}
