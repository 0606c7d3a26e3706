'use client';

import { useMemo, useState } from 'react';
import { TREND, SERIES_STYLES } from '@/lib/charts/constants';
import { layoutTrend, type TrendLayout } from '@/lib/charts/trend-layout';
import { changeTestText, DERIVED_TEXT } from '@/lib/charts/state-trend';
import type { TrendModel, TrendPoint } from '@/lib/charts/trend';
import { seriesByName } from '@/lib/vocabulary/series';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { Tooltip, type TooltipContent } from './tooltip';
import { useChartWidth } from './use-chart-width';
import { useRovingPoints } from './use-roving-points';

export function trendPointText(p: TrendPoint): TooltipContent {
  const f = formatObservation(p.observation);
  const series = seriesByName(p.series);
  const lines = [f.interval ? `${f.estimate} (95% interval ${f.interval})` : f.estimate];
  if (p.pooled) lines.push(`Average of ${p.firstYear} and ${p.lastYear}`);
  lines.push(`Series: ${series?.title ?? p.series}`);
  for (const s of p.superseded) lines.push(`Revised: first published as ${formatObservation(s).estimate}`);
  if (p.observation.qualifiers.includes('federal_text_copy')) lines.push('From a federal text reposted on another site');
  if (p.derived) lines.push(DERIVED_TEXT);
  const test = changeTestText(p.observation);
  if (test) lines.push(test);
  lines.push(`Source: ${p.observation.source}`);
  return { title: formatPeriod(p.period), lines };
}

/** National trend: one line per comparability series, gaps where no figure exists, labelled breaks. */
export function TrendChart({ model, label }: { model: TrendModel; label: string }) {
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const layout = useMemo(() => layoutTrend(model, width), [model, width]);
  const { active, bind } = useRovingPoints(layout.points.length);
  const [activeBreak, setActiveBreak] = useState<number | null>(null);

  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={TREND.HEIGHT} />;

  const activePoint = active === null ? null : layout.points[active];
  const tooltip: { content: TooltipContent; x: number; y: number } | null = activePoint
    ? { content: trendPointText(activePoint.point), x: activePoint.x, y: activePoint.y }
    : breakTooltip(layout, activeBreak);

  return (
    <div className="chart-body" ref={ref} style={{ height: TREND.HEIGHT }}>
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={label}
        data-chart="trend"
      >
        <TrendBackdrop layout={layout} activeBreak={activeBreak} setActiveBreak={setActiveBreak} />
        <g className="lines" aria-hidden="true">
          {layout.lines.map((l) => (
            <path key={l.key} d={l.d} fill="none" stroke={SERIES_STYLES[l.seriesIndex].color} strokeWidth={TREND.STROKE_WIDTH} data-series={l.series} />
          ))}
        </g>
        <g className="points">
          {layout.points.map((p, i) => {
            const style = SERIES_STYLES[p.seriesIndex];
            const text = trendPointText(p.point);
            return (
              <g key={p.point.key} {...bind(i)} role="img" aria-label={`${text.title}: ${text.lines.slice(0, -1).join('. ')}`} className={active === i ? 'point active' : 'point'} data-period={p.point.period}>
                {p.span ? <line x1={p.span.x0} x2={p.span.x1} y1={p.y} y2={p.y} stroke={style.color} strokeWidth={TREND.STROKE_WIDTH} strokeDasharray="4 3" /> : null}
                {p.whisker ? <line x1={p.x} x2={p.x} y1={p.whisker.y0} y2={p.whisker.y1} stroke={style.color} strokeWidth={1.5} /> : null}
                <path d={p.marker} transform={`translate(${p.x},${p.y})`} fill={style.color} className="marker" />
                <circle cx={p.x} cy={p.y} r={12} className="hit" />
              </g>
            );
          })}
        </g>
      </svg>
      <Tooltip content={tooltip?.content ?? null} x={tooltip?.x ?? 0} y={tooltip?.y ?? 0} width={layout.width} />
    </div>
  );
}

/** Badges of two breaks closer than this (px) are stacked. */
const BADGE_SPACING = 18;

/** A methodology break's tooltip, when one is active. */
export function breakTooltip(layout: Pick<TrendLayout, 'breaks' | 'plot'>, active: number | null): { content: TooltipContent; x: number; y: number } | null {
  const brk = active === null ? null : layout.breaks[active];
  return brk ? { content: { title: `${brk.year}: the method changed`, lines: [brk.change, `New series: ${brk.title}`] }, x: brk.x, y: layout.plot.top + 12 } : null;
}

/**
 * What every trend chart draws behind its data: the measure's series as bands, the axes, and the
 * methodology breaks, each a focusable mark that explains itself.
 */
export function TrendBackdrop({
  layout,
  activeBreak,
  setActiveBreak,
}: {
  layout: Pick<TrendLayout, 'bands' | 'breaks' | 'plot' | 'xTicks' | 'yTicks'>;
  activeBreak: number | null;
  setActiveBreak: (i: number | null) => void;
}) {
  return (
    <>
      <g className="bands" aria-hidden="true">
        {layout.bands.map((b, i) => (
          <g key={b.name}>
            <rect x={b.x0} y={layout.plot.top} width={b.x1 - b.x0} height={layout.plot.bottom - layout.plot.top} className={i % 2 ? 'band band-alt' : 'band'} data-series={b.name} />
            {b.x1 - b.x0 > 60 ? (
              <text x={(b.x0 + b.x1) / 2} y={layout.plot.top - 8} textAnchor="middle" className="band-label">
                {b.label.replace(/\s*\(.*$/, '')}
              </text>
            ) : null}
          </g>
        ))}
      </g>
      <g className="axis" aria-hidden="true">
        {layout.yTicks.map((t) => (
          <g key={t.label}>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={t.y} y2={t.y} className="grid" />
            <text x={layout.plot.left - 6} y={t.y} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.label} x={t.x} y={layout.plot.bottom + 18} textAnchor="middle">
            {t.label}
          </text>
        ))}
      </g>
      {layout.breaks.map((b, i) => {
        // Two breaks a year apart on a phone: the second badge sits higher, so neither hides the other.
        const badgeY = i > 0 && b.x - layout.breaks[i - 1].x < BADGE_SPACING ? layout.plot.bottom - 10 - BADGE_SPACING : layout.plot.bottom - 10;
        return (
          <g
            key={b.name}
            className="break"
            tabIndex={0}
            role="img"
            aria-label={`Methodology change in ${b.year}: ${b.change} Figures before and after are not comparable.`}
            onFocus={() => setActiveBreak(i)}
            onBlur={() => setActiveBreak(null)}
            onPointerEnter={() => setActiveBreak(i)}
            onPointerLeave={() => setActiveBreak(null)}
            onClick={() => setActiveBreak(activeBreak === i ? null : i)}
          >
            <line x1={b.x} x2={b.x} y1={layout.plot.top} y2={layout.plot.bottom} className="break-line" />
            <rect x={b.x - 9} y={layout.plot.top} width={18} height={layout.plot.bottom - layout.plot.top} className="hit" />
            <circle cx={b.x} cy={badgeY} r={7} className="break-badge" />
            <text x={b.x} y={badgeY} dy="0.35em" textAnchor="middle" className="break-label">
              !
            </text>
          </g>
        );
      })}
    </>
  );
}
