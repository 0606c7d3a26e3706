/**
 * Trend model of one place: one line per comparability series, broken wherever a year has no
 * figure (never interpolated), pooled two-year averages drawn as periods, and the methodology
 * breaks as data a chart can label. The national trend joins annual figures only; a state's trend
 * (state-trend.ts) also joins overlapping two-year periods of one series.
 */
import { max, min } from 'd3-array';
import type { Observation } from '../vocabulary/schema';
import { joinsNextYear, seriesListFor } from '../vocabulary/comparability';
import { periodYears, type Series } from '../vocabulary/series';
import { en, formatObservation, formatPeriod } from '../format/numbers';
import { placeName, seriesWords } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { measureById, measureLabel, measureOfUnit, plotted, type Measure } from './measure';
import { choose } from './select';
import { englishT, whoOf, type ChartsT } from './words';

export interface TrendOptions {
  indicator: string;
  indicatorTitle: string;
  geography: string;
  ageGroup: string;
  measure: string;
  /**
   * Join two-year periods into lines too: each with the next one of its series (2016–2017 with
   * 2017–2018, which share 2017). Off for the national trend, where annual figures make the line.
   */
  joinPooled?: boolean;
  /** Only these periods (a state trend compares the U.S. at the state tables' periods). */
  periods?: readonly string[];
}

export interface TrendPoint {
  key: string;
  period: string;
  firstYear: number;
  lastYear: number;
  /** A two-year average (2018-2019) rather than one survey year. */
  pooled: boolean;
  series: string;
  value: number;
  lower: number | null;
  upper: number | null;
  /** A third party's re-publication (qualifier `derived`), not a SAMHSA original. */
  derived: boolean;
  observation: Observation;
  superseded: Observation[];
}

/**
 * Consecutive survey years of one series — or, with `joinPooled`, consecutive two-year periods of
 * one series — the only points a line may join.
 */
export interface TrendRun {
  series: string;
  points: TrendPoint[];
}

export interface TrendBreak {
  /** First survey year of the new series. */
  year: number;
  series: Series;
}

export interface TrendBand {
  series: Series;
  /** Years the series covers inside the chart. */
  from: number;
  to: number;
}

export interface TrendModel {
  measure: Measure;
  points: TrendPoint[];
  runs: TrendRun[];
  breaks: TrendBreak[];
  bands: TrendBand[];
  xDomain: [number, number];
  yDomain: [number, number];
  emptyReason: string | null;
}

/** The years a trend spans when it has no figure at all (an empty chart's frame). */
export const TREND_YEARS: [number, number] = [2002, 2024];

/**
 * The years a trend spans: from its first plotted figure to its last, and no wider, so a title
 * or an axis never claims years the chart holds no figure for (one point is its own year).
 */
export function trendYears(points: ReadonlyArray<Pick<TrendPoint, 'firstYear' | 'lastYear'>>): [number, number] {
  if (!points.length) return TREND_YEARS;
  return [min(points, (p) => p.firstYear) as number, max(points, (p) => p.lastYear) as number];
}

/** The years a trend's figures cover, for a title: "2002–2024", or "2016" for a single year. */
export function trendSpan(model: Pick<TrendModel, 'points'>): string {
  if (!model.points.length) return '';
  const [from, to] = trendYears(model.points);
  return from === to ? String(from) : `${from}–${to}`;
}

/** The measure's own series as background bands over `[from, to]`, and the breaks between them. */
export function trendBands(indicator: string, [from, to]: [number, number]): { bands: TrendBand[]; breaks: TrendBreak[] } {
  // A measure comparable across 2015 has one band for 2002–2019.
  const bands: TrendBand[] = seriesListFor(indicator)
    .filter((s) => s.firstYear <= to && (s.lastYear ?? to) >= from)
    .map((s) => ({ series: s, from: Math.max(from, s.firstYear), to: Math.min(to, s.lastYear ?? to) }));
  const breaks = bands.filter((b) => b.series.firstYear > from).map((b) => ({ year: b.series.firstYear, series: b.series }));
  return { bands, breaks };
}

export function toTrendModel(observations: readonly Observation[], options: TrendOptions, t: ChartsT = englishT(), locale: Locale = 'en'): TrendModel {
  const measure = measureById(options.measure, t, locale);
  const only = options.periods ? new Set(options.periods) : null;
  const relevant = observations.filter(
    (o) =>
      o.indicator === options.indicator &&
      o.geography === options.geography &&
      o.age_group === options.ageGroup &&
      measureOfUnit(o.unit) === options.measure &&
      (!only || only.has(o.period)),
  );
  const chosen = choose(relevant, (o) => o.period);
  const points: TrendPoint[] = [];
  for (const [period, c] of chosen) {
    const years = periodYears(period);
    const p = plotted(c.observation);
    if (!years || !p) continue;
    points.push({
      key: period,
      period,
      firstYear: years[0],
      lastYear: years[1],
      pooled: years[1] > years[0],
      series: c.observation.series,
      ...p,
      derived: c.observation.qualifiers.includes('derived'),
      observation: c.observation,
      superseded: c.superseded,
    });
  }
  points.sort((a, b) => a.firstYear - b.firstYear || a.lastYear - b.lastYear);

  const runs: TrendRun[] = [];
  const join = (list: TrendPoint[]) => {
    const start = runs.length;
    for (const p of list) {
      const last = runs.length > start ? runs.at(-1) : undefined;
      const prev = last?.points.at(-1);
      // One series, the next year (or the next two-year period, which shares a year with this
      // one), and (for a restated year) the restated figure, never the first-published one.
      if (
        last &&
        prev &&
        prev.series === p.series &&
        p.firstYear === prev.firstYear + 1 &&
        p.lastYear - p.firstYear === prev.lastYear - prev.firstYear &&
        joinsNextYear(prev.series, prev.lastYear, prev.observation.revision)
      )
        last.points.push(p);
      else runs.push({ series: p.series, points: [p] });
    }
  };
  join(points.filter((q) => !q.pooled));
  if (options.joinPooled) join(points.filter((q) => q.pooled));

  const xDomain = trendYears(points);
  const { bands, breaks } = trendBands(options.indicator, xDomain);

  const top = max(points, (p) => p.upper ?? p.value) ?? 0;

  return {
    measure,
    points,
    runs,
    breaks,
    bands,
    xDomain,
    yDomain: [0, top || 1],
    emptyReason: points.length ? null : trendEmptyReason(options, t, locale),
  };
}

/** Why a trend has nothing to draw: no figure of the place, measure and age group in the data yet. */
export function trendEmptyReason(options: Pick<TrendOptions, 'indicatorTitle' | 'geography' | 'ageGroup' | 'measure'>, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  return t('trend.empty', {
    scope: options.geography === 'US' ? 'national' : 'place',
    place: placeName(options.geography, locale),
    // Spanish says "del Distrito de Columbia": the article comes with the name.
    dc: options.geography === 'DC' ? 'yes' : 'no',
    title: options.indicatorTitle,
    measure: measureLabel(options.measure, t, locale).toLowerCase(),
    who: whoOf(options.ageGroup, locale),
  });
}

/** "7.4% (95% interval 7.2% to 7.6%)", or the estimate alone when no interval was published. */
export function figureText(o: Observation, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  const f = formatObservation(o, 'published', locale);
  return f.interval ? t('figure.withInterval', { estimate: f.estimate, interval: f.interval }) : f.estimate;
}

/**
 * A plain-language description of what the chart shows, series by series, that never compares
 * figures across a methodology break.
 */
export function summarizeTrend(model: TrendModel, options: TrendOptions, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (model.emptyReason) return trendEmptyReason(options, t, locale);
  const text = (p: TrendPoint) => figureText(p.observation, t, locale);
  const parts: string[] = [t('trend.summary.intro', { title: options.indicatorTitle, who: whoOf(options.ageGroup, locale), measure: measureLabel(model.measure.id, t, locale).toLowerCase() })];
  const bySeries = new Map<string, TrendPoint[]>();
  for (const p of model.points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
  // Within a series, a first-published figure of a restated year is not compared with later ones.
  const segments: Array<[string, TrendPoint[]]> = [];
  for (const [name, pts] of bySeries) {
    let current: TrendPoint[] = [];
    for (const p of pts) {
      current.push(p);
      if (!joinsNextYear(name, p.lastYear, p.observation.revision)) {
        segments.push([name, current]);
        current = [];
      }
    }
    if (current.length) segments.push([name, current]);
  }
  for (const [name, pts] of segments) {
    const series = seriesWords(name, locale)?.title ?? name;
    const first = pts[0];
    const last = pts[pts.length - 1];
    const restated = !joinsNextYear(name, last.lastYear, last.observation.revision) && pts.length === 1;
    const label = restated ? t('trend.summary.restated', { series, period: formatPeriod(last.period) }) : series;
    if (pts.length === 1) {
      parts.push(t('trend.summary.single', { label, period: formatPeriod(first.period), figure: text(first) }));
    } else {
      parts.push(
        t('trend.summary.run', {
          label,
          countText: en(pts.length),
          first: formatPeriod(first.period),
          firstFigure: text(first),
          last: formatPeriod(last.period),
          lastFigure: text(last),
          direction: last.value > first.value ? 'higher' : last.value < first.value ? 'lower' : 'same',
        }),
      );
    }
  }
  if (bySeries.size > 1) parts.push(t('trend.summary.acrossSeries'));
  const missing = model.xDomain[1] - model.xDomain[0] + 1 - new Set(model.points.filter((p) => !p.pooled).map((p) => p.firstYear)).size;
  // Not "unpublished": SAMHSA published figures for many of these years; this dataset does not hold them yet.
  if (missing > 0) parts.push(t('trend.summary.gaps', { count: missing, countText: en(missing) }));
  return parts.join(' ');
}
