/**
 * Age-group breakdown: one figure per age group for a geography, with intervals, and the U.S.
 * figures beside a state's for reference — in percentages only: a state's number of people beside
 * the nation's says nothing, so in numbers of people a state is shown alone (`usOmitted` says why).
 * The overlapping totals (18+ and 12+) come last.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { ageGroupShortLabel } from '../vocabulary/age-groups';
import type { Observation } from '../vocabulary/schema';
import { formatPeriod } from '../format/numbers';
import { placeName } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { AGE } from './constants';
import { formatTick, measureById, measureLabel, measureOfUnit, plotted, type Measure, type Plotted } from './measure';
import { choose } from './select';
import { figureText } from './trend';
import { englishT, whoOf, type ChartsT } from './words';


export interface AgeOptions {
  indicator: string;
  indicatorTitle: string;
  geography: string;
  measure: string;
  period: string;
}

export interface AgeRow {
  ageGroup: string;
  /** The chosen geography's figure, or null when none was published. */
  value: (Plotted & { observation: Observation }) | null;
  /** The U.S. figure, when the geography is a state and the measure a percentage. */
  us: (Plotted & { observation: Observation }) | null;
}

export interface AgeModel {
  measure: Measure;
  geography: string;
  period: string;
  rows: AgeRow[];
  /** Why the U.S. is not beside the state (numbers of people), or null. */
  usOmitted: string | null;
  domain: [number, number];
  emptyReason: string | null;
}

/** Specific groups youngest first, then the totals that overlap them. */
const ORDER = ['12-17', '18-20', '12-20', '18-25', '26+', '65+', '18+', '12+'];
const rank = (age: string) => (ORDER.indexOf(age) === -1 ? ORDER.length : ORDER.indexOf(age));

export function toAgeModel(observations: readonly Observation[], options: AgeOptions, t: ChartsT = englishT(), locale: Locale = 'en'): AgeModel {
  const measure = measureById(options.measure, t, locale);
  const relevant = observations.filter(
    (o) => o.indicator === options.indicator && o.period === options.period && measureOfUnit(o.unit) === options.measure && (o.geography === options.geography || o.geography === 'US'),
  );
  const chosen = choose(relevant, (o) => `${o.geography}|${o.age_group}`);
  const ages = [...new Set(relevant.filter((o) => o.geography === options.geography).map((o) => o.age_group))].sort((a, b) => rank(a) - rank(b));
  const pick = (geo: string, age: string) => {
    const c = chosen.get(`${geo}|${age}`);
    const p = c ? plotted(c.observation) : null;
    return c && p ? { ...p, observation: c.observation } : null;
  };
  // The U.S. beside a state only in percentages: counts of different populations are never set side by side.
  const beside = options.geography !== 'US' && measure.kind !== 'count';
  const rows = ages.map((age) => ({
    ageGroup: age,
    value: pick(options.geography, age),
    us: beside ? pick('US', age) : null,
  }));
  const top = max(rows.flatMap((r) => [r.value?.upper ?? r.value?.value ?? 0, r.us?.upper ?? r.us?.value ?? 0])) ?? 0;
  return {
    measure,
    geography: options.geography,
    period: options.period,
    rows,
    usOmitted: options.geography !== 'US' && measure.kind === 'count' ? t('age.countsAlone') : null,
    domain: [0, top || 1],
    emptyReason: rows.some((r) => r.value) ? null : ageEmptyReason(options, t, locale),
  };
}

/** Why an age chart has nothing to draw. */
export function ageEmptyReason(options: Pick<AgeOptions, 'indicatorTitle' | 'geography' | 'measure' | 'period'>, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  return t('age.empty', {
    title: options.indicatorTitle,
    place: placeName(options.geography, locale),
    dc: options.geography === 'DC' ? 'yes' : 'no',
    measure: measureLabel(options.measure, t, locale).toLowerCase(),
    inPeriod: options.period ? 'yes' : 'no',
    period: formatPeriod(options.period),
  });
}

export interface AgeLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ x: number; label: string }>;
  rows: Array<{
    row: AgeRow;
    y: number;
    label: string;
    value: { x: number; x0: number | null; x1: number | null } | null;
    us: { x: number; x0: number | null; x1: number | null } | null;
  }>;
  /** Where the totals (18+, 12+) start, to draw a separator above them. */
  totalsY: number | null;
}

export function ageHeight(rows: number): number {
  return AGE.MARGIN.top + AGE.MARGIN.bottom + Math.max(1, rows) * AGE.ROW_HEIGHT;
}

export function layoutAge(model: AgeModel, width: number, t: ChartsT = englishT()): AgeLayout {
  const m = AGE.MARGIN;
  const height = ageHeight(model.rows.length);
  const plot = { left: m.left, right: Math.max(m.left + 20, width - m.right), top: m.top, bottom: height - m.bottom };
  const x = scaleLinear().domain(model.domain).nice(4).range([plot.left, plot.right]);
  const place = (p: Plotted | null) => (p ? { x: x(p.value), x0: p.lower === null ? null : x(p.lower), x1: p.upper === null ? null : x(p.upper) } : null);
  const firstTotal = model.rows.findIndex((r) => r.ageGroup === '18+' || r.ageGroup === '12+');
  return {
    width,
    height,
    plot,
    xTicks: x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 70))).map((v) => ({ x: x(v), label: formatTick(v, model.measure, t) })),
    rows: model.rows.map((row, i) => ({
      row,
      y: plot.top + (i + 0.5) * AGE.ROW_HEIGHT,
      label: ageGroupShortLabel(row.ageGroup),
      value: place(row.value),
      us: place(row.us),
    })),
    totalsY: firstTotal > 0 ? plot.top + firstTotal * AGE.ROW_HEIGHT : null,
  };
}

export function summarizeAge(model: AgeModel, options: AgeOptions, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (model.emptyReason) return ageEmptyReason(options, t, locale);
  const specific = model.rows.filter((r) => r.value && r.ageGroup !== '12+' && r.ageGroup !== '18+');
  const figure = (r: AgeRow) => figureText((r.value as NonNullable<AgeRow['value']>).observation, t, locale);
  const parts = [t('age.summary.intro', { title: options.indicatorTitle, place: placeName(model.geography, locale), dc: model.geography === 'DC' ? 'yes' : 'no', period: formatPeriod(model.period) })];
  if (specific.length > 1) {
    const sorted = [...specific].sort((a, b) => (b.value?.value ?? 0) - (a.value?.value ?? 0));
    const high = sorted[0];
    const low = sorted[sorted.length - 1];
    parts.push(t('age.summary.extremes', { high: whoOf(high.ageGroup, locale), highFigure: figure(high), low: whoOf(low.ageGroup, locale), lowFigure: figure(low) }));
  }
  const total = model.rows.find((r) => r.ageGroup === '12+' && r.value);
  if (total) parts.push(t('age.summary.all', { who: whoOf(total.ageGroup, locale), figure: figure(total) }));
  return parts.join(' ');
}
