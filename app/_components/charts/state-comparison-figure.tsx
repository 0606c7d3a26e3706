'use client';

import type { ReactNode } from 'react';
import type { AgeModel } from '@/lib/charts/age';
import { againstUs, summarizeStateVsUs } from '@/lib/charts/state-trend';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { geographyName } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import { describePeriod, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { AgeChart } from './age-chart';
import { ChartFrame, DataTable, type TableRow } from './chart-frame';

const NOTE = { above: '(interval above U.S.)', below: '(interval below U.S.)', overlaps: undefined } as const;

/** A state beside the U.S. by age group for one period, with intervals: chart, summary, table and sources. */
export function StateComparisonFigure({ id, model, indicatorTitle, universe, notes }: { id: string; model: AgeModel; indicatorTitle: string; universe: string; notes?: ReactNode }) {
  const place = geographyName(model.geography);
  const period = formatPeriod(model.period);
  const row = (key: string, label: string, o: Observation, note?: string): TableRow => {
    const f = formatObservation(o);
    return { key, label, estimate: f.estimate, interval: f.interval, period, series: seriesByName(o.series)?.title ?? o.series, source: o.source, note };
  };
  const rows = model.rows.flatMap((r) => {
    const against = againstUs(r.value, r.us);
    return [
      ...(r.value ? [row(r.ageGroup, `${ageGroupShortLabel(r.ageGroup)} (${place})`, r.value.observation, against ? NOTE[against] : undefined)] : []),
      ...(r.us ? [row(`${r.ageGroup}-us`, `${ageGroupShortLabel(r.ageGroup)} (United States)`, r.us.observation)] : []),
    ];
  });
  const sources = [...new Set(model.rows.flatMap((r) => [r.value, r.us].flatMap((x) => (x ? [x.observation.source] : []))))];
  return (
    <ChartFrame
      id={id}
      title={`${place} beside the United States, ${period}`}
      subtitle={`${universe}. ${model.measure.label}, ${describePeriod(model.period)}, by age group, with 95% intervals; hollow markers are the U.S. figures. The totals 18+ and 12+ include the groups above them.`}
      summary={summarizeStateVsUs(model, indicatorTitle)}
      sources={sources}
      notes={notes}
      table={<DataTable caption={`${indicatorTitle}, ${place} and the United States by age group, ${period}`} labelHeading="Age group" rows={rows} />}
    >
      <AgeChart model={model} label={`Chart: ${indicatorTitle}, ${place} beside the United States by age group, ${period}`} />
    </ChartFrame>
  );
}
