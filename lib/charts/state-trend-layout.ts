/**
 * State trend layout: the trend layout (trend-layout.ts) of the place and of the U.S. on one pair
 * of scales. A two-year period is a bar across both its years, so two periods that share a year
 * overlap on the page as they do in the data; single years are points.
 */
import { TREND } from './constants';
import { STATE_TREND } from './state-trend-constants';
import type { StateTrendModel, StateTrendPeriod } from './state-trend';
import { periodYears } from '../vocabulary/series';
import { layoutTrend, trendX, type PlacedTrendPoint, type TrendLayout } from './trend-layout';
import { englishT, type ChartsT } from './words';

export interface PlacedStatePeriod {
  period: StateTrendPeriod;
  place: PlacedTrendPoint | null;
  us: PlacedTrendPoint | null;
  /** Where a tooltip points: the place's figure, or the U.S. one when the place has none. */
  x: number;
  y: number;
}

export interface StateTrendLayout extends Omit<TrendLayout, 'lines' | 'points'> {
  lines: Array<TrendLayout['lines'][number] & { geography: 'place' | 'us' }>;
  periods: PlacedStatePeriod[];
  /** Periods with numbers of people only, marked under the plot as gaps with a reason. */
  countsOnly: Array<{ period: string; x0: number; x1: number }>;
}

export function stateTrendHeight(compact: boolean): number {
  return compact ? STATE_TREND.COMPACT_HEIGHT : TREND.HEIGHT;
}

export function layoutStateTrend(model: StateTrendModel, width: number, height: number = TREND.HEIGHT, t: ChartsT = englishT()): StateTrendLayout {
  const shared = { xDomain: model.xDomain, yDomain: model.yDomain, bands: model.bands, breaks: model.breaks };
  const place = layoutTrend({ ...model.place, ...shared }, width, height, t);
  const us = model.us ? layoutTrend({ ...model.us, ...shared }, width, height, t) : null;
  const placeBy = new Map(place.points.map((p) => [p.point.period, p]));
  const usBy = new Map((us?.points ?? []).map((p) => [p.point.period, p]));
  const periods = model.periods.map((period): PlacedStatePeriod => {
    const own = placeBy.get(period.period) ?? null;
    const nation = usBy.get(period.period) ?? null;
    const anchor = (own ?? nation) as PlacedTrendPoint;
    return { period, place: own, us: nation, x: anchor.x, y: anchor.y };
  });
  return {
    width: place.width,
    height: place.height,
    plot: place.plot,
    xTicks: place.xTicks,
    yTicks: place.yTicks,
    bands: place.bands,
    breaks: place.breaks,
    lines: [...(us?.lines ?? []).map((l) => ({ ...l, key: `us:${l.key}`, geography: 'us' as const })), ...place.lines.map((l) => ({ ...l, geography: 'place' as const }))],
    periods,
    countsOnly: model.countsOnly.flatMap((period) => {
      const years = periodYears(period);
      if (!years) return [];
      const x = trendX(model.xDomain, place.plot);
      return [{ period, x0: x(years[0] - STATE_TREND.PERIOD_INSET), x1: x(years[1] + STATE_TREND.PERIOD_INSET) }];
    }),
  };
}
