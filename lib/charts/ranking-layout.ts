/** State ranking layout: one row per state, highest first, with interval whiskers and the U.S. reference. */
import { scaleLinear } from 'd3-scale';
import { RANKING } from './constants';
import { formatTick } from './measure';
import type { StateValue, StatesModel } from './states';
import { englishT, type ChartsT } from './words';

export interface RankingRow {
  state: StateValue;
  y: number;
  x: number;
  x0: number | null;
  x1: number | null;
}

export interface RankingLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ x: number; label: string }>;
  us: { x: number; x0: number | null; x1: number | null } | null;
  rows: RankingRow[];
  /** Height of one row, the row's whole target (RANKING.TOUCH_ROW_HEIGHT on a touch screen). */
  rowHeight: number;
}

export function rankingHeight(rows: number, rowHeight: number = RANKING.ROW_HEIGHT): number {
  return RANKING.MARGIN.top + RANKING.MARGIN.bottom + Math.max(1, rows) * rowHeight;
}

export function layoutRanking(model: StatesModel, width: number, rowHeight: number = RANKING.ROW_HEIGHT, t: ChartsT = englishT()): RankingLayout {
  const m = RANKING.MARGIN;
  const height = rankingHeight(model.states.length, rowHeight);
  // Room on the right for the row marks ("higher", "más alto"): the margin, or the longer mark's
  // width in its language (bold chart text, about 7.2 px a letter, 8 px from the plot) if wider.
  const marks = Math.max(t('ranking.higher').length, t('ranking.lower').length);
  const right = Math.max(m.right, Math.ceil(8 + marks * 7.2 + 6));
  const plot = { left: m.left, right: Math.max(m.left + 20, width - right), top: m.top, bottom: height - m.bottom };
  const [lo, hi] = model.domain;
  const pad = (hi - lo) * 0.04 || 1;
  const x = scaleLinear()
    .domain([Math.max(0, lo - pad), hi + pad])
    .nice(5)
    .range([plot.left, plot.right]);
  const ticks = Math.max(2, Math.floor((plot.right - plot.left) / 70));
  const rows = model.states.map((state, i) => ({
    state,
    y: plot.top + (i + 0.5) * rowHeight,
    x: x(state.value),
    x0: state.lower === null ? null : x(state.lower),
    x1: state.upper === null ? null : x(state.upper),
  }));
  return {
    width,
    height,
    plot,
    xTicks: x.ticks(ticks).map((v) => ({ x: x(v), label: formatTick(v, model.measure, t) })),
    us: model.us ? { x: x(model.us.value), x0: model.us.lower === null ? null : x(model.us.lower), x1: model.us.upper === null ? null : x(model.us.upper) } : null,
    rows,
    rowHeight,
  };
}
