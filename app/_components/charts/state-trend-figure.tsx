'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { changeTestText, countsOnlySentence, summarizeStateTrend, type StateTrendModel, type StateTrendOptions } from '@/lib/charts/state-trend';
import type { TrendPoint } from '@/lib/charts/trend';
import { measureLabel } from '@/lib/charts/measure';
import { englishT, whoOf, type ChartsT } from '@/lib/charts/words';
import { placeName, seriesWords } from '@/lib/i18n/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { ChartFrame, DataTable, type TableRow } from './chart-frame';
import { StateTrendChart, StateTrendLegend } from './state-trend-chart';

/** The table rows of a state trend: per period, the place's figure, then the U.S. one. */
export function stateTrendRows(model: StateTrendModel, t: ChartsT = englishT(), locale: Locale = 'en'): TableRow[] {
  const row = (key: string, label: string, p: TrendPoint): TableRow => {
    const f = formatObservation(p.observation, 'published', locale);
    const test = changeTestText(p.observation, t);
    const notes = [
      ...(p.derived ? [t('derived.phrase')] : []),
      ...(p.superseded.length ? [t('table.revisedNote', { estimates: p.superseded.map((s) => formatObservation(s, 'published', locale).estimate).join(', ') })] : []),
      ...(test ? [test] : []),
    ];
    return {
      key,
      label,
      estimate: f.estimate,
      interval: f.interval,
      period: formatPeriod(p.period),
      series: seriesWords(p.series, locale)?.title ?? p.series,
      source: p.observation.source,
      note: notes.length ? `(${notes.join('; ')})` : undefined,
    };
  };
  const place = placeName(model.geography, locale);
  const us = placeName('US', locale);
  return model.periods.flatMap((p) => [
    ...(p.place ? [row(`${p.key}:place`, `${place}, ${formatPeriod(p.period)}`, p.place)] : []),
    ...(p.us ? [row(`${p.key}:us`, `${us}, ${formatPeriod(p.period)}`, p.us)] : []),
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
  // The model may come from a server page: its words are written here, in the page's language.
  const t = useTranslations('charts');
  const locale = useLocale();
  const place = placeName(options.geography, locale);
  const who = whoOf(options.ageGroup, locale);
  const pooled = model.periods.filter((p) => p.pooled).length;
  const subtitle = [
    t('stateTrend.subtitle.what', {
      universe,
      place,
      withUs: model.us ? 'yes' : 'no',
      measure: measureLabel(model.measure.id, t, locale),
      intervals: model.periods.some((p) => p.place?.lower != null) ? 'yes' : 'no',
    }),
    pooled === model.periods.length ? t('stateTrend.subtitle.allPooled', { count: pooled }) : pooled ? t('stateTrend.subtitle.somePooled') : '',
    t('stateTrend.subtitle.lines'),
    model.usOmitted ? t('stateTrend.usOmitted') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const rows = stateTrendRows(model, t, locale);
  const sources = [...new Set(model.periods.flatMap((p) => [p.place, p.us].flatMap((x) => (x ? [x.observation.source] : []))))];
  return (
    <ChartFrame
      id={id}
      headingLevel={headingLevel}
      title={title}
      subtitle={subtitle}
      summary={summarizeStateTrend(model, options, t, locale)}
      sources={sources}
      status={status}
      controls={controls}
      notes={
        <>
          <StateTrendLegend model={model} />
          {model.countsOnly.length && !model.emptyReason ? (
            <p className="chart-note counts-only">
              {countsOnlySentence(model.countsOnly, t, locale)} {countsAction}
            </p>
          ) : model.countsOnly.length && countsAction ? (
            <p className="chart-note counts-only">{countsAction}</p>
          ) : null}
          {hint}
        </>
      }
      table={<DataTable caption={t('stateTrend.caption', { title, who })} labelHeading={t('stateTrend.labelHeading')} rows={rows} />}
      actions={actions}
    >
      <StateTrendChart model={model} compact={compact} label={t('stateTrend.label', { title: options.indicatorTitle, place, withUs: model.us ? 'yes' : 'no', who })} />
    </ChartFrame>
  );
}
