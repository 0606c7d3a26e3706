/**
 * A state's trend beside the United States: the trend model of trend.ts for two places. State
 * figures are small-area estimates published for two-year periods (2016–2017, 2017–2018…, which
 * overlap by a year) and, since 2021, for single years too; each period is drawn as a period and
 * joined only to the next period of its own comparability series. The U.S. is drawn at the same
 * periods (the state tables' own U.S. rows) and only in percentages: a state's number of people
 * beside the nation's says nothing.
 */
import { max, min } from 'd3-array';
import { ageGroupLabel } from '../vocabulary/age-groups';
import { joinsNextYear } from '../vocabulary/comparability';
import { geographyName } from '../vocabulary/geography';
import type { Observation } from '../vocabulary/schema';
import { periodYears, seriesByName } from '../vocabulary/series';
import { formatObservation, formatPeriod, formatPeriodList } from '../format/numbers';
import type { AgeModel } from './age';
import { COUNT, measureById, measureOfUnit, type Measure } from './measure';
import { usBesideStates } from './states';
import { toTrendModel, trendBands, TREND_YEARS, type TrendBand, type TrendBreak, type TrendModel, type TrendPoint } from './trend';

export interface StateTrendOptions {
  indicator: string;
  indicatorTitle: string;
  /** A state's code, or US for the U.S. figures of the state tables alone. */
  geography: string;
  ageGroup: string;
  measure: string;
  /** The state tables' periods (those with state figures for the indicator): the U.S. is drawn at these only. */
  periods: readonly string[];
  /**
   * Periods with numbers of people only, when the caller knows them (the dashboard, which loads
   * one measure of the states); otherwise found among the observations (countsOnlyFor).
   */
  countsOnly?: readonly string[];
}

/** One period of the chart: the place's figure and the U.S. figure, either of which may be missing. */
export interface StateTrendPeriod {
  key: string;
  period: string;
  firstYear: number;
  lastYear: number;
  pooled: boolean;
  place: TrendPoint | null;
  us: TrendPoint | null;
}

export interface StateTrendModel {
  measure: Measure;
  geography: string;
  /** The place's own trend (pooled periods joined within a series). */
  place: TrendModel;
  /** The U.S. at the same periods; null in numbers of people, and when the place is the U.S. */
  us: TrendModel | null;
  /** Why the U.S. is not drawn beside a state, in a sentence; null when it is (or the place is the U.S.). */
  usOmitted: string | null;
  /** Every period with a figure, in time order. */
  periods: StateTrendPeriod[];
  bands: TrendBand[];
  breaks: TrendBreak[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** Periods for which the place has numbers of people but no figure in this (percent) measure, oldest first. */
  countsOnly: string[];
  /** Whether any figure drawn is a derived re-publication rather than a SAMHSA original. */
  derived: boolean;
  emptyReason: string | null;
}

const byTime = (a: Pick<StateTrendPeriod, 'firstYear' | 'lastYear'>, b: Pick<StateTrendPeriod, 'firstYear' | 'lastYear'>) => a.firstYear - b.firstYear || a.lastYear - b.lastYear;

/** How a derived figure is labelled wherever it appears (chart legend, tooltip, table). */
export const DERIVED_TEXT = 'Derived re-publication, not a SAMHSA original';
/** The same, inside a sentence. */
export const DERIVED_PHRASE = 'derived re-publication, not a SAMHSA original';

export const US_OMITTED_IN_COUNTS = 'The United States is left out in numbers of people: a state’s count beside the nation’s says nothing.';

/**
 * Periods for which a place has figures only as numbers of people (for an indicator and age group),
 * when `measure` is a percentage. Never used to derive a percentage: the chart says so instead.
 */
export function countsOnlyFor(observations: readonly Observation[], options: Pick<StateTrendOptions, 'indicator' | 'geography' | 'ageGroup' | 'measure'>): string[] {
  if (options.measure === COUNT) return [];
  const mine = observations.filter((o) => o.indicator === options.indicator && o.geography === options.geography && o.age_group === options.ageGroup && o.estimate !== null);
  const own = new Set(mine.filter((o) => measureOfUnit(o.unit) === options.measure).map((o) => o.period));
  const counts = new Set(mine.filter((o) => measureOfUnit(o.unit) === COUNT && !own.has(o.period)).map((o) => o.period));
  return [...counts].sort((a, b) => byTime(years(a), years(b)));
}

const years = (period: string) => {
  const [firstYear, lastYear] = periodYears(period) ?? [0, 0];
  return { firstYear, lastYear };
};

/**
 * The years a state trend spans: from its first figure (or counts-only period, shown as a gap) to
 * its last, at least six years wide, so a phone gives each year room.
 */
export function stateTrendYears(points: ReadonlyArray<Pick<TrendPoint, 'firstYear' | 'lastYear'>>): [number, number] {
  if (!points.length) return TREND_YEARS;
  let from = min(points, (p) => p.firstYear) as number;
  let to = max(points, (p) => p.lastYear) as number;
  while (to - from < STATE_TREND_MIN_YEARS - 1) {
    if (from > TREND_YEARS[0]) from--;
    if (to - from < STATE_TREND_MIN_YEARS - 1) to++;
  }
  return [from, to];
}

const STATE_TREND_MIN_YEARS = 6;

export function toStateTrendModel(allObservations: readonly Observation[], options: StateTrendOptions): StateTrendModel {
  const measure = measureById(options.measure);
  const observations = usBesideStates(allObservations);
  const base = { indicator: options.indicator, indicatorTitle: options.indicatorTitle, ageGroup: options.ageGroup, measure: options.measure, joinPooled: true, periods: options.periods };
  const place = toTrendModel(observations, { ...base, geography: options.geography });
  const isState = options.geography !== 'US';
  const counts = measure.kind === 'count';
  const us = isState && !counts ? toTrendModel(observations, { ...base, geography: 'US' }) : null;

  const byPeriod = new Map<string, StateTrendPeriod>();
  const slot = (p: TrendPoint) => {
    let s = byPeriod.get(p.period);
    if (!s) byPeriod.set(p.period, (s = { key: p.period, period: p.period, firstYear: p.firstYear, lastYear: p.lastYear, pooled: p.pooled, place: null, us: null }));
    return s;
  };
  for (const p of place.points) slot(p).place = p;
  // The U.S. only where the place has a figure: the chart compares, it does not show a national trend.
  for (const p of us?.points ?? []) if (byPeriod.has(p.period)) slot(p).us = p;
  const periods = [...byPeriod.values()].sort(byTime);
  const usModel = us ? pruneTo(us, new Set(periods.filter((p) => p.us).map((p) => p.period))) : null;

  const countsOnly = measure.kind === 'count' ? [] : options.countsOnly ? [...options.countsOnly].sort((a, b) => byTime(years(a), years(b))) : countsOnlyFor(observations, options);
  const xDomain = stateTrendYears([...place.points, ...(usModel?.points ?? []), ...countsOnly.map(years)]);
  const { bands, breaks } = trendBands(options.indicator, xDomain);
  const top = max([...place.points, ...(usModel?.points ?? [])], (p) => p.upper ?? p.value) ?? 0;
  const countsNote = countsOnly.length ? ` ${countsOnlySentence(countsOnly)}` : '';

  return {
    measure,
    geography: options.geography,
    place: { ...place, xDomain, bands, breaks },
    us: usModel ? { ...usModel, xDomain, bands, breaks } : null,
    usOmitted: isState && counts ? US_OMITTED_IN_COUNTS : null,
    periods,
    bands,
    breaks,
    xDomain,
    yDomain: [0, top || 1],
    countsOnly,
    derived: periods.some((p) => p.place?.derived || p.us?.derived),
    emptyReason: place.points.length ? null : `${place.emptyReason ?? ''}${countsNote}`,
  };
}

/** The years a state trend covers, "2002–2023", from its first and last periods. */
export function stateTrendSpan(model: StateTrendModel): string {
  const first = model.periods[0];
  const last = model.periods.at(-1);
  if (!first || !last) return '';
  return first.firstYear === last.lastYear ? String(first.firstYear) : `${first.firstYear}–${last.lastYear}`;
}

/** A trend model keeping only the given periods (runs split where a period is left out). */
function pruneTo(model: TrendModel, keep: ReadonlySet<string>): TrendModel {
  const runs = model.runs.flatMap((r) => {
    const out: TrendModel['runs'] = [];
    for (const p of r.points) {
      if (!keep.has(p.period)) {
        out.push({ series: r.series, points: [] });
        continue;
      }
      const last = out.at(-1);
      if (last) last.points.push(p);
      else out.push({ series: r.series, points: [p] });
    }
    return out.filter((x) => x.points.length > 0);
  });
  return { ...model, points: model.points.filter((p) => keep.has(p.period)), runs };
}

/** "For 2009–2010 and 2021–2022, SAMHSA’s tables in this dataset give numbers of people only; …" */
export function countsOnlySentence(periods: readonly string[]): string {
  return `For ${formatPeriodList(periods)}, SAMHSA’s tables in this dataset give numbers of people only; no percentage is derived from them.`;
}

/** ", each an annual average of two survey years" (or "2 of them…"), for a list of figures. */
function pooledPhrase(points: readonly TrendPoint[]): string {
  const pooled = points.filter((p) => p.pooled).length;
  if (!pooled) return '';
  if (pooled === points.length) return points.length === 1 ? ', an annual average of two survey years' : ', each an annual average of two survey years';
  return `, ${pooled} of them annual averages of two survey years`;
}

/** "2018–2019 (7.60%, 95% interval 6.80% to 8.49%)", for inside a sentence. */
const inline = (p: TrendPoint) => {
  const f = formatObservation(p.observation);
  return `${formatPeriod(p.period)} (${f.estimate}${f.interval ? `, 95% interval ${f.interval}` : ', no interval published'})`;
};

/** "2018–2019: 7.60% (95% interval 6.80% to 8.49%)". */
const described = (p: TrendPoint) => {
  const f = formatObservation(p.observation);
  return `${formatPeriod(p.period)}: ${f.estimate}${f.interval ? ` (95% interval ${f.interval})` : ' (no interval published)'}`;
};

/** The p value SAMHSA printed in a note ("p = 0.012", "p < .05"), or null. */
export function pValueIn(note: string): string | null {
  const m = /\bp\s*(?:-value)?\s*(?:=|<|>|≤|≥|<=|>=)\s*0?\.\d+/i.exec(note);
  return m ? m[0].replace(/\s+/g, ' ') : null;
}

/**
 * What SAMHSA's own test says about a figure's change from the period before, in words, or null
 * when the data hold no SAMHSA test for it. The atlas never runs a test of its own.
 */
export function changeTestText(o: Observation): string | null {
  const p = pValueIn(o.note);
  const detail = p ? ` (${p})` : o.note ? ` (${o.note})` : '';
  if (o.qualifiers.includes('change_significant')) return `SAMHSA’s own test found the change from the previous period statistically significant at the 0.05 level${detail}.`;
  if (o.qualifiers.includes('change_not_significant')) return `SAMHSA’s own test did not find the change from the previous period statistically significant at the 0.05 level${detail}.`;
  return null;
}

/** Whether two periods share a survey year (2016–2017 and 2017–2018 share 2017). */
export function sharedYears(a: Pick<StateTrendPeriod, 'firstYear' | 'lastYear'>, b: Pick<StateTrendPeriod, 'firstYear' | 'lastYear'>): number[] {
  const out: number[] = [];
  for (let y = Math.max(a.firstYear, b.firstYear); y <= Math.min(a.lastYear, b.lastYear); y++) out.push(y);
  return out;
}

/**
 * The latest figure and the one before it, and whether they may be compared: one series, and not
 * a first-published figure of a year SAMHSA restated.
 */
export function latestPair(model: StateTrendModel): { latest: TrendPoint; previous: TrendPoint | null; comparable: boolean } | null {
  const points = model.place.points;
  const latest = points.at(-1);
  if (!latest) return null;
  const previous = points.at(-2) ?? null;
  const comparable = !!previous && previous.series === latest.series && joinsNextYear(previous.series, previous.lastYear, previous.observation.revision);
  return { latest, previous, comparable };
}

/**
 * A plain-language description of the chart. It states the two latest comparable estimates with
 * their intervals and whether their periods overlap; it calls a change significant only when
 * SAMHSA's own test (qualifier change_significant, p value in the note) says so, and never says a
 * figure rose or fell otherwise. Figures across a methodology break are never compared.
 */
export function summarizeStateTrend(model: StateTrendModel, options: StateTrendOptions): string {
  if (model.emptyReason) return model.emptyReason;
  const place = geographyName(options.geography);
  const who = ageGroupLabel(options.ageGroup).toLowerCase();
  const points = model.place.points;
  const first = points[0];
  const last = points[points.length - 1];
  const parts: string[] = [
    `${options.indicatorTitle}, ${place}, ${who}, ${model.measure.label.toLowerCase()}: ${points.length} published ${points.length === 1 ? 'estimate' : 'estimates'}${points.length > 1 ? ` from ${formatPeriod(first.period)} to ${formatPeriod(last.period)}` : ''}${pooledPhrase(points)}.`,
  ];

  const pair = latestPair(model);
  if (pair) {
    const { latest, previous, comparable } = pair;
    parts.push(`Latest estimate, ${described(latest)}.`);
    if (previous && comparable) {
      const shared = sharedYears(previous, latest);
      parts.push(
        `The estimate before it in the same survey series, ${described(previous)}. ${
          shared.length
            ? `The two periods share ${formatPeriodList(shared.map(String))}, so the estimates are not independent.`
            : 'The two periods do not overlap.'
        }`,
      );
      parts.push(changeTestText(latest.observation) ?? 'The data hold no SAMHSA test of this difference, so no change is claimed.');
    } else if (previous && previous.series !== latest.series) {
      const series = seriesByName(latest.series);
      parts.push(
        `The estimate before it, for ${inline(previous)}, is from an earlier survey series: the methods changed${series ? ` in ${series.firstYear}` : ''}, so the two are not compared.`,
      );
    } else if (previous) {
      parts.push(`The estimate before it (${formatPeriod(previous.period)}, as first published) is not compared with later periods: SAMHSA compares only its restated figures.`);
    }
    const usLatest = model.periods.find((p) => p.period === latest.period)?.us;
    if (usLatest) parts.push(`United States, ${described(usLatest)}.`);
  }

  if (model.usOmitted) parts.push(model.usOmitted);
  const series = new Set(points.map((p) => p.series));
  if (series.size > 1) parts.push(`The estimates come from ${series.size} survey series; the methods changed between them, so they are compared only within a series.`);
  const derived = points.filter((p) => p.derived).length;
  if (derived) parts.push(`${derived} of ${place}’s estimates ${derived === 1 ? 'is a derived re-publication' : 'are derived re-publications'} of SAMHSA’s figures by a third party, not SAMHSA originals.`);
  return parts.join(' ');
}

/** How a state's figure stands against the U.S. estimate: only a whole interval above or below counts. */
export function againstUs(state: Pick<TrendPoint, 'lower' | 'upper'> | null, us: Pick<TrendPoint, 'value'> | null): 'above' | 'below' | 'overlaps' | null {
  if (!state || !us || state.lower === null || state.upper === null) return null;
  return state.lower > us.value ? 'above' : state.upper < us.value ? 'below' : 'overlaps';
}

/**
 * A state beside the U.S. by age group, for one period, in words: each age group's two figures with
 * their intervals, and whether the state's whole interval lies above or below the U.S. estimate
 * (said to be no formal significance test).
 */
export function summarizeStateVsUs(model: AgeModel, indicatorTitle: string): string {
  if (model.emptyReason) return model.emptyReason;
  const place = geographyName(model.geography);
  const text = (o: Observation) => {
    const f = formatObservation(o);
    return f.interval ? `${f.estimate} (${f.interval})` : `${f.estimate} (no interval published)`;
  };
  const rows = model.rows.filter((r) => r.value);
  const parts = [
    `${indicatorTitle}, ${place} beside the United States, ${formatPeriod(model.period)}, ${model.measure.label.toLowerCase()} with 95% intervals.`,
    `${rows
      .map((r) => `${ageGroupLabel(r.ageGroup)}: ${place} ${text((r.value as NonNullable<typeof r.value>).observation)}${r.us ? `, United States ${text(r.us.observation)}` : ''}`)
      .join('; ')}.`,
  ];
  const groups = (which: 'above' | 'below' | 'overlaps') => rows.filter((r) => againstUs(r.value, r.us) === which).map((r) => ageGroupLabel(r.ageGroup).toLowerCase());
  const above = groups('above');
  const below = groups('below');
  const overlaps = groups('overlaps');
  if (above.length) parts.push(`${place}’s whole 95% interval lies above the U.S. estimate for people ${list(above)}.`);
  if (below.length) parts.push(`${place}’s whole 95% interval lies below the U.S. estimate for people ${list(below)}.`);
  if (overlaps.length === rows.length) parts.push(`In every age group, ${place}’s interval includes the U.S. estimate, so the survey cannot tell the two apart.`);
  else if (overlaps.length) parts.push(`For people ${list(overlaps)}, ${place}’s interval includes the U.S. estimate, so the survey cannot tell the two apart.`);
  if (above.length + below.length + overlaps.length) parts.push('Comparing an interval with the U.S. estimate is not a formal significance test.');
  if (model.usOmitted) parts.push(model.usOmitted);
  return parts.join(' ');
}

const list = (items: string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
