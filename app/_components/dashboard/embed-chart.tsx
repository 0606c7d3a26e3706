'use client';

import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { datasetOfRequest, parseView, viewRequests, viewToSearch, type IndicatorOption } from '@/lib/charts/view';
import { unpackOptions, type PackedOptions } from '@/lib/charts/packed';
import type { StateShape } from '@/lib/geo/state-shapes';
import { localePath } from '@/lib/i18n/locales';
import type { ChartKind } from '../charts/chart-actions';
import { AgeSection, MapSection, RankingSection, StateTrendSection, TrendSection, useViewModels } from './sections';
import { useViewData } from './use-view-data';

export interface EmbedChartProps {
  kind: ChartKind;
  search: string;
  /** The indicator options, packed (lib/charts/packed.ts). */
  packedOptions: PackedOptions;
  datasets: Array<{ id: string; states: boolean }>;
  shapes: StateShape[];
}

/** The message an embed posts to the page that frames it (public/embed.js reads it). */
export interface EmbedHeightMessage {
  type: 'atlas:height';
  /** The embed's content height in CSS pixels: the frame's height that shows it all without a scroll bar. */
  height: number;
  chart: ChartKind;
}

/**
 * Tells the framing page how tall the embed's content is, on load and whenever it changes size
 * (a ResizeObserver on the content), and again when the page asks ({type: 'atlas:measure'}, sent
 * by embed.js when it starts, in case this frame loaded first). Nothing is sent outside a frame.
 */
function usePostedHeight(ref: RefObject<HTMLElement | null>, chart: ChartKind) {
  useEffect(() => {
    const content = ref.current;
    if (!content || window.parent === window) return;
    let last = -1;
    const post = (always = false) => {
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (height === last && !always) return;
      last = height;
      const message: EmbedHeightMessage = { type: 'atlas:height', height, chart };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(() => post());
    observer.observe(content);
    const onLoad = () => post(true);
    const onMessage = (event: MessageEvent) => {
      if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === 'atlas:measure') post(true);
    };
    window.addEventListener('load', onLoad);
    window.addEventListener('message', onMessage);
    post(true);
    return () => {
      observer.disconnect();
      window.removeEventListener('load', onLoad);
      window.removeEventListener('message', onMessage);
    };
  }, [ref, chart]);
}

/**
 * One chart of a fixed view, for an <iframe> on another site: title, chart, summary, table,
 * source, and a credit bar with a link back that stays in sight (sticky at the frame's foot) even
 * when the host page gives the frame less height than the chart needs.
 */
export function EmbedChart({ kind, search, packedOptions, datasets, shapes }: EmbedChartProps) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const options = useMemo(() => unpackOptions(packedOptions), [packedOptions]);
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
  const ref = useRef<HTMLElement>(null);
  usePostedHeight(ref, kind);
  return (
    <main className="embed" ref={ref}>
      {kind === 'trend' ? <TrendSection {...props} /> : null}
      {kind === 'state-trend' ? <StateTrendSection {...props} /> : null}
      {kind === 'map' ? <MapSection {...props} shapes={shapes} /> : null}
      {kind === 'ranking' ? <RankingSection {...props} /> : null}
      {kind === 'ages' ? <AgeSection {...props} /> : null}
      <footer className="embed-credit">
        <span>{t('embed.credit')}</span>{' '}
        <a href={`${localePath(locale, `/${viewToSearch(view)}`)}#${kind}`} target="_blank" rel="noopener">
          {t('embed.open')}
        </a>
      </footer>
    </main>
  );
}
