'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState, type PointerEvent } from 'react';
import { TREND, SERIES_STYLES } from '@/lib/charts/constants';
import { MIN_TARGET, nearestCells, type Site } from '@/lib/charts/hit-areas';
import { layoutTrend, type TrendLayout } from '@/lib/charts/trend-layout';
import { changeTestText } from '@/lib/charts/state-trend';
import { figureText, type TrendModel, type TrendPoint } from '@/lib/charts/trend';
import { englishT, type ChartsT } from '@/lib/charts/words';
import { seriesWords } from '@/lib/i18n/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { KeysHint } from './keys-hint';
import { Tooltip, type TooltipContent } from './tooltip';
import { scaledHeight, useChartWidth } from './use-chart-width';
import { useHydrated } from './use-coarse-pointer';
import { useRovingPoints } from './use-roving-points';

export function trendPointText(p: TrendPoint, t: ChartsT = englishT(), locale: Locale = 'en'): TooltipContent {
  const lines = [figureText(p.observation, t, locale)];
  if (p.pooled) lines.push(t('tooltip.average', { first: String(p.firstYear), last: String(p.lastYear) }));
  lines.push(t('tooltip.series', { series: seriesWords(p.series, locale)?.title ?? p.series }));
  for (const s of p.superseded) lines.push(t('tooltip.revised', { estimate: formatObservation(s, 'published', locale).estimate }));
  if (p.observation.qualifiers.includes('federal_text_copy')) lines.push(t('tooltip.federalCopy'));
  if (p.derived) lines.push(t('derived.text'));
  const test = changeTestText(p.observation, t);
  if (test) lines.push(test);
  lines.push(t('tooltip.source', { source: p.observation.source }));
  return { title: formatPeriod(p.period), lines };
}

/** National trend: one line per comparability series, gaps where no figure exists, labelled breaks. */
export function TrendChart({ model, label }: { model: TrendModel; label: string }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const layout = useMemo(() => layoutTrend(model, width, TREND.HEIGHT, t), [model, width, t]);
  const cells = useMemo(() => pointCells(layout.points, layout.plot), [layout]);
  // Each point's words, written once per drawing and language (not again on every hover).
  const texts = useMemo(() => layout.points.map((p) => trendPointText(p.point, t, locale)), [layout, t, locale]);
  const { active, bind, step } = useRovingPoints(layout.points.length);
  const [activeBreak, setActiveBreak] = useState<number | null>(null);

  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={TREND.HEIGHT} />;

  const activePoint = active === null ? null : layout.points[active];
  const tooltip: { content: TooltipContent; x: number; y: number } | null = activePoint
    ? { content: texts[active as number], x: activePoint.x, y: activePoint.y }
    : breakTooltip(layout, activeBreak, t, locale);

  return (
    <>
      <div className="chart-body" ref={ref} data-width={width} style={{ height: scaledHeight(TREND.HEIGHT) }}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={label}
          data-chart="trend"
        >
          <TrendBackdrop layout={layout} activeBreak={activeBreak} />
          <g className="lines" aria-hidden="true">
            {layout.lines.map((l) => (
              <path key={l.key} d={l.d} fill="none" stroke={SERIES_STYLES[l.seriesIndex].color} strokeWidth={TREND.STROKE_WIDTH} data-series={l.series} />
            ))}
          </g>
          <g className="points">
            {layout.points.map((p, i) => {
              const style = SERIES_STYLES[p.seriesIndex];
              const text = texts[i];
              return (
                <g key={p.point.key} {...bind(i)} role="img" aria-label={`${text.title}: ${text.lines.slice(0, -1).join('. ')}`} className={active === i ? 'point active' : 'point'} data-period={p.point.period}>
                  {p.span ? <line x1={p.span.x0} x2={p.span.x1} y1={p.y} y2={p.y} stroke={style.color} strokeWidth={TREND.STROKE_WIDTH} strokeDasharray="4 3" /> : null}
                  {p.whisker ? <line x1={p.x} x2={p.x} y1={p.whisker.y0} y2={p.whisker.y1} stroke={style.color} strokeWidth={1.5} /> : null}
                  <path d={p.marker} transform={`translate(${p.x},${p.y})`} fill={style.color} className="marker" />
                  <HitArea cell={cells[i]} x={p.x} y={p.y} />
                </g>
              );
            })}
          </g>
          <BreakMarkers layout={layout} activeBreak={activeBreak} setActiveBreak={setActiveBreak} />
        </svg>
        <KeysHint>{t('keys.points')}</KeysHint>
        <Tooltip content={tooltip?.content ?? null} x={tooltip?.x ?? 0} y={tooltip?.y ?? 0} width={layout.width} />
      </div>
      {/* Under the chart, not inside its fixed height. */}
      <PointStepper step={step} count={layout.points.length} />
    </>
  );
}

/**
 * Each point's target: the part of the plot nearer to it than to any other point, so a tap
 * selects the nearest figure (2018–2019 beside 2019 included) wherever it lands.
 */
export function pointCells(points: readonly Site[], plot: TrendLayout['plot']): Array<string | null> {
  return nearestCells(points, [plot.left - MIN_TARGET / 2, plot.top - MIN_TARGET / 2, plot.right + MIN_TARGET / 2, plot.bottom]);
}

/** A point's invisible target: its nearest-point cell, or a circle when it shares its place with another point. */
export function HitArea({ cell, x, y }: { cell: string | null; x: number; y: number }) {
  return cell ? <path d={cell} className="hit" /> : <circle cx={x} cy={y} r={MIN_TARGET / 2} className="hit" />;
}

/**
 * Earlier/later buttons under a trend on a touch screen, where years sit closer than a finger:
 * they step through the figures one by one, as the arrow keys do (hidden with a mouse; inert
 * without JavaScript, which they need).
 */
export function PointStepper({ step, count }: { step: (by: number) => void; count: number }) {
  const t = useTranslations('charts');
  const hydrated = useHydrated();
  if (count < 2) return null;
  // Keep the focus where it is when the button is pressed: a button that took it would hide the figure.
  const keep = (e: PointerEvent) => e.preventDefault();
  // Before JavaScript runs (and without it) the buttons keep their place, hidden and inert: nothing jumps when they appear.
  return (
    <div className="point-stepper" role="group" aria-label={t('stepper.label')} style={hydrated ? undefined : { visibility: 'hidden' }} aria-hidden={hydrated ? undefined : true}>
      <button type="button" className="secondary" disabled={!hydrated} onPointerDown={keep} onClick={() => step(-1)}>
        {t('stepper.earlier')}
      </button>
      <button type="button" className="secondary" disabled={!hydrated} onPointerDown={keep} onClick={() => step(1)}>
        {t('stepper.later')}
      </button>
    </div>
  );
}

/** Badges of two breaks closer than this (px) are stacked, so their targets never overlap. */
const BADGE_SPACING = 28;
/** The badge drawn, and the invisible circle a finger can hit (at least 24 px across). */
const BADGE_RADIUS = 7;
const BADGE_HIT_RADIUS = 13;

/** A methodology break's tooltip, when one is active. */
export function breakTooltip(
  layout: Pick<TrendLayout, 'breaks' | 'plot'>,
  active: number | null,
  t: ChartsT = englishT(),
  locale: Locale = 'en',
): { content: TooltipContent; x: number; y: number } | null {
  const brk = active === null ? null : layout.breaks[active];
  const series = brk ? seriesWords(brk.name, locale) : undefined;
  return brk
    ? {
        content: {
          title: t('breaks.title', { year: String(brk.year) }),
          lines: [series?.change ?? brk.change, t('breaks.newSeries', { year: String(brk.year), series: series?.title ?? brk.title }), t('breaks.notCompared')],
        },
        x: brk.x,
        y: layout.plot.top + 12,
      }
    : null;
}

/** Where each break's badge sits: at the foot of the plot, a break close to the one before it a step higher. */
export function badgePositions(layout: Pick<TrendLayout, 'breaks' | 'plot'>): number[] {
  const out: number[] = [];
  let level = 0;
  layout.breaks.forEach((b, i) => {
    level = i > 0 && b.x - layout.breaks[i - 1].x < BADGE_SPACING ? level + 1 : 0;
    out.push(layout.plot.bottom - 10 - level * BADGE_SPACING);
  });
  return out;
}

/**
 * What every trend chart draws behind its data: the measure's series as bands, the axes, and the
 * methodology breaks' lines (their badges, which explain them, come above the data: BreakMarkers).
 */
export function TrendBackdrop({ layout, activeBreak }: { layout: Pick<TrendLayout, 'bands' | 'breaks' | 'plot' | 'xTicks' | 'yTicks'>; activeBreak: number | null }) {
  const locale = useLocale();
  return (
    <>
      <g className="bands" aria-hidden="true">
        {layout.bands.map((b, i) => (
          <g key={b.name}>
            <rect x={b.x0} y={layout.plot.top} width={b.x1 - b.x0} height={layout.plot.bottom - layout.plot.top} className={i % 2 ? 'band band-alt' : 'band'} data-series={b.name} />
            {b.x1 - b.x0 > 60 ? (
              <text x={(b.x0 + b.x1) / 2} y={layout.plot.top - 8} textAnchor="middle" className="band-label">
                {(seriesWords(b.name, locale)?.title ?? b.label).replace(/\s*\(.*$/, '')}
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
      <g className="break-lines" aria-hidden="true">
        {layout.breaks.map((b, i) => (
          <line key={b.name} x1={b.x} x2={b.x} y1={layout.plot.top} y2={layout.plot.bottom} className={activeBreak === i ? 'break-line active' : 'break-line'} data-break={b.year} />
        ))}
      </g>
    </>
  );
}

/**
 * The "!" badge of each methodology break, above the data so a tap reaches it: hover, keyboard
 * focus or a tap shows what changed (from the comparability registry); Escape or a tap elsewhere
 * hides it.
 */
export function BreakMarkers({
  layout,
  activeBreak,
  setActiveBreak,
}: {
  layout: Pick<TrendLayout, 'breaks' | 'plot'>;
  activeBreak: number | null;
  setActiveBreak: (i: number | null) => void;
}) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const ys = badgePositions(layout);
  return (
    <g className="breaks">
      {layout.breaks.map((b, i) => (
        <g
          key={b.name}
          className={activeBreak === i ? 'break active' : 'break'}
          tabIndex={0}
          role="img"
          aria-label={t('breaks.label', { year: String(b.year), change: seriesWords(b.name, locale)?.change ?? b.change })}
          data-break={b.year}
          onFocus={() => setActiveBreak(i)}
          onBlur={() => setActiveBreak(null)}
          onKeyDown={(e) => e.key === 'Escape' && setActiveBreak(null)}
          onPointerEnter={(e) => e.pointerType === 'mouse' && setActiveBreak(i)}
          onPointerLeave={(e) => e.pointerType === 'mouse' && setActiveBreak(null)}
          // A tap focuses the badge too; showing (never toggling) keeps the two from cancelling out.
          onClick={() => setActiveBreak(i)}
        >
          <circle cx={b.x} cy={ys[i]} r={BADGE_HIT_RADIUS} className="hit" />
          <circle cx={b.x} cy={ys[i]} r={BADGE_RADIUS} className="break-badge" />
          <text x={b.x} y={ys[i]} dy="0.35em" textAnchor="middle" className="break-label">
            !
          </text>
        </g>
      ))}
    </g>
  );
}
