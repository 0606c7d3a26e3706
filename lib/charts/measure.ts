/**
 * What a chart measures. Counts published in persons, thousands or millions are one measure
 * ("number of people", plotted in people); each percent unit is its own measure, because a
 * percent of the population and a percent of those needing treatment have different bases.
 */
import type { Observation } from '../vocabulary/schema';
import { UNITS, unitByName } from '../vocabulary/units';

export const COUNT = 'count';

export interface Measure {
  /** `count`, or the name of a percent unit. */
  id: string;
  label: string;
  kind: 'count' | 'percent';
}

export function measureOfUnit(unit: string): string {
  return unitByName(unit)?.kind === 'count' ? COUNT : unit;
}

export function measureById(id: string): Measure {
  if (id === COUNT) return { id, label: 'Number of people', kind: 'count' };
  const u = unitByName(id);
  const label =
    id === 'percent'
      ? 'Percent of the age group'
      : u
        ? `Percent ${u.label.replace(/^% /, '')}`
        : id;
  return { id, label, kind: 'percent' };
}

/** Measures available among observations, percent of the group first, counts second. */
export function measuresIn(observations: readonly Pick<Observation, 'unit'>[]): Measure[] {
  const ids = new Set(observations.map((o) => measureOfUnit(o.unit)));
  const order = ['percent', ...UNITS.filter((u) => u.kind === 'percent' && u.name !== 'percent').map((u) => u.name), COUNT];
  return order.filter((id) => ids.has(id)).map(measureById);
}

export interface Plotted {
  value: number;
  lower: number | null;
  upper: number | null;
}

/** An observation's estimate and interval on the chart's scale: people for counts, percent as published. */
export function plotted(o: Observation): Plotted | null {
  if (o.estimate === null) return null;
  const m = unitByName(o.unit)?.kind === 'count' ? (unitByName(o.unit)?.multiplier ?? 1) : 1;
  return {
    value: o.estimate * m,
    lower: o.ci_lower === null ? null : o.ci_lower * m,
    upper: o.ci_upper === null ? null : o.ci_upper * m,
  };
}

/** Tick labels: "20M", "500K", "7%". */
export function formatTick(value: number, measure: Measure): string {
  if (measure.kind === 'percent') return `${Number(value.toFixed(2))}%`;
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(1))}M`;
  if (value >= 1e3) return `${Number((value / 1e3).toFixed(1))}K`;
  return String(value);
}
