'use client';

import { useMemo } from 'react';
import { ageHeight, layoutAge, type AgeModel, type AgeRow } from '@/lib/charts/age';
import { AGE } from '@/lib/charts/constants';
import { horizontalWhisker } from '@/lib/charts/whisker';
import { ageGroupLabel } from '@/lib/vocabulary/age-groups';
import { geographyName } from '@/lib/vocabulary/geography';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { AGE_KEYS, KeysHint } from './keys-hint';
import { Tooltip, type TooltipContent } from './tooltip';
import { scaledHeight, useChartWidth } from './use-chart-width';
import { useRovingPoints } from './use-roving-points';

export function ageText(row: AgeRow, model: AgeModel): TooltipContent {
  const lines: string[] = [];
  const describe = (v: NonNullable<AgeRow['value']>) => {
    const f = formatObservation(v.observation);
    return f.interval ? `${f.estimate} (95% interval ${f.interval})` : f.estimate;
  };
  lines.push(row.value ? `${geographyName(model.geography)}: ${describe(row.value)}` : `${geographyName(model.geography)}: no published figure`);
  if (row.us) lines.push(`United States: ${describe(row.us)}`);
  lines.push(`${formatPeriod(model.period)}`);
  return { title: ageGroupLabel(row.ageGroup), lines };
}

/** Estimates by age group with their intervals; a state's figures beside the U.S. ones. */
export function AgeChart({ model, label }: { model: AgeModel; label: string }) {
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const layout = useMemo(() => layoutAge(model, width), [model, width]);
  const { active, bind } = useRovingPoints(layout.rows.length);
  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={ageHeight(5)} />;
  const current = active === null ? null : layout.rows[active];
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
          const text = ageText(r.row, model);
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
      <KeysHint>{AGE_KEYS}</KeysHint>
      <Tooltip content={current ? ageText(current.row, model) : null} x={current?.value?.x ?? current?.us?.x ?? 0} y={current?.y ?? 0} width={layout.width} />
    </div>
  );
}
