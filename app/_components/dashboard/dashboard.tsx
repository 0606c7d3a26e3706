'use client';

import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { ageChoices, changeView, datasetOfRequest, observationKey, optionForAge, parseView, stateHref, viewRequests, viewToSearch, type IndicatorOption, type View } from '@/lib/charts/view';
import { unpackOptions, type PackedOptions } from '@/lib/charts/packed';
import type { StateShape } from '@/lib/geo/state-shapes';
import { ageGroupLabel, ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { geographyName } from '@/lib/vocabulary/geography';
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

/** What a change of place did, in words (the polite live region by the pickers says it). */
export function placeMessage(geo: string): string {
  return geo === 'US'
    ? 'Showing the United States in the state trend and the age chart.'
    : `Showing ${geographyName(geo)} in the state trend and the age chart, marked in the ranking.`;
}

/** The interactive dashboard: pickers, national trend, a state's trend, state map, state ranking and age groups, all driven by the URL. */
export function Dashboard({ packedOptions, datasets, shapes, initialSearch }: DashboardProps) {
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
      if (next.geo !== view.geo) setAnnounced(placeMessage(next.geo));
      (how?.replace ? replaceUrlSearch : pushUrlSearch)(viewToSearch(next));
    },
    [view, options],
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
      Could not load the figures for this selection: {error.message}{' '}
      <button type="button" onClick={() => mutate()}>
        Try again
      </button>
    </p>
  ) : loading ? (
    <p className="chart-status" role="status">
      Loading…
    </p>
  ) : null;

  const sectionProps = { view, option, models, status, onChange: update };
  const place = view.geo === 'US' ? null : geographyName(view.geo);
  /** A link to another view that, with JavaScript, changes the view in place. */
  const viewLink = (change: Partial<View>) => ({
    href: viewToSearch(changeView(view, change, options)),
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      e.preventDefault();
      update(change);
    },
  });
  const stateAges = ageChoices(indicator).filter((a) => a.states);

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
                {place ? (
                  <>
                    {place} is shown in the state trend and the age chart, and marked in the ranking: <a href="#state-trend">{place}’s trend</a> ·{' '}
                    <a href="#ages">{place} by age group</a> · <a href={stateHref(view.geo, view)}>{place}’s profile</a>
                  </>
                ) : (
                  'Choose a state as the place to see it in the state trend and the age chart, marked in the ranking.'
                )}
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
            The state tables give no figure of “{option.title.toLowerCase()}” for people {ageGroupLabel(view.age).toLowerCase()}, so there is no map, ranking or
            state trend for this age group. State figures exist for{' '}
            {stateAges.map((a, i) => (
              <span key={a.age}>
                {i > 0 ? (i === stateAges.length - 1 ? ' and ' : ', ') : ''}
                <a {...viewLink({ age: a.age })}>{ageGroupShortLabel(a.age)}</a>
              </span>
            ))}
            .
          </p>
        ) : (
          <p className="chart-note no-state-figures">
            No state estimates are published for this indicator, so there is no map, ranking or state trend; choose one listed “With state estimates” to see
            them.
          </p>
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
