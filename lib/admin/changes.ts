/**
 * What a new file would change: the observations it adds, removes and changes (before → after),
 * and the warnings a person must acknowledge before publishing — estimates that move by more than
 * half, observations that disappear, series and indicators new to the dataset. Pure functions.
 */
import type { Observation } from '../vocabulary/schema';

export const observationKey = (o: Observation) => [o.indicator, o.period, o.geography, o.age_group, o.unit, o.revision].join('|');

const COMPARED = ['estimate', 'ci_lower', 'ci_upper', 'interval_type', 'series', 'qualifiers', 'source', 'note'] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface ChangedObservation {
  before: Observation;
  after: Observation;
  fields: ComparedField[];
}

export interface Diff {
  added: Observation[];
  removed: Observation[];
  changed: ChangedObservation[];
  unchanged: number;
}

/** A diff as staff read it: the counts, and up to SAMPLE rows of each kind. */
export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  addedSample: Observation[];
  removedSample: Observation[];
  changedSample: ChangedObservation[];
}

/** Rows of each kind a report shows (an upload's and a restore's alike). */
export const DIFF_SAMPLE = 300;

export function summarizeDiff(diff: Diff): DiffSummary {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    addedSample: diff.added.slice(0, DIFF_SAMPLE),
    removedSample: diff.removed.slice(0, DIFF_SAMPLE),
    changedSample: diff.changed.slice(0, DIFF_SAMPLE),
  };
}

const same = (a: Observation, b: Observation, f: ComparedField) => (f === 'qualifiers' ? a.qualifiers.join(';') === b.qualifiers.join(';') : a[f] === b[f]);

export function diffObservations(live: readonly Observation[], next: readonly Observation[]): Diff {
  const before = new Map(live.map((o) => [observationKey(o), o]));
  const diff: Diff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const o of next) {
    const key = observationKey(o);
    seen.add(key);
    const old = before.get(key);
    if (!old) {
      diff.added.push(o);
      continue;
    }
    const fields = COMPARED.filter((f) => !same(old, o, f));
    if (fields.length) diff.changed.push({ before: old, after: o, fields });
    else diff.unchanged++;
  }
  for (const o of live) if (!seen.has(observationKey(o))) diff.removed.push(o);
  return diff;
}

/**
 * A SAMHSA table covers its measures for one period and its age groups: it replaces the dataset's
 * observations of the same indicator, unit, period and age group, and leaves every other
 * observation as it is (a table of 12–20-year-olds leaves the 12+ figures of the same indicator). Replaced
 * observations keep their place; new ones follow them.
 */
export function mergeTable(live: readonly Observation[], table: readonly Observation[]): { rows: Observation[]; scope: string[] } {
  const slice = (o: Observation) => `${o.indicator}|${o.unit}|${o.period}|${o.age_group}`;
  const covered = new Set(table.map(slice));
  const rows: Observation[] = [];
  let inserted = false;
  for (const o of live) {
    if (!covered.has(slice(o))) rows.push(o);
    else if (!inserted) {
      rows.push(...table);
      inserted = true;
    }
  }
  if (!inserted) rows.push(...table);
  return { rows, scope: [...covered] };
}

export type ChangeWarningCode = 'large-change' | 'rows-removed' | 'new-series' | 'new-indicator' | 'interval-removed' | 'live-invalid';

export interface ChangeWarning {
  code: ChangeWarningCode;
  message: string;
}

const describe = (o: Observation) => `${o.indicator}, ${o.geography}, ages ${o.age_group}, ${o.period} (${o.unit})`;

/** Warnings about the change as a whole; each must be acknowledged before publishing. */
export function changeWarnings(live: readonly Observation[], next: readonly Observation[], diff: Diff, knownIndicators: ReadonlySet<string>): ChangeWarning[] {
  const warnings: ChangeWarning[] = [];
  for (const c of diff.changed) {
    const a = c.before.estimate;
    const b = c.after.estimate;
    if (a !== null && b !== null && a !== 0 && Math.abs(b - a) / Math.abs(a) > 0.5) {
      const pct = Math.round(((b - a) / Math.abs(a)) * 100);
      warnings.push({ code: 'large-change', message: `${describe(c.after)}: the estimate moves from ${a} to ${b} (${pct > 0 ? '+' : ''}${pct}%), more than half.` });
    } else if ((a === null) !== (b === null)) {
      warnings.push({ code: 'large-change', message: `${describe(c.after)}: the estimate goes from ${a ?? 'withheld'} to ${b ?? 'withheld'}.` });
    }
    if (c.before.ci_lower !== null && c.after.ci_lower === null) {
      warnings.push({ code: 'interval-removed', message: `${describe(c.after)}: the published 95% interval would be dropped.` });
    }
  }
  if (diff.removed.length) {
    const indicators = [...new Set(diff.removed.map((o) => o.indicator))];
    warnings.push({
      code: 'rows-removed',
      message: `${diff.removed.length.toLocaleString('en-US')} observation${diff.removed.length === 1 ? '' : 's'} in the live data ${diff.removed.length === 1 ? 'is' : 'are'} not in this file and would disappear (${indicators.slice(0, 5).join(', ')}${indicators.length > 5 ? ` and ${indicators.length - 5} more indicators` : ''}).`,
    });
  }
  const liveSeries = new Set(live.map((o) => o.series));
  for (const s of new Set(next.map((o) => o.series))) {
    if (!liveSeries.has(s)) warnings.push({ code: 'new-series', message: `Series “${s}” is new to this dataset: its figures will not be joined to earlier ones.` });
  }
  for (const i of new Set(next.map((o) => o.indicator))) {
    if (!knownIndicators.has(i)) warnings.push({ code: 'new-indicator', message: `Indicator “${i}” is new; it will be added to the data package with the definition the table gives.` });
  }
  return warnings;
}

/**
 * What a change did, in the public changelog's words, from its counts: corrections to figures
 * already published, new figures, figures taken out — "new data" only when there are new rows.
 */
export function changeLabel(c: { kind: 'publish' | 'rollback' | 'add' | 'metadata'; added: number; removed: number; changed: number }): string {
  if (c.kind === 'rollback') return 'an earlier version restored';
  if (c.kind === 'add') return 'first published';
  if (c.kind === 'metadata') return 'title or description edited';
  const parts = [
    c.changed ? `${c.changed === 1 ? 'a correction' : 'corrections'} to figures already published` : '',
    c.added ? 'new data' : '',
    c.removed ? `${c.removed === 1 ? 'a figure' : 'figures'} taken out` : '',
  ].filter(Boolean);
  if (!parts.length) return 'republished';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
