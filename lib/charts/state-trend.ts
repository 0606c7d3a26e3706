/**
 * A state's trend beside the United States: the trend model of trend.ts for two places. State
 * figures are small-area estimates published for two-year periods (2016–2017, 2017–2018…, which
 * overlap by a year) and, since 2021, for single years too; each period is drawn as a period and
 * joined only to the next period of its own comparability series. The U.S. is drawn at the same
 * periods (the state tables' own U.S. rows) and only in percentages: a state's number of people
 * beside the nation's says nothing.
 */
import { max, min } from 'd3-array';
import { joinsNextYear } from '../vocabulary/comparability';
import type { Observation } from '../vocabulary/schema';
import { periodYears, seriesByName } from '../vocabulary/series';
import { en, formatList, formatObservation, formatPeriod, formatPeriodList } from '../format/numbers';
import { ageLabel as ageLabelOf, placeName } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { ageEmptyReason, type AgeModel } from './age';
import { COUNT, measureById, measureLabel, measureOfUnit, type Measure } from './measure';
import { usBesideStates } from './states';
import { toTrendModel, trendBands, trendEmptyReason, TREND_YEARS, type TrendBand, type TrendBreak, type TrendModel, type TrendPoint } from './trend';
import { englishT, whoOf, type ChartsT } from './words';

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

export function toStateTrendModel(allObservations: readonly Observation[], options: StateTrendOptions, t: ChartsT = englishT(), locale: Locale = 'en'): StateTrendModel {
  const measure = measureById(options.measure, t, locale);
  const observations = usBesideStates(allObservations);
  const base = { indicator: options.indicator, indicatorTitle: options.indicatorTitle, ageGroup: options.ageGroup, measure: options.measure, joinPooled: true, periods: options.periods };
  const place = toTrendModel(observations, { ...base, geography: options.geography }, t, locale);
  const isState = options.geography !== 'US';
  const counts = measure.kind === 'count';
  const us = isState && !counts ? toTrendModel(observations, { ...base, geography: 'US' }, t, locale) : null;

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

  return {
    measure,
    geography: options.geography,
    place: { ...place, xDomain, bands, breaks },
    us: usModel ? { ...usModel, xDomain, bands, breaks } : null,
    usOmitted: isState && counts ? t('stateTrend.usOmitted') : null,
    periods,
    bands,
    breaks,
    xDomain,
    yDomain: [0, top || 1],
    countsOnly,
    derived: periods.some((p) => p.place?.derived || p.us?.derived),
    emptyReason: place.points.length ? null : stateTrendEmptyReason({ countsOnly }, options, t, locale),
  };
}

/** Why a state trend has nothing to draw, and the periods it has in numbers of people only. */
export function stateTrendEmptyReason(model: Pick<StateTrendModel, 'countsOnly'>, options: StateTrendOptions, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  const reason = trendEmptyReason(options, t, locale);
  return model.countsOnly.length ? `${reason} ${countsOnlySentence(model.countsOnly, t, locale)}` : reason;
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
export function countsOnlySentence(periods: readonly string[], t: ChartsT = englishT(), locale: Locale = 'en'): string {
  return t('countsOnly.sentence', { periods: formatPeriodList(periods, locale) });
}

/** "7.60% (95% interval 6.80% to 8.49%)", or "7.60% (no interval published)". */
export function figureOrNoInterval(o: Observation, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  const f = formatObservation(o, 'published', locale);
  return f.interval ? t('figure.withInterval', { estimate: f.estimate, interval: f.interval }) : t('figure.noInterval', { estimate: f.estimate });
}

/** The p value SAMHSA printed in a note ("p = 0.012", "p < .05"), or null. */
export function pValueIn(note: string): string | null {
  const m = /\bp\s*(?:-value)?\s*(?:=|<|>|≤|≥|<=|>=)\s*0?\.\d+/i.exec(note);
  return m ? m[0].replace(/\s+/g, ' ') : null;
}

/**
 * What SAMHSA's own test says about a figure's change from the period before, in words, or null
 * when the data hold no SAMHSA test for it. The atlas never runs a test of its own.
 */
export function changeTestText(o: Observation, t: ChartsT = englishT()): string | null {
  const p = pValueIn(o.note);
  // SAMHSA's own words (a p value, or its note) are quoted as published.
  const detail = p ? ` (${p})` : o.note ? ` (${o.note})` : '';
  if (o.qualifiers.includes('change_significant')) return t('changeTest.significant', { detail });
  if (o.qualifiers.includes('change_not_significant')) return t('changeTest.notSignificant', { detail });
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
export function summarizeStateTrend(model: StateTrendModel, options: StateTrendOptions, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (model.emptyReason) return stateTrendEmptyReason(model, options, t, locale);
  const place = placeName(options.geography, locale);
  const points = model.place.points;
  const first = points[0];
  const last = points[points.length - 1];
  const pooled = points.filter((p) => p.pooled).length;
  const described = (p: TrendPoint) => `${formatPeriod(p.period)}: ${figureOrNoInterval(p.observation, t, locale)}`;
  const parts: string[] = [
    t('stateTrend.summary.intro', {
      title: options.indicatorTitle,
      place,
      who: whoOf(options.ageGroup, locale),
      measure: measureLabel(model.measure.id, t, locale).toLowerCase(),
      count: points.length,
      countText: en(points.length),
      range: points.length > 1 ? 'yes' : 'no',
      first: formatPeriod(first.period),
      last: formatPeriod(last.period),
      // Whether the figures are annual averages of two survey years: the one figure, all, some or none.
      pooled: !pooled ? 'none' : pooled === points.length ? (points.length === 1 ? 'single' : 'all') : 'some',
      pooledCount: pooled,
      pooledText: en(pooled),
    }),
  ];

  const pair = latestPair(model);
  if (pair) {
    const { latest, previous, comparable } = pair;
    parts.push(t('stateTrend.summary.latest', { figure: described(latest) }));
    if (previous && comparable) {
      const shared = sharedYears(previous, latest);
      parts.push(
        `${t('stateTrend.summary.previous', { figure: described(previous) })} ${
          shared.length ? t('stateTrend.summary.shared', { years: formatPeriodList(shared.map(String), locale) }) : t('stateTrend.summary.noOverlap')
        }`,
      );
      parts.push(changeTestText(latest.observation, t) ?? t('stateTrend.summary.noTest'));
    } else if (previous && previous.series !== latest.series) {
      const series = seriesByName(latest.series);
      const f = formatObservation(previous.observation, 'published', locale);
      parts.push(
        t('stateTrend.summary.otherSeries', {
          figure: f.interval
            ? t('figure.inline', { period: formatPeriod(previous.period), estimate: f.estimate, interval: f.interval })
            : t('figure.inlineNoInterval', { period: formatPeriod(previous.period), estimate: f.estimate }),
          known: series ? 'yes' : 'no',
          year: series ? String(series.firstYear) : '',
        }),
      );
    } else if (previous) {
      parts.push(t('stateTrend.summary.firstPublished', { period: formatPeriod(previous.period) }));
    }
    const usLatest = model.periods.find((p) => p.period === latest.period)?.us;
    if (usLatest) parts.push(t('stateTrend.summary.us', { place: placeName('US', locale), figure: described(usLatest) }));
  }

  if (model.usOmitted) parts.push(t('stateTrend.usOmitted'));
  const series = new Set(points.map((p) => p.series));
  if (series.size > 1) parts.push(t('stateTrend.summary.series', { count: series.size, countText: en(series.size) }));
  const derived = points.filter((p) => p.derived).length;
  if (derived) parts.push(t('stateTrend.summary.derived', { count: derived, countText: en(derived), place, dc: options.geography === 'DC' ? 'yes' : 'no' }));
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
export function summarizeStateVsUs(model: AgeModel, indicatorTitle: string, t: ChartsT = englishT(), locale: Locale = 'en'): string {
  if (model.emptyReason) return ageEmptyReason({ indicatorTitle, geography: model.geography, measure: model.measure.id, period: model.period }, t, locale);
  const place = placeName(model.geography, locale);
  const us = placeName('US', locale);
  const text = (o: Observation) => {
    const f = formatObservation(o, 'published', locale);
    return f.interval ? t('figure.parenthesized', { estimate: f.estimate, interval: f.interval }) : t('figure.noInterval', { estimate: f.estimate });
  };
  const rows = model.rows.filter((r) => r.value);
  const parts = [
    t('vsUs.summary.intro', { title: indicatorTitle, place, us, period: formatPeriod(model.period), measure: measureLabel(model.measure.id, t, locale).toLowerCase() }),
    `${rows
      .map((r) =>
        t('vsUs.summary.row', {
          age: ageLabelOf(r.ageGroup, locale),
          place,
          figure: text((r.value as NonNullable<typeof r.value>).observation),
          withUs: r.us ? 'yes' : 'no',
          us,
          usFigure: r.us ? text(r.us.observation) : '',
        }),
      )
      // "; " between the groups in English; in Spanish each group is a sentence of its own.
      .join(t('vsUs.summary.separator'))}.`,
  ];
  const groups = (which: 'above' | 'below' | 'overlaps') => rows.filter((r) => againstUs(r.value, r.us) === which).map((r) => whoOf(r.ageGroup, locale));
  const above = groups('above');
  const below = groups('below');
  const overlaps = groups('overlaps');
  // Spanish says "del Distrito de Columbia": the article comes with the name.
  const dc = model.geography === 'DC' ? 'yes' : 'no';
  if (above.length) parts.push(t('vsUs.summary.above', { place, dc, who: formatList(above, locale) }));
  if (below.length) parts.push(t('vsUs.summary.below', { place, dc, who: formatList(below, locale) }));
  if (overlaps.length === rows.length) parts.push(t('vsUs.summary.overlapAll', { place, dc }));
  else if (overlaps.length) parts.push(t('vsUs.summary.overlapSome', { place, dc, who: formatList(overlaps, locale) }));
  if (above.length + below.length + overlaps.length) parts.push(t('vsUs.summary.notATest'));
  if (model.usOmitted) parts.push(t('age.countsAlone'));
  return parts.join(' ');
}
