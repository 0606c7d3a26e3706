'use client';

import { useMemo } from 'react';
import { datasetOfRequest, parseView, viewRequests, viewToSearch, type IndicatorOption } from '@/lib/charts/view';
import type { StateShape } from '@/lib/geo/state-shapes';
import type { ChartKind } from '../charts/chart-actions';
import { AgeSection, MapSection, RankingSection, StateTrendSection, TrendSection, useViewModels } from './sections';
import { useViewData } from './use-view-data';

export interface EmbedChartProps {
  kind: ChartKind;
  search: string;
  options: IndicatorOption[];
  datasets: Array<{ id: string; states: boolean }>;
  shapes: StateShape[];
}

/** One chart of a fixed view, for an <iframe> on another site: title, chart, summary, table, source, and a link back. */
export function EmbedChart({ kind, search, options, datasets, shapes }: EmbedChartProps) {
  const view = useMemo(() => parseView(new URLSearchParams(search), options), [search, options]);
  const option = options.find((o) => o.name === view.indicator) as IndicatorOption;
  const urls = useMemo(() => viewRequests(view, datasets), [view, datasets]);
  const { data } = useViewData(urls);
  const observations = useMemo(() => (data ?? []).flatMap((d) => d.observations), [data]);
  const stateTables = useMemo(() => {
    const withStates = new Set(datasets.filter((d) => d.states).map((d) => d.id));
    return (data ?? []).filter((d) => withStates.has(datasetOfRequest(d.url))).flatMap((d) => d.observations);
  }, [data, datasets]);
  const models = useViewModels(observations, view, option, stateTables);
  const props = { view, option, models, embedded: true };
  return (
    <main className="embed">
      {kind === 'trend' ? <TrendSection {...props} /> : null}
      {kind === 'state-trend' ? <StateTrendSection {...props} /> : null}
      {kind === 'map' ? <MapSection {...props} shapes={shapes} /> : null}
      {kind === 'ranking' ? <RankingSection {...props} /> : null}
      {kind === 'ages' ? <AgeSection {...props} /> : null}
      <p className="embed-credit">
        <a href={`/${viewToSearch(view)}#${kind}`} target="_blank" rel="noopener">
          Open this chart on Substance Use Atlas
        </a>{' '}
        · Data: SAMHSA, National Survey on Drug Use and Health
      </p>
    </main>
  );
}
