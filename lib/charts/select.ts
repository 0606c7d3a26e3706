/**
 * Picks, for each plotted position, the one observation to show: the latest revision; among
 * counts of the same figure, the most precise unit (7,748,000 persons over 7.7 million); among
 * copies of a figure in two datasets, the one that carries its interval. Never averages.
 */
import type { Observation } from '../vocabulary/schema';
import { unitByName } from '../vocabulary/units';

export interface Chosen<T extends Observation> {
  observation: T;
  /** Earlier publications of the same figure (lower revisions), kept for the tooltip. */
  superseded: T[];
}

function better(a: Observation, b: Observation): boolean {
  if (a.revision !== b.revision) return a.revision > b.revision;
  const ma = unitByName(a.unit)?.multiplier ?? 1;
  const mb = unitByName(b.unit)?.multiplier ?? 1;
  if (ma !== mb) return ma < mb;
  const ia = a.ci_lower !== null ? 1 : 0;
  const ib = b.ci_lower !== null ? 1 : 0;
  return ia > ib;
}

/** Groups observations by `key` and keeps the best of each group. */
export function choose<T extends Observation>(observations: readonly T[], key: (o: T) => string): Map<string, Chosen<T>> {
  const out = new Map<string, Chosen<T>>();
  for (const o of observations) {
    if (o.estimate === null) continue; // a withheld figure is a gap, never a value
    const k = key(o);
    const seen = out.get(k);
    if (!seen) out.set(k, { observation: o, superseded: [] });
    else if (better(o, seen.observation)) out.set(k, { observation: o, superseded: [...seen.superseded, seen.observation] });
    else seen.superseded.push(o);
  }
  for (const c of out.values()) {
    // Only lower revisions count as superseded publications; equal-revision copies are the same figure.
    c.superseded = c.superseded.filter((s) => s.revision < c.observation.revision);
  }
  return out;
}
