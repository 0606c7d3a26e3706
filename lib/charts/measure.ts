/**
 * What a chart measures. Counts published in persons, thousands or millions are one measure
 * ("number of people", plotted in people); each percent unit is its own measure, because a
 * percent of the population and a percent of those needing treatment have different bases.
 */
import type { Observation } from '../vocabulary/schema';
import { UNITS, unitByName } from '../vocabulary/units';
import { unitWords } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { englishT, type ChartsT } from './words';

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

/** A measure's name: "Number of people", "Percent of those needing treatment" ("Porcentaje de quienes…"). */
export function measureLabel(id: string, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (id === COUNT) return t('measure.count');
  if (id === 'percent') return t('measure.percent');
  const u = unitWords(id, locale);
  return u ? t('measure.percentOf', { what: u.label.replace(/^% /, '') }) : id;
}

/** A measure; its label is written when read (most callers need only the id and kind, and the browser always passes its translator). */
export function measureById(id: string, t?: ChartsT, locale?: Locale): Measure {
  return {
    id,
    kind: id === COUNT ? 'count' : 'percent',
    get label() {
      return measureLabel(id, t, locale);
    },
  };
}

/** Measures available among observations, percent of the group first, counts second. */
export function measuresIn(observations: readonly Pick<Observation, 'unit'>[]): Measure[] {
  const ids = new Set(observations.map((o) => measureOfUnit(o.unit)));
  const order = ['percent', ...UNITS.filter((u) => u.kind === 'percent' && u.name !== 'percent').map((u) => u.name), COUNT];
  return order.filter((id) => ids.has(id)).map((id) => measureById(id));
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

/** Tick labels: "20M", "500K", "7%" ("20 M", "500 mil"). */
export function formatTick(value: number, measure: Pick<Measure, 'kind'>, t: ChartsT = englishT()): string {
  if (measure.kind === 'percent') return `${Number(value.toFixed(2))}%`;
  if (value >= 1e6) return t('tick.million', { value: String(Number((value / 1e6).toFixed(1))) });
  if (value >= 1e3) return t('tick.thousand', { value: String(Number((value / 1e3).toFixed(1))) });
  return String(value);
}
