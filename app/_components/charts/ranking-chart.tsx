'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { RANKING } from '@/lib/charts/constants';
import { layoutRanking, rankingHeight } from '@/lib/charts/ranking-layout';
import { horizontalWhisker } from '@/lib/charts/whisker';
import type { StatesModel } from '@/lib/charts/states';
import { localePath } from '@/lib/i18n/locales';
import { en, formatObservation } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { stateText } from './state-map';
import { KeysHint } from './keys-hint';
import { Tooltip } from './tooltip';
import { scaledHeight, useChartWidth } from './use-chart-width';
import { useCoarsePointer } from './use-coarse-pointer';
import { useRovingPoints } from './use-roving-points';
import { useTapToOpen } from './use-tap-to-open';


/** States from highest to lowest with their intervals, against the U.S. estimate (percentages only). */
export function RankingChart({ model, label, highlight, changed }: { model: StatesModel; label: string; highlight?: string; changed?: ReadonlySet<string> }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  // A finger needs taller rows than a mouse: 28 px on a touch screen, 18 px otherwise.
  const coarse = useCoarsePointer();
  const rowHeight = coarse ? RANKING.TOUCH_ROW_HEIGHT : RANKING.ROW_HEIGHT;
  const layout = useMemo(() => layoutRanking(model, width, rowHeight, t), [model, width, rowHeight, t]);
  // Each row's words, written once per ranking and language: hovering re-renders every row, so
  // the rows' tooltips and accessible names are not written again each time.
  const rowWords = useMemo(
    () =>
      model.states.map((state, i) => {
        const text = stateText(state, model.period, t, locale);
        // Tags beside a row; none in numbers of people, which are never compared with the U.S.
        const mark = state.comparison === 'above' ? t('ranking.higher') : state.comparison === 'below' ? t('ranking.lower') : '';
        // The name starts with the row's visible words (state, then higher or lower), so a voice user can say what they see.
        const label = t('ranking.rowLabel', {
          title: text.title,
          mark: mark ? `, ${mark}` : '',
          lines: text.lines.join('. '),
          rank: en(i + 1),
          total: en(model.states.length),
          changed: changed?.has(state.code) ? 'yes' : 'no',
        });
        return { text, mark, label, name: text.title };
      }),
    [model, t, locale, changed],
  );
  const { active, setActive, bind } = useRovingPoints(layout.rows.length);
  const { tapped, handlers } = useTapToOpen(setActive);

  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={rankingHeight(51, rowHeight)} />;
  const row = active === null ? null : layout.rows[active];
  const words = active === null ? null : rowWords[active];
  const tooltip = row && words ? (tapped === row.state.code ? { ...words.text, lines: [...words.text.lines, t('tapAgain')] } : words.text) : null;

  return (
    <div className="chart-body" ref={ref} data-width={width} style={{ height: scaledHeight(layout.height) }}>
      <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={label} data-chart="ranking">
        <g className="axis" aria-hidden="true">
          {layout.xTicks.map((t) => (
            <g key={t.label}>
              <line x1={t.x} x2={t.x} y1={layout.plot.top} y2={layout.plot.bottom} className="grid" />
              <text x={t.x} y={layout.plot.top - 10} textAnchor="middle">
                {t.label}
              </text>
              <text x={t.x} y={layout.plot.bottom + 18} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
        </g>
        {layout.us ? (
          <g className="reference" aria-hidden="true">
            {layout.us.x0 !== null && layout.us.x1 !== null ? (
              <rect x={layout.us.x0} width={layout.us.x1 - layout.us.x0} y={layout.plot.top} height={layout.plot.bottom - layout.plot.top} className="reference-band" />
            ) : null}
            <line x1={layout.us.x} x2={layout.us.x} y1={layout.plot.top - 4} y2={layout.plot.bottom + 4} className="reference-line" />
          </g>
        ) : null}
        {layout.rows.map((r, i) => {
          const { mark, label: rowLabel, name } = rowWords[i];
          return (
            <a
              key={r.state.code}
              href={localePath(locale, `/states/${r.state.code}`)}
              {...bind(i)}
              {...handlers(r.state.code, i)}
              aria-label={rowLabel}
              className={`row ${r.state.comparison}${active === i ? ' active' : ''}${highlight === r.state.code ? ' highlight' : ''}${changed?.has(r.state.code) ? ' changed' : ''}`}
              data-state={r.state.code}
            >
              <rect x={0} y={r.y - layout.rowHeight / 2} width={layout.width} height={layout.rowHeight} className="row-hit" />
              <text x={layout.plot.left - 8} y={r.y} dy="0.32em" textAnchor="end" className="row-label">
                {changed?.has(r.state.code) ? `● ${name}` : name}
              </text>
              {r.x0 !== null && r.x1 !== null ? (
                <path d={horizontalWhisker(r.x0, r.x1, r.y, RANKING.WHISKER_CAP)} className="whisker" />
              ) : null}
              {r.state.comparison === 'below' ? (
                <rect x={r.x - RANKING.POINT_RADIUS} y={r.y - RANKING.POINT_RADIUS} width={RANKING.POINT_RADIUS * 2} height={RANKING.POINT_RADIUS * 2} className="dot" />
              ) : (
                <circle cx={r.x} cy={r.y} r={RANKING.POINT_RADIUS} className="dot" />
              )}
              {mark ? (
                <text x={layout.plot.right + 8} y={r.y} dy="0.32em" className="row-mark" aria-hidden="true">
                  {/* The leading space (not drawn) keeps the row's text "Colorado higher", not "Coloradohigher". */}
                  {` ${mark}`}
                </text>
              ) : null}
            </a>
          );
        })}
        {layout.us && model.us ? (
          <text x={layout.us.x} y={layout.plot.bottom + 30} textAnchor="middle" className="reference-label" aria-hidden="true">
            {t('ranking.us', { estimate: formatObservation(model.us.observation, 'published', locale).estimate })}
          </text>
        ) : null}
      </svg>
      <KeysHint>{t('keys.rows')}</KeysHint>
      {/* In the bar area above or below the row, never over the state names. */}
      <Tooltip
        content={tooltip}
        x={row?.x ?? 0}
        y={row?.y ?? 0}
        width={layout.width}
        column={{ left: layout.plot.left, right: layout.width, gap: layout.rowHeight / 2 + 2, height: layout.height }}
      />
    </div>
  );
}
