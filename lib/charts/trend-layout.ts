/** Trend chart layout: scales and placed marks for an explicit width and height. */
import { scaleLinear } from 'd3-scale';
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import { SERIES } from '../vocabulary/series';
import { TREND, SERIES_STYLES } from './constants';
import { formatTick } from './measure';
import type { TrendModel, TrendPoint } from './trend';
import { englishT, type ChartsT } from './words';

const SYMBOLS = new Map<string, SymbolType>([
  ['circle', symbolCircle],
  ['square', symbolSquare],
  ['triangle', symbolTriangle],
  ['diamond', symbolDiamond],
]);

export interface PlacedTrendPoint {
  point: TrendPoint;
  x: number;
  y: number;
  /** Vertical whisker for a published interval. */
  whisker: { y0: number; y1: number } | null;
  /** Horizontal extent of a pooled two-year figure. */
  span: { x0: number; x1: number } | null;
  seriesIndex: number;
  /** Marker path, centred on (0, 0). */
  marker: string;
}

export interface TrendLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
  bands: Array<{ x0: number; x1: number; label: string; seriesIndex: number; name: string }>;
  breaks: Array<{ x: number; year: number; name: string; title: string; change: string; seriesIndex: number }>;
  lines: Array<{ key: string; d: string; seriesIndex: number; series: string }>;
  points: PlacedTrendPoint[];
}

/** A series' style: by its place in SERIES; the series joined across 2015 shares the first style (it replaces 2002–2014 and 2015–2019 on its charts). */
export const seriesIndex = (name: string) => Math.max(0, SERIES.findIndex((s) => s.name === name)) % SERIES_STYLES.length;

/** The plot area of a trend chart of `width` × `height`. */
export function trendPlot(width: number, height: number): TrendLayout['plot'] {
  const m = TREND.MARGIN;
  return { left: m.left, right: Math.max(m.left + 10, width - m.right), top: m.top, bottom: Math.max(m.top + 10, height - m.bottom) };
}

/** Years to pixels: each year gets an equal slot, a figure for one year sits in its middle. */
export const trendX = ([from, to]: [number, number], plot: TrendLayout['plot']) => scaleLinear().domain([from - 0.5, to + 0.5]).range([plot.left, plot.right]);

export function layoutTrend(model: TrendModel, width: number, height: number = TREND.HEIGHT, t: ChartsT = englishT()): TrendLayout {
  const plot = trendPlot(width, height);
  const [from, to] = model.xDomain;
  const x = trendX(model.xDomain, plot);
  const y = scaleLinear().domain(model.yDomain).nice(5).range([plot.bottom, plot.top]);

  const years = to - from + 1;
  const fit = Math.max(1, Math.floor((plot.right - plot.left) / TREND.MIN_TICK_SPACING));
  const step = [1, 2, 4, 5, 10].find((s) => years / s <= fit) ?? 10;
  const xTicks = [];
  for (let year = from; year <= to; year++) if (year % step === 0) xTicks.push({ x: x(year), label: String(year) });
  const yTicks = y.ticks(5).map((v) => ({ y: y(v), label: formatTick(v, model.measure, t) }));

  const bands = model.bands.map((b) => ({
    x0: x(b.from - 0.5),
    x1: x(b.to + 0.5),
    label: b.series.title,
    seriesIndex: seriesIndex(b.series.name),
    name: b.series.name,
  }));
  const breaks = model.breaks.map((b) => ({
    x: x(b.year - 0.5),
    year: b.year,
    name: b.series.name,
    title: b.series.title,
    change: b.series.change,
    seriesIndex: seriesIndex(b.series.name),
  }));

  // A line runs through each figure's middle: the year itself, or the middle of a two-year period.
  const path = line<TrendPoint>()
    .x((p) => x((p.firstYear + p.lastYear) / 2))
    .y((p) => y(p.value));
  const lines = model.runs
    .filter((r) => r.points.length > 1)
    .map((r) => ({ key: `${r.series}:${r.points[0].period}`, d: path(r.points) ?? '', seriesIndex: seriesIndex(r.series), series: r.series }));

  const points = model.points.map((p): PlacedTrendPoint => {
    const index = seriesIndex(p.series);
    const cx = x((p.firstYear + p.lastYear) / 2);
    return {
      point: p,
      x: cx,
      y: y(p.value),
      whisker: p.lower !== null && p.upper !== null ? { y0: y(p.lower), y1: y(p.upper) } : null,
      span: p.pooled ? { x0: x(p.firstYear - 0.4), x1: x(p.lastYear + 0.4) } : null,
      seriesIndex: index,
      marker: symbol(SYMBOLS.get(SERIES_STYLES[index % SERIES_STYLES.length].symbol) ?? symbolCircle, TREND.POINT_SIZE)() ?? '',
    };
  });

  return { width, height, plot, xTicks, yTicks, bands, breaks, lines, points };
}
