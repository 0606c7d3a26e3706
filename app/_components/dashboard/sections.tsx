'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { summarizeAge, toAgeModel, type AgeOptions } from '@/lib/charts/age';
import { formatTick, measureLabel } from '@/lib/charts/measure';
import { countsOnlySentence, stateTrendSpan, toStateTrendModel, type StateTrendOptions } from '@/lib/charts/state-trend';
import { mapClasses, summarizeStates, toStatesModel, usBesideStates, type StatesOptions } from '@/lib/charts/states';
import { summarizeTrend, toTrendModel, trendSpan, type TrendOptions } from '@/lib/charts/trend';
import { countsOnlyPeriods, type IndicatorOption, type View } from '@/lib/charts/view';
import { englishT, statesByName, whoOf, type ChartsT } from '@/lib/charts/words';
import { ageShortLabel, comparePlaces, placeName, seriesWords } from '@/lib/i18n/vocabulary';
import type { Locale } from '@/lib/i18n/locales';
import type { Observation } from '@/lib/vocabulary/schema';
import type { StateShape } from '@/lib/geo/state-shapes';
import { describePeriod, formatObservation, formatPeriod } from '@/lib/format/numbers';
import { AgeChart } from '../charts/age-chart';
import { ChartActions, type ChartKind } from '../charts/chart-actions';
import { ChartFrame, DataTable, type TableRow } from '../charts/chart-frame';
import { RankingChart } from '../charts/ranking-chart';
import { MapLegend, StateMap, StatePicker } from '../charts/state-map';
import { StateTrendFigure } from '../charts/state-trend-figure';
import { TrendChart } from '../charts/trend-chart';
import { MeasureSwitch } from './controls';

/** A table row of one observation, in the page's language. */
const rowIn =
  (locale: Locale) =>
  (key: string, label: string, o: Observation, note?: string): TableRow => {
    const f = formatObservation(o, 'published', locale);
    return { key, label, estimate: f.estimate, interval: f.interval, period: formatPeriod(o.period), series: seriesWords(o.series, locale)?.title ?? o.series, source: o.source, note };
  };

const distinct = (values: string[]) => [...new Set(values)];

/** Universe of a chart in a few words: "People aged 18–25 in the civilian, noninstitutionalized population". */
export const universe = (age: string, t: ChartsT = englishT(), locale: Locale = 'en') => t('sections.universe', { who: whoOf(age, locale) });

/**
 * Every chart model of a view, computed once from the loaded observations. `stateTables` are those
 * from datasets with state figures: a state's trend sets the U.S. rows of those tables beside it.
 */
export function useViewModels(observations: Observation[], view: View, option: IndicatorOption, stateTables: Observation[] = observations) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const title = option.title;
  const trendOptions: TrendOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: 'US', ageGroup: view.age, measure: view.trend }),
    [view.indicator, title, view.age, view.trend],
  );
  const statesOptions: StatesOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, ageGroup: view.age, measure: view.measure, period: view.period }),
    [view.indicator, title, view.age, view.measure, view.period],
  );
  const ageOptions: AgeOptions = useMemo(
    () => ({ indicator: view.indicator, indicatorTitle: title, geography: view.geo, measure: view.measure, period: view.period }),
    [view.indicator, title, view.geo, view.measure, view.period],
  );
  const stateTrendOptions: StateTrendOptions = useMemo(
    () => ({
      indicator: view.indicator,
      indicatorTitle: title,
      geography: view.geo,
      ageGroup: view.age,
      measure: view.measure,
      periods: option.statePeriods,
      // The dashboard loads the states in one measure; which periods have counts only, it knows from the options.
      countsOnly: countsOnlyPeriods(option, view.measure, view.age),
    }),
    [view.indicator, title, view.geo, view.age, view.measure, option],
  );
  const trend = useMemo(() => toTrendModel(observations, trendOptions, t, locale), [observations, trendOptions, t, locale]);
  const stateTrend = useMemo(() => toStateTrendModel(stateTables, stateTrendOptions, t, locale), [stateTables, stateTrendOptions, t, locale]);
  const states = useMemo(() => toStatesModel(observations, statesOptions, t, locale), [observations, statesOptions, t, locale]);
  const classes = useMemo(() => mapClasses(states), [states]);
  // Beside a state, the U.S. row of the same table (usBesideStates), not a national figure from elsewhere.
  const ages = useMemo(() => toAgeModel(usBesideStates(observations), ageOptions, t, locale), [observations, ageOptions, t, locale]);
  return { trend, trendOptions, stateTrend, stateTrendOptions, states, statesOptions, classes, ages, ageOptions };
}

export type ViewModels = ReturnType<typeof useViewModels>;

export interface SectionProps {
  view: View;
  option: IndicatorOption;
  models: ViewModels;
  /** Loading or error message from the data hook. */
  status?: ReactNode;
  /** Present on the dashboard (chart-level pickers); absent in an embed. */
  onChange?: (change: Partial<View>) => void;
  /** True in an embed: no share/embed actions pointing back at an embed. */
  embedded?: boolean;
  /** No download or share actions at all (the staff preview of unpublished data). */
  noActions?: boolean;
  headingLevel?: 1 | 3 | 5;
  /** Places whose figures an upload changes (the staff preview marks them). */
  changed?: ReadonlySet<string>;
}

function actions(kind: ChartKind, title: string, view: View, rows: Observation[], embedded: boolean | undefined) {
  return <ChartActions kind={kind} title={title} view={view} rows={rows} embedded={embedded} />;
}

/**
 * "For 2021–2022, SAMHSA's tables … give numbers of people only", with a button that shows them:
 * a percentage is never derived from a count.
 */
function CountsOnlyNote({ option, view, onChange }: Pick<SectionProps, 'option' | 'view' | 'onChange'>) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const periods = countsOnlyPeriods(option, view.measure, view.age);
  if (!periods.length) return null;
  const latest = periods[0];
  return (
    <p className="chart-note counts-only">
      {countsOnlySentence([...periods].reverse(), t, locale)}{' '}
      {onChange ? (
        <button type="button" className="secondary" onClick={() => onChange({ measure: 'count', period: latest })}>
          {t('sections.showCountsFor', { period: formatPeriod(latest) })}
        </button>
      ) : null}
    </p>
  );
}

/** A state's trend beside the U.S. (the U.S. alone until a state is chosen), in the view's state measure. */
export function StateTrendSection({ view, option, models, status, onChange, embedded, noActions, headingLevel }: SectionProps) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const { stateTrend, stateTrendOptions } = models;
  const place = placeName(view.geo, locale);
  const span = stateTrendSpan(stateTrend);
  const title = t(view.geo === 'US' ? 'sections.stateTrend.titleUs' : 'sections.stateTrend.title', { title: option.title, place, hasSpan: span ? 'yes' : 'no', span });
  const rows = stateTrend.periods.flatMap((p) => [p.place, p.us].flatMap((x) => (x ? [x.observation] : [])));
  const latestCounts = stateTrend.countsOnly.at(-1);
  return (
    <StateTrendFigure
      id="state-trend"
      model={stateTrend}
      options={stateTrendOptions}
      title={title}
      universe={universe(view.age, t, locale)}
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      status={status}
      controls={
        onChange ? (
          <div className="chart-controls">
            <label className="inline-select">
              {t('sections.stateTrend.state')}{' '}
              <select value={view.geo} onChange={(e) => onChange({ geo: e.target.value })}>
                <option value="US">{t('sections.stateTrend.usOnly')}</option>
                {statesByName(locale).map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}
                  </option>
                ))}
              </select>
            </label>
            <MeasureSwitch name="state-trend-measure" measures={option.stateMeasures} value={view.measure} onChange={(m) => onChange({ measure: m })} inForm={false} />
          </div>
        ) : null
      }
      countsAction={
        onChange && latestCounts ? (
          <button type="button" className="secondary" onClick={() => onChange({ measure: 'count', period: latestCounts })}>
            {t('sections.showCounts')}
          </button>
        ) : null
      }
      hint={view.geo === 'US' ? <p className="chart-note">{t('sections.stateTrend.hint')}</p> : null}
      actions={noActions ? undefined : <ChartActions kind="state-trend" title={title} view={view} rows={rows} embedded={embedded} />}
    />
  );
}

export function TrendSection({ view, option, models, status, onChange, embedded, noActions, headingLevel }: SectionProps) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const row = rowIn(locale);
  const { trend, trendOptions } = models;
  const measure = measureLabel(view.trend, t, locale);
  const who = whoOf(view.age, locale);
  // The title names the years actually plotted: one figure is its own year, not a 22-year span.
  const span = trendSpan(trend);
  const title = trend.points.length === 1 ? t('sections.trend.titleOne', { title: option.title, span }) : t('sections.trend.title', { title: option.title, hasSpan: span ? 'yes' : 'no', span });
  return (
    <ChartFrame
      id="trend"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={t('sections.trend.subtitle', { universe: universe(view.age, t, locale), measure })}
      summary={summarizeTrend(trend, trendOptions, t, locale)}
      sources={distinct(trend.points.map((p) => p.observation.source))}
      status={status}
      controls={onChange ? <MeasureSwitch name="trend" measures={option.nationalMeasures} value={view.trend} onChange={(m) => onChange({ trend: m })} /> : null}
      notes={
        trend.points.length ? (
          <ul className="legend" aria-label={t('sections.trend.legend')}>
            {distinct(trend.points.map((p) => p.series)).map((name) => (
              <li key={name}>
                <span className="series-swatch" data-series={name} aria-hidden="true" /> {seriesWords(name, locale)?.title ?? name}
              </li>
            ))}
          </ul>
        ) : null
      }
      table={
        <DataTable
          caption={t('sections.trend.caption', { title: option.title, who })}
          labelHeading={t('table.year')}
          rows={trend.points.map((p) =>
            row(
              p.key,
              formatPeriod(p.period),
              p.observation,
              p.superseded.length ? `(${t('table.revisedNote', { estimates: p.superseded.map((s) => formatObservation(s, 'published', locale).estimate).join(', ') })})` : undefined,
            ),
          )}
        />
      }
      actions={noActions ? undefined : actions('trend', title, view, trend.points.map((p) => p.observation), embedded)}
    >
      <TrendChart model={trend} label={t('sections.trend.label', { title: option.title, who })} />
    </ChartFrame>
  );
}

export function MapSection({ view, option, models, status, onChange, embedded, shapes, noActions, headingLevel }: SectionProps & { shapes: StateShape[] }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const row = rowIn(locale);
  const { states, statesOptions, classes } = models;
  const measure = measureLabel(view.measure, t, locale);
  const period = formatPeriod(view.period);
  const who = whoOf(view.age, locale);
  const title = t('sections.map.title', { title: option.title, period });
  const byName = comparePlaces(locale);
  return (
    <ChartFrame
      id="map"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={t('sections.map.subtitle', { universe: universe(view.age, t, locale), measure, period: describePeriod(view.period, locale) })}
      summary={summarizeStates(states, statesOptions, 'map', t, locale)}
      sources={distinct(states.states.map((s) => s.observation.source))}
      status={status}
      controls={
        <div className="chart-controls">
          {onChange ? <MeasureSwitch name="measure" measures={option.stateMeasures} value={view.measure} onChange={(m) => onChange({ measure: m })} /> : null}
          <StatePicker />
        </div>
      }
      notes={
        <>
          <MapLegend caption={t('sections.map.legend', { period, measure: measure.toLowerCase() })} classes={classes} format={(v) => formatTick(v, states.measure, t)} missing={states.missing.length > 0} />
          {states.usOmitted ? <p className="chart-note counts-not-compared">{t('states.countsNotCompared')}</p> : null}
          <CountsOnlyNote option={option} view={view} onChange={onChange} />
        </>
      }
      table={
        <DataTable
          caption={t('sections.map.caption', { title: option.title, who, period })}
          labelHeading={t('table.state')}
          rows={[...states.states].sort((a, b) => byName(a.code, b.code)).map((s) => row(s.code, placeName(s.code, locale), s.observation))}
        />
      }
      actions={noActions ? undefined : actions('map', title, view, states.states.map((s) => s.observation), embedded)}
    >
      <StateMap shapes={shapes} model={states} classes={classes} label={t('sections.map.label', { title: option.title, who, period })} />
    </ChartFrame>
  );
}

export function RankingSection({ view, option, models, status, embedded, noActions, headingLevel, changed }: SectionProps) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const row = rowIn(locale);
  const { states, statesOptions } = models;
  const measure = measureLabel(view.measure, t, locale);
  const period = formatPeriod(view.period);
  const who = whoOf(view.age, locale);
  const title = t('sections.ranking.title', { title: option.title, period });
  const rows = [...states.states.map((s) => s.observation), ...(states.us ? [states.us.observation] : [])];
  return (
    <ChartFrame
      id="ranking"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={title}
      subtitle={t('sections.ranking.subtitle', { universe: universe(view.age, t, locale), measure, withUs: states.us ? 'yes' : 'no' })}
      summary={summarizeStates(states, statesOptions, 'ranking', t, locale)}
      sources={distinct(rows.map((o) => o.source))}
      status={status}
      notes={
        states.usOmitted ? (
          <p className="chart-note counts-not-compared">{t('states.countsNotCompared')}</p>
        ) : (
          <p className="chart-note">{t('sections.ranking.note')}</p>
        )
      }
      table={
        <DataTable
          caption={t('sections.ranking.caption', { title: option.title.toLowerCase(), who, period })}
          labelHeading={t('table.state')}
          rows={[
            ...states.states.map((s, i) =>
              row(s.code, `${i + 1}. ${placeName(s.code, locale)}`, s.observation, s.comparison === 'above' ? t('table.aboveUs') : s.comparison === 'below' ? t('table.belowUs') : undefined),
            ),
            ...(states.us ? [row('US', placeName('US', locale), states.us.observation)] : []),
          ]}
        />
      }
      actions={noActions ? undefined : actions('ranking', title, view, rows, embedded)}
    >
      <RankingChart model={states} label={t('sections.ranking.label', { title: option.title, who, period })} highlight={view.geo} changed={changed} />
    </ChartFrame>
  );
}

export function AgeSection({ view, option, models, status, embedded, noActions, headingLevel }: SectionProps) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const row = rowIn(locale);
  const { ages, ageOptions } = models;
  const measure = measureLabel(view.measure, t, locale);
  const period = formatPeriod(view.period);
  const place = placeName(view.geo, locale);
  const us = placeName('US', locale);
  const title = t('sections.ages.fullTitle', { title: option.title, place, period });
  const rows = ages.rows.flatMap((r) => [...(r.value ? [r.value.observation] : []), ...(r.us ? [r.us.observation] : [])]);
  return (
    <ChartFrame
      id="ages"
      headingLevel={headingLevel ?? (embedded ? 1 : 3)}
      title={t('sections.ages.title', { place, period })}
      subtitle={t('sections.ages.subtitle', { title: option.title, measure, withUs: ages.rows.some((r) => r.us) ? 'yes' : 'no' })}
      summary={summarizeAge(ages, ageOptions, t, locale)}
      sources={distinct(rows.map((o) => o.source))}
      status={status}
      notes={ages.usOmitted && !ages.emptyReason ? <p className="chart-note counts-not-compared">{t('age.countsAlone')}</p> : null}
      table={
        <DataTable
          caption={t('sections.ages.caption', { title: option.title, place, period })}
          labelHeading={t('table.ageGroup')}
          rows={ages.rows.flatMap((r) => [
            ...(r.value ? [row(r.ageGroup, `${ageShortLabel(r.ageGroup)} (${place})`, r.value.observation)] : []),
            ...(r.us ? [row(`${r.ageGroup}-us`, `${ageShortLabel(r.ageGroup)} (${us})`, r.us.observation)] : []),
          ])}
        />
      }
      actions={noActions ? undefined : actions('ages', title, view, rows, embedded)}
    >
      <AgeChart model={ages} label={t('sections.ages.label', { title: option.title, place, period })} />
    </ChartFrame>
  );
}
