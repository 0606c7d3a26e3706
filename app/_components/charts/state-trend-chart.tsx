'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { SERIES_STYLES } from '@/lib/charts/constants';
import { changeTestText, figureOrNoInterval, type StateTrendModel, type StateTrendPeriod } from '@/lib/charts/state-trend';
import { STATE_TREND } from '@/lib/charts/state-trend-constants';
import { layoutStateTrend, stateTrendHeight } from '@/lib/charts/state-trend-layout';
import type { TrendPoint } from '@/lib/charts/trend';
import type { PlacedTrendPoint } from '@/lib/charts/trend-layout';
import { englishT, type ChartsT } from '@/lib/charts/words';
import { placeName, seriesWords } from '@/lib/i18n/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { nearestCells } from '@/lib/charts/hit-areas';
import { verticalWhisker } from '@/lib/charts/whisker';
import { EmptyChart } from './chart-frame';
import { KeysHint } from './keys-hint';
import { Tooltip, type TooltipContent } from './tooltip';
import { BreakMarkers, breakTooltip, HitArea, PointStepper, TrendBackdrop } from './trend-chart';
import { scaledHeight, useChartWidth } from './use-chart-width';
import { useRovingPoints } from './use-roving-points';

const US_COLOR = 'var(--us)';

/** The tooltip of one period: the place's figure and the U.S. figure, with what a reader must know about each. */
export function stateTrendText(period: StateTrendPeriod, geography: string, t: ChartsT = englishT(), locale: Locale = 'en'): TooltipContent {
  const lines: string[] = [];
  const line = (place: string, p: TrendPoint) =>
    p.derived ? t('tooltip.placeFigureDerived', { place, figure: figureOrNoInterval(p.observation, t, locale), derived: t('derived.phrase') }) : t('tooltip.placeFigure', { place, figure: figureOrNoInterval(p.observation, t, locale) });
  const place = placeName(geography, locale);
  lines.push(period.place ? line(place, period.place) : t('tooltip.noFigure', { place }));
  if (period.us) lines.push(line(placeName('US', locale), period.us));
  if (period.pooled) lines.push(t('tooltip.annualAverage', { first: String(period.firstYear), last: String(period.lastYear) }));
  const own = period.place ?? period.us;
  if (own) {
    lines.push(t('tooltip.series', { series: seriesWords(own.series, locale)?.title ?? own.series }));
    for (const s of own.superseded) lines.push(t('tooltip.revised', { estimate: formatObservation(s, 'published', locale).estimate }));
    const test = changeTestText(own.observation, t);
    if (test) lines.push(test);
  }
  const sources = [...new Set([period.place, period.us].flatMap((p) => (p ? [p.observation.source] : [])))];
  lines.push(t('tooltip.source', { source: sources.join('; ') }));
  return { title: period.pooled ? t('tooltip.twoYearAverage', { period: formatPeriod(period.period) }) : formatPeriod(period.period), lines };
}

/** One figure: the bar across a two-year period, the interval whisker, and the marker (hollow when derived). */
function Mark({ p, color, us }: { p: PlacedTrendPoint; color: string; us: boolean }) {
  const bar = us ? STATE_TREND.US_BAR_WIDTH : STATE_TREND.BAR_WIDTH;
  const cap = STATE_TREND.WHISKER_CAP;
  const end = us ? STATE_TREND.US_BAR_END : STATE_TREND.BAR_END;
  return (
    <g className={us ? 'mark us' : 'mark'} data-derived={p.point.derived ? '' : undefined}>
      {p.span ? (
        // A bracket across the period: its ends show where one period stops and an overlapping one starts.
        <path
          d={`M${p.span.x0},${p.y - end}V${p.y + end}M${p.span.x0},${p.y}H${p.span.x1}M${p.span.x1},${p.y - end}V${p.y + end}`}
          stroke={color}
          strokeWidth={bar}
          fill="none"
          className="period-bar"
        />
      ) : null}
      {p.whisker ? (
        <path d={verticalWhisker(p.x, p.whisker.y0, p.whisker.y1, cap)} stroke={color} strokeWidth={us ? 1 : 1.5} fill="none" className="whisker" />
      ) : null}
      {us ? (
        <circle
          cx={p.x}
          cy={p.y}
          r={Math.sqrt(STATE_TREND.US_POINT_SIZE / Math.PI)}
          className={p.point.derived ? 'marker derived' : 'marker'}
          fill={p.point.derived ? 'var(--bg)' : color}
          style={p.point.derived ? { stroke: color } : undefined}
        />
      ) : (
        <path
          d={p.marker}
          transform={`translate(${p.x},${p.y})`}
          className={p.point.derived ? 'marker derived' : 'marker'}
          fill={p.point.derived ? 'var(--bg)' : color}
          style={p.point.derived ? { stroke: color } : undefined}
        />
      )}
    </g>
  );
}

/**
 * A place's trend beside the U.S.: one line per comparability series through the middles of its
 * periods, each two-year period a bar across both its years (so periods sharing a year overlap),
 * intervals as whiskers, the U.S. dashed and grey, derived figures hollow.
 */
export function StateTrendChart({ model, label, compact = false }: { model: StateTrendModel; label: string; compact?: boolean }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const height = stateTrendHeight(compact);
  const layout = useMemo(() => layoutStateTrend(model, width, height, t), [model, width, height, t]);
  // Each period's words, written once per drawing and language (not again on every hover).
  const texts = useMemo(() => layout.periods.map((p) => stateTrendText(p.period, model.geography, t, locale)), [layout, model.geography, t, locale]);
  const { active, bind, step } = useRovingPoints(layout.periods.length);
  const [activeBreak, setActiveBreak] = useState<number | null>(null);
  // Every mark (the place's and the U.S.) gets the part of the plot nearest to it, in its period's target.
  const hits = useMemo(() => {
    const marks = layout.periods.flatMap((p, i) => [p.place, p.us].flatMap((m) => (m ? [{ x: m.x, y: m.y, period: i }] : [])));
    const cells = nearestCells(marks, [layout.plot.left - 12, layout.plot.top - 12, layout.plot.right + 12, layout.plot.bottom]);
    return marks.map((m, j) => ({ ...m, cell: cells[j] }));
  }, [layout]);

  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={height} />;

  const current = active === null ? null : layout.periods[active];
  const tooltip = current ? { content: texts[active as number], x: current.x, y: current.y } : breakTooltip(layout, activeBreak, t, locale);

  return (
    <>
      <div className="chart-body" ref={ref} data-width={width} style={{ height: scaledHeight(height) }}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={label} data-chart="state-trend">
          <TrendBackdrop layout={layout} activeBreak={activeBreak} />
          <g className="counts-only-marks" aria-hidden="true">
            {layout.countsOnly.map((c) => (
              <line
                key={c.period}
                x1={c.x0}
                x2={c.x1}
                y1={layout.plot.bottom + STATE_TREND.COUNTS_ONLY_OFFSET}
                y2={layout.plot.bottom + STATE_TREND.COUNTS_ONLY_OFFSET}
                strokeWidth={STATE_TREND.COUNTS_ONLY_WIDTH}
                data-period={c.period}
              />
            ))}
          </g>
          <g className="lines" aria-hidden="true">
            {layout.lines.map((l) => (
              <path
                key={l.key}
                d={l.d}
                fill="none"
                stroke={l.geography === 'us' ? US_COLOR : SERIES_STYLES[l.seriesIndex].color}
                strokeWidth={l.geography === 'us' ? STATE_TREND.US_LINE_WIDTH : STATE_TREND.LINE_WIDTH}
                strokeDasharray={l.geography === 'us' ? STATE_TREND.US_DASH : undefined}
                data-series={l.series}
                data-geography={l.geography}
              />
            ))}
          </g>
          <g className="points">
            {layout.periods.map((p, i) => {
              const text = texts[i];
              return (
                <g
                  key={p.period.key}
                  {...bind(i)}
                  role="img"
                  aria-label={`${text.title}: ${text.lines.slice(0, -1).join('. ')}`}
                  className={active === i ? 'point active' : 'point'}
                  data-period={p.period.period}
                >
                  {p.us ? <Mark p={p.us} color={US_COLOR} us /> : null}
                  {p.place ? <Mark p={p.place} color={SERIES_STYLES[p.place.seriesIndex].color} us={false} /> : null}
                  {hits.map((h, j) => (h.period === i ? <HitArea key={j} cell={h.cell} x={h.x} y={h.y} /> : null))}
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
      <PointStepper step={step} count={layout.periods.length} />
    </>
  );
}

/**
 * "derived re-publication (CORGIS drugs dataset), not a SAMHSA original": who re-published the
 * derived figures, as their sources name them (the words before the first parenthesis or comma).
 */
export function derivedLabel(model: StateTrendModel, t: ChartsT = englishT()): string {
  const publishers = [
    ...new Set(
      model.periods.flatMap((p) => [p.place, p.us].flatMap((x) => (x?.derived ? [x.observation.source.split(/\s*[(,]/)[0].trim()] : []))).filter(Boolean),
    ),
  ];
  return publishers.length ? t('derived.phraseBy', { publishers: publishers.join('; ') }) : t('derived.phrase');
}

/** The chart's key: the survey series drawn, the U.S., what a bar means, and hollow derived markers. */
export function StateTrendLegend({ model }: { model: StateTrendModel }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const series = [...new Set(model.place.points.map((p) => p.series))];
  const pooled = model.periods.some((p) => p.pooled);
  if (!model.periods.length) return null;
  return (
    <ul className="legend" aria-label={t('legend.key')}>
      {series.map((name) => (
        <li key={name}>
          <span className="series-swatch" data-series={name} aria-hidden="true" /> {t('legend.placeSeries', { place: placeName(model.geography, locale), series: seriesWords(name, locale)?.title ?? name })}
        </li>
      ))}
      {model.us ? (
        <li>
          <span className="us-swatch" aria-hidden="true" /> {t('legend.us')}
        </li>
      ) : null}
      {pooled ? (
        <li>
          <span className="bar-swatch" aria-hidden="true" /> {t('legend.bar')}
        </li>
      ) : null}
      {model.countsOnly.length && model.periods.length ? (
        <li>
          <span className="counts-swatch" aria-hidden="true" /> {t('legend.countsOnly')}
        </li>
      ) : null}
      {model.derived ? (
        <li>
          <span className="derived-swatch" aria-hidden="true" /> {t('legend.derived', { label: derivedLabel(model, t) })}
        </li>
      ) : null}
    </ul>
  );
}
