'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { ageHeight, layoutAge, type AgeModel, type AgeRow } from '@/lib/charts/age';
import { AGE } from '@/lib/charts/constants';
import { figureText } from '@/lib/charts/trend';
import { horizontalWhisker } from '@/lib/charts/whisker';
import { englishT, type ChartsT } from '@/lib/charts/words';
import { ageLabel, placeName } from '@/lib/i18n/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import { formatPeriod } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { KeysHint } from './keys-hint';
import { Tooltip, type TooltipContent } from './tooltip';
import { scaledHeight, useChartWidth } from './use-chart-width';
import { useRovingPoints } from './use-roving-points';

export function ageText(row: AgeRow, model: AgeModel, t: ChartsT = englishT(), locale: Locale = 'en'): TooltipContent {
  const lines: string[] = [];
  const place = placeName(model.geography, locale);
  lines.push(row.value ? t('tooltip.placeFigure', { place, figure: figureText(row.value.observation, t, locale) }) : t('tooltip.noFigure', { place }));
  if (row.us) lines.push(t('tooltip.placeFigure', { place: placeName('US', locale), figure: figureText(row.us.observation, t, locale) }));
  lines.push(formatPeriod(model.period));
  return { title: ageLabel(row.ageGroup, locale), lines };
}

/** Estimates by age group with their intervals; a state's figures beside the U.S. ones. */
export function AgeChart({ model, label }: { model: AgeModel; label: string }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const layout = useMemo(() => layoutAge(model, width, t), [model, width, t]);
  const texts = useMemo(() => layout.rows.map((r) => ageText(r.row, model, t, locale)), [layout, model, t, locale]);
  const { active, bind } = useRovingPoints(layout.rows.length);
  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={ageHeight(5)} />;
  const current = active === null ? null : layout.rows[active];
  const currentText = active === null ? null : texts[active];
  const whisker = (p: { x: number; x0: number | null; x1: number | null }, y: number, className: string) =>
    p.x0 !== null && p.x1 !== null ? <path d={horizontalWhisker(p.x0, p.x1, y, AGE.WHISKER_CAP)} className={className} /> : null;

  return (
    <div className="chart-body" ref={ref} data-width={width} style={{ height: scaledHeight(layout.height) }}>
      <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={label} data-chart="age">
        <g className="axis" aria-hidden="true">
          {layout.xTicks.map((t) => (
            <g key={t.label}>
              <line x1={t.x} x2={t.x} y1={layout.plot.top} y2={layout.plot.bottom} className="grid" />
              <text x={t.x} y={layout.plot.bottom + 18} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {layout.totalsY !== null ? <line x1={0} x2={layout.width} y1={layout.totalsY} y2={layout.totalsY} className="separator" /> : null}
        </g>
        {layout.rows.map((r, i) => {
          const text = texts[i];
          const usY = r.y + 7;
          const ownY = r.us ? r.y - 5 : r.y;
          return (
            <g key={r.row.ageGroup} {...bind(i)} role="img" aria-label={`${text.title}: ${text.lines.join('. ')}`} className={active === i ? 'row active' : 'row'} data-age={r.row.ageGroup}>
              <rect x={0} y={r.y - AGE.ROW_HEIGHT / 2} width={layout.width} height={AGE.ROW_HEIGHT} className="row-hit" />
              <text x={layout.plot.left - 10} y={r.y} dy="0.32em" textAnchor="end" className="row-label">
                {r.label}
              </text>
              {r.us ? (
                <>
                  {whisker(r.us, usY, 'whisker us')}
                  <circle cx={r.us.x} cy={usY} r={AGE.POINT_RADIUS - 1.5} className="dot us" />
                </>
              ) : null}
              {r.value ? (
                <>
                  {whisker(r.value, ownY, 'whisker')}
                  <circle cx={r.value.x} cy={ownY} r={AGE.POINT_RADIUS} className="dot" />
                </>
              ) : null}
            </g>
          );
        })}
      </svg>
      <KeysHint>{t('keys.ages')}</KeysHint>
      <Tooltip content={currentText} x={current?.value?.x ?? current?.us?.x ?? 0} y={current?.y ?? 0} width={layout.width} />
    </div>
  );
}
