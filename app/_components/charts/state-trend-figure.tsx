'use client';

import type { ReactNode } from 'react';
import { changeTestText, countsOnlySentence, DERIVED_PHRASE, summarizeStateTrend, type StateTrendModel, type StateTrendOptions } from '@/lib/charts/state-trend';
import type { TrendPoint } from '@/lib/charts/trend';
import { ageGroupLabel } from '@/lib/vocabulary/age-groups';
import { geographyName } from '@/lib/vocabulary/geography';
import { seriesByName } from '@/lib/vocabulary/series';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { ChartFrame, DataTable, type TableRow } from './chart-frame';
import { StateTrendChart, StateTrendLegend } from './state-trend-chart';

/** The table rows of a state trend: per period, the place's figure, then the U.S. one. */
export function stateTrendRows(model: StateTrendModel): TableRow[] {
  const row = (key: string, label: string, p: TrendPoint): TableRow => {
    const f = formatObservation(p.observation);
    const notes = [
      ...(p.derived ? [DERIVED_PHRASE] : []),
      ...(p.superseded.length ? [`revised; first published as ${p.superseded.map((s) => formatObservation(s).estimate).join(', ')}`] : []),
      ...(changeTestText(p.observation) ? [changeTestText(p.observation) as string] : []),
    ];
    return {
      key,
      label,
      estimate: f.estimate,
      interval: f.interval,
      period: formatPeriod(p.period),
      series: seriesByName(p.series)?.title ?? p.series,
      source: p.observation.source,
      note: notes.length ? `(${notes.join('; ')})` : undefined,
    };
  };
  const place = geographyName(model.geography);
  return model.periods.flatMap((p) => [
    ...(p.place ? [row(`${p.key}:place`, `${place}, ${formatPeriod(p.period)}`, p.place)] : []),
    ...(p.us ? [row(`${p.key}:us`, `United States, ${formatPeriod(p.period)}`, p.us)] : []),
  ]);
}

export interface StateTrendFigureProps {
  /** The section's id (unique on the page). */
  id: string;
  model: StateTrendModel;
  options: StateTrendOptions;
  title: string;
  /** The universe, in a few words: "People aged 12 or older in the civilian, noninstitutionalized population". */
  universe: string;
  headingLevel?: 1 | 3 | 5;
  compact?: boolean;
  controls?: ReactNode;
  status?: ReactNode;
  actions?: ReactNode;
  /** Offered beside the counts-only sentence: a way to see those numbers of people. */
  countsAction?: ReactNode;
  /** Shown under the chart (a prompt to choose a state, say). */
  hint?: ReactNode;
}

/** A state's trend beside the U.S. (or the U.S. alone) in the chart frame: subtitle, key, summary, table and sources. */
export function StateTrendFigure({ id, model, options, title, universe, headingLevel = 3, compact, controls, status, actions, countsAction, hint }: StateTrendFigureProps) {
  const place = geographyName(options.geography);
  const who = ageGroupLabel(options.ageGroup).toLowerCase();
  const pooled = model.periods.filter((p) => p.pooled).length;
  const subtitle = [
    `${universe}, ${place}${model.us ? ' and the United States' : ''}. ${model.measure.label}${model.periods.some((p) => p.place?.lower != null) ? ', with 95% intervals where published' : ''}.`,
    pooled === model.periods.length
      ? `${pooled === 1 ? 'The figure is' : 'Each figure is'} an annual average of two survey years, drawn across both years.`
      : pooled
        ? 'A two-year average is drawn across both its years; a single year is a point.'
        : '',
    'One line per survey method; a gap is a period with no figure in this dataset.',
    model.usOmitted ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const rows = stateTrendRows(model);
  const sources = [...new Set(model.periods.flatMap((p) => [p.place, p.us].flatMap((x) => (x ? [x.observation.source] : []))))];
  return (
    <ChartFrame
      id={id}
      headingLevel={headingLevel}
      title={title}
      subtitle={subtitle}
      summary={summarizeStateTrend(model, options)}
      sources={sources}
      status={status}
      controls={controls}
      notes={
        <>
          <StateTrendLegend model={model} />
          {model.countsOnly.length && !model.emptyReason ? (
            <p className="chart-note counts-only">
              {countsOnlySentence(model.countsOnly)} {countsAction}
            </p>
          ) : model.countsOnly.length && countsAction ? (
            <p className="chart-note counts-only">{countsAction}</p>
          ) : null}
          {hint}
        </>
      }
      table={<DataTable caption={`${title}, ${who}: the figures in this chart`} labelHeading="Place and period" rows={rows} />}
      actions={actions}
    >
      <StateTrendChart model={model} compact={compact} label={`Chart: ${options.indicatorTitle}, ${place}${model.us ? ' beside the United States' : ''}, ${who}, by period`} />
    </ChartFrame>
  );
}
