'use client';

import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ageChoices, changeView, datasetOfRequest, observationKey, optionForAge, parseView, stateHref, viewRequests, viewToSearch, type IndicatorOption, type View } from '@/lib/charts/view';
import { unpackOptions, type PackedOptions } from '@/lib/charts/packed';
import type { StateShape } from '@/lib/geo/state-shapes';
import { formatList } from '@/lib/format/numbers';
import { localePath } from '@/lib/i18n/locales';
import { ageLabel, ageShortLabel, placeName } from '@/lib/i18n/vocabulary';
import type { Observation } from '@/lib/vocabulary/schema';
import { RowDatasetContext } from '../charts/chart-actions';
import { Controls } from './controls';
import { AgeSection, MapSection, RankingSection, StateTrendSection, TrendSection, useViewModels } from './sections';
import { pushUrlSearch, replaceUrlSearch, useUrlSearch } from './use-url-search';
import { useViewData } from './use-view-data';

export interface DashboardProps {
  /** The indicator options, packed (lib/charts/packed.ts). */
  packedOptions: PackedOptions;
  datasets: Array<{ id: string; states: boolean }>;
  shapes: StateShape[];
  /** The query string the server rendered, for the first render before hydration. */
  initialSearch: string;
}

/** The interactive dashboard: pickers, national trend, a state's trend, state map, state ranking and age groups, all driven by the URL. */
export function Dashboard({ packedOptions, datasets, shapes, initialSearch }: DashboardProps) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const options = useMemo(() => unpackOptions(packedOptions), [packedOptions]);
  const search = useUrlSearch(initialSearch);
  const view = useMemo(() => parseView(new URLSearchParams(search), options), [search, options]);
  const indicator = options.find((o) => o.name === view.indicator) as IndicatorOption;
  // The charts see only the measures with a figure for the chosen age group.
  const option = useMemo(() => optionForAge(indicator, view.age), [indicator, view.age]);
  const urls = useMemo(
    () => viewRequests({ indicator: view.indicator, measure: view.measure, period: view.period, geo: view.geo }, datasets),
    [view.indicator, view.measure, view.period, view.geo, datasets],
  );
  const { data, error, isLoading, isValidating, mutate } = useViewData(urls);
  // Set only when the visitor changes the place, so a page load announces nothing.
  const [announced, setAnnounced] = useState('');

  const update = useCallback(
    (change: Partial<View>, how?: { replace: boolean }) => {
      const next = changeView(view, change, options);
      // What a change of place did, in words (the polite live region by the pickers says it).
      if (next.geo !== view.geo) setAnnounced(next.geo === 'US' ? t('place.announceNation') : t('place.announceState', { place: placeName(next.geo, locale) }));
      (how?.replace ? replaceUrlSearch : pushUrlSearch)(viewToSearch(next));
    },
    [view, options, t, locale],
  );

  const observations = useMemo(() => (data ?? []).flatMap((d) => d.observations), [data]);
  const stateTables = useMemo(() => {
    const withStates = new Set(datasets.filter((d) => d.states).map((d) => d.id));
    return (data ?? []).filter((d) => withStates.has(datasetOfRequest(d.url))).flatMap((d) => d.observations);
  }, [data, datasets]);
  const models = useViewModels(observations, view, option, stateTables);
  // The dataset of every loaded row, so each chart's download links can ask the API for its figures.
  const datasetOf = useMemo(() => {
    const by = new Map<string, string>();
    for (const d of data ?? []) for (const o of d.observations) by.set(observationKey(o), datasetOfRequest(d.url));
    return (o: Observation) => by.get(observationKey(o));
  }, [data]);

  const loading = isLoading || isValidating;
  const status = error ? (
    <p className="chart-status error" role="alert">
      {t('status.error', { message: error.message })}{' '}
      <button type="button" onClick={() => mutate()}>
        {t('status.retry')}
      </button>
    </p>
  ) : loading ? (
    <p className="chart-status" role="status">
      {t('status.loading')}
    </p>
  ) : null;

  const sectionProps = { view, option, models, status, onChange: update };
  const place = view.geo === 'US' ? null : placeName(view.geo, locale);
  /** A link to another view that, with JavaScript, changes the view in place. */
  const viewLink = (change: Partial<View>) => ({
    href: viewToSearch(changeView(view, change, options)),
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      e.preventDefault();
      update(change);
    },
  });
  const stateAges = ageChoices(indicator).filter((a) => a.states);
  // The age groups with state figures, as links in a list in the reader's language ("12–17, 18–25 y 26+").
  const stateAgeLinks = formatList(
    stateAges.map((_, i) => `\u0000${i}\u0000`),
    locale,
  )
    .split('\u0000')
    .map((part, i) => {
      if (i % 2 === 0) return part;
      const a = stateAges[Number(part)];
      return (
        <a key={a.age} {...viewLink({ age: a.age })}>
          {ageShortLabel(a.age)}
        </a>
      );
    });

  return (
    <RowDatasetContext.Provider value={datasetOf}>
      <div className="dashboard" aria-busy={loading}>
        <Controls
          view={view}
          options={options}
          onChange={update}
          placeNote={
            <div className="place-note">
              <p id="place-help">
                {place
                  ? t.rich('place.shown', {
                      place,
                      trend: (chunks) => <a href="#state-trend">{chunks}</a>,
                      ages: (chunks) => <a href="#ages">{chunks}</a>,
                      profile: (chunks) => <a href={localePath(locale, stateHref(view.geo, view))}>{chunks}</a>,
                    })
                  : t('place.choose')}
              </p>
              <p className="place-status visually-hidden" role="status">
                {announced}
              </p>
            </div>
          }
        />
        <p className="definition">
          <strong>{option.title}:</strong> {option.definition}
        </p>
        {option.states ? null : indicator.states ? (
          <p className="chart-note no-state-figures">
            {t.rich('notes.noStateFiguresForAge', {
              title: option.title.toLowerCase(),
              age: ageLabel(view.age, locale).toLowerCase(),
              ages: () => <>{stateAgeLinks}</>,
            })}
          </p>
        ) : (
          <p className="chart-note no-state-figures">{t('notes.noStateFigures')}</p>
        )}
        <TrendSection {...sectionProps} />
        {option.states ? (
          <>
            <StateTrendSection {...sectionProps} />
            <MapSection {...sectionProps} shapes={shapes} />
            <div className="chart-pair">
              <RankingSection {...sectionProps} />
              <AgeSection {...sectionProps} />
            </div>
          </>
        ) : null}
      </div>
    </RowDatasetContext.Provider>
  );
}
