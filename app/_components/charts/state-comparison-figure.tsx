'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { AgeModel } from '@/lib/charts/age';
import { measureLabel } from '@/lib/charts/measure';
import { againstUs, summarizeStateVsUs } from '@/lib/charts/state-trend';
import { ageShortLabel, placeName, seriesWords } from '@/lib/i18n/vocabulary';
import type { Observation } from '@/lib/vocabulary/schema';
import { describePeriod, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { AgeChart } from './age-chart';
import { ChartFrame, DataTable, type TableRow } from './chart-frame';

/** A state beside the U.S. by age group for one period, with intervals: chart, summary, table and sources. */
export function StateComparisonFigure({ id, model, indicatorTitle, universe, notes }: { id: string; model: AgeModel; indicatorTitle: string; universe: string; notes?: ReactNode }) {
  // The model may come from a server page: its words are written here, in the page's language.
  const t = useTranslations('charts');
  const locale = useLocale();
  const place = placeName(model.geography, locale);
  const us = placeName('US', locale);
  const period = formatPeriod(model.period);
  const row = (key: string, label: string, o: Observation, note?: string): TableRow => {
    const f = formatObservation(o, 'published', locale);
    return { key, label, estimate: f.estimate, interval: f.interval, period, series: seriesWords(o.series, locale)?.title ?? o.series, source: o.source, note };
  };
  const rows = model.rows.flatMap((r) => {
    const against = againstUs(r.value, r.us);
    return [
      ...(r.value ? [row(r.ageGroup, `${ageShortLabel(r.ageGroup)} (${place})`, r.value.observation, against === 'above' ? t('table.aboveUs') : against === 'below' ? t('table.belowUs') : undefined)] : []),
      ...(r.us ? [row(`${r.ageGroup}-us`, `${ageShortLabel(r.ageGroup)} (${us})`, r.us.observation)] : []),
    ];
  });
  const sources = [...new Set(model.rows.flatMap((r) => [r.value, r.us].flatMap((x) => (x ? [x.observation.source] : []))))];
  return (
    <ChartFrame
      id={id}
      title={t('vsUs.title', { place, period })}
      subtitle={t('vsUs.subtitle', { universe, measure: measureLabel(model.measure.id, t, locale), period: describePeriod(model.period, locale) })}
      summary={summarizeStateVsUs(model, indicatorTitle, t, locale)}
      sources={sources}
      notes={notes}
      table={<DataTable caption={t('vsUs.caption', { title: indicatorTitle, place, period })} labelHeading={t('table.ageGroup')} rows={rows} />}
    >
      <AgeChart model={model} label={t('vsUs.label', { title: indicatorTitle, place, period })} />
    </ChartFrame>
  );
}
