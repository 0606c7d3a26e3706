'use client';

import { useCallback, useMemo } from 'react';
import { changeView, datasetOfRequest, parseView, viewRequests, viewToSearch, type IndicatorOption, type View } from '@/lib/charts/view';
import type { StateShape } from '@/lib/geo/state-shapes';
import { Controls } from './controls';
import { AgeSection, MapSection, RankingSection, StateTrendSection, TrendSection, useViewModels } from './sections';
import { pushUrlSearch, useUrlSearch } from './use-url-search';
import { useViewData } from './use-view-data';

export interface DashboardProps {
  options: IndicatorOption[];
  datasets: Array<{ id: string; states: boolean }>;
  shapes: StateShape[];
  /** The query string the server rendered, for the first render before hydration. */
  initialSearch: string;
}

/** The interactive dashboard: pickers, national trend, a state's trend, state map, state ranking and age groups, all driven by the URL. */
export function Dashboard({ options, datasets, shapes, initialSearch }: DashboardProps) {
  const search = useUrlSearch(initialSearch);
  const view = useMemo(() => parseView(new URLSearchParams(search), options), [search, options]);
  const option = options.find((o) => o.name === view.indicator) as IndicatorOption;
  const urls = useMemo(
    () => viewRequests({ indicator: view.indicator, measure: view.measure, period: view.period, geo: view.geo }, datasets),
    [view.indicator, view.measure, view.period, view.geo, datasets],
  );
  const { data, error, isLoading, isValidating, mutate } = useViewData(urls);

  const update = useCallback(
    (change: Partial<View>) => {
      const next = changeView(view, change, options);
      pushUrlSearch(viewToSearch(next));
    },
    [view, options],
  );

  const observations = useMemo(() => (data ?? []).flatMap((d) => d.observations), [data]);
  const stateTables = useMemo(() => {
    const withStates = new Set(datasets.filter((d) => d.states).map((d) => d.id));
    return (data ?? []).filter((d) => withStates.has(datasetOfRequest(d.url))).flatMap((d) => d.observations);
  }, [data, datasets]);
  const models = useViewModels(observations, view, option, stateTables);

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

  return (
    <div className="dashboard" aria-busy={loading}>
      <Controls view={view} options={options} onChange={update} />
      <p className="definition">
        <strong>{option.title}:</strong> {option.definition}
      </p>
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
      ) : (
        <p className="chart-note">No state estimates are published for this indicator; choose one marked “with state estimates” to see the map and rankings.</p>
      )}
    </div>
  );
}
