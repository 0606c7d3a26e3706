'use client';

import { useMemo, useState } from 'react';
import useSWR from 'swr';
import { indicatorOptions, parseView, type IndicatorOption } from '@/lib/charts/view';
import type { PreviewData } from '@/lib/admin/preview';
import { STATE_CODES } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { RankingSection, TrendSection, useViewModels } from '../dashboard/sections';

async function loadPreview(uploadId: string, indicator: string): Promise<PreviewData> {
  const res = await fetch(`/api/admin/uploads/${uploadId}/preview?${new URLSearchParams({ indicator })}`);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body as { error?: { message?: string } } | null)?.error?.message ?? 'The preview could not be loaded.');
  return body as PreviewData;
}

/**
 * The chart an upload changes, drawn with the public chart components: the figures as they would
 * be after publishing, or as they are live now, one click apart.
 */
export function PreviewChart({ uploadId, indicators }: { uploadId: string; indicators: string[] }) {
  const [indicator, setIndicator] = useState(indicators[0]);
  const [which, setWhich] = useState<'candidate' | 'live'>('candidate');
  const [age, setAge] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const { data, error } = useSWR(['admin-preview', uploadId, indicator], ([, id, name]) => loadPreview(id, name), { revalidateOnFocus: false });

  // The chosen age group and period while the upload changes them; else the first that changes.
  const pick = (chosen: string | null, changed: string[] = []) => (chosen && changed.includes(chosen) ? chosen : (changed[0] ?? ''));
  const shownAge = pick(age, data?.changedAges);
  const shownPeriod = pick(period, data?.changedPeriods);

  return (
    <section className="preview" aria-label="Preview">
      <h4>Preview</h4>
      <div className="filters">
        {indicators.length > 1 ? (
          <label>
            Indicator
            <select value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              {indicators.map((i) => (
                <option key={i} value={i}>
                  {i}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <fieldset className="measure-switch">
          <legend>Show</legend>
          <label className="radio">
            <input type="radio" name="preview-which" checked={which === 'candidate'} onChange={() => setWhich('candidate')} /> After publishing
          </label>
          <label className="radio">
            <input type="radio" name="preview-which" checked={which === 'live'} onChange={() => setWhich('live')} /> Live now
          </label>
        </fieldset>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {(error as Error).message}
        </p>
      ) : null}
      {data && data.indicator.name === indicator ? (
        <>
          <ChangePicker label="Age group with changes" options={data.changedAges} value={shownAge} onChange={setAge} />
          <ChangePicker label="Period with changes" options={data.changedPeriods} value={shownPeriod} onChange={setPeriod} />
          <PreviewCharts data={data} which={which} age={shownAge} period={shownPeriod} />
        </>
      ) : !error ? (
        <p>Loading the preview…</p>
      ) : null}
    </section>
  );
}

function PreviewCharts({ data, which, age, period }: { data: PreviewData; which: 'candidate' | 'live'; age: string; period: string }) {
  const observations = which === 'candidate' ? data.candidate : data.live;
  const meta = useMemo(() => new Map([[data.indicator.name, data.indicator]]), [data.indicator]);
  const options = useMemo(() => indicatorOptions(observations, meta), [observations, meta]);
  const option: IndicatorOption | undefined = options.find((o) => o.name === data.indicator.name);
  if (!option) return <p>{which === 'live' ? 'The live data has no figures for this indicator yet.' : 'After publishing, this indicator has no figures.'}</p>;
  const changed = new Set(data.changedPlaces.filter((p) => p.startsWith(`${period}|`)).map((p) => p.slice(period.length + 1)));
  return <Charts observations={observations} option={option} options={options} which={which} age={age} period={period} changed={changed} />;
}

function Charts(props: { observations: Observation[]; option: IndicatorOption; options: IndicatorOption[]; which: string; age: string; period: string; changed: ReadonlySet<string> }) {
  const { observations, option, options, which, age, period, changed } = props;
  // The view opens on the period the upload changes (not the newest period of the dataset).
  const view = useMemo(() => parseView(new URLSearchParams({ indicator: option.name, age, period }), options), [option, options, age, period]);
  const models = useViewModels(observations, view, option);
  const changedStates = STATE_CODES.filter((c) => changed.has(c)).length;
  return (
    <div className="preview-charts" data-preview={which}>
      {option.states ? <RankingSection view={view} option={option} models={models} embedded noActions headingLevel={5} changed={changed} /> : null}
      {option.states && changedStates > 0 ? <p className="hint">● marks the {changedStates === 1 ? 'state' : `${changedStates} states`} whose figures this upload changes.</p> : null}
      {!option.states && option.national ? <TrendSection view={view} option={option} models={models} embedded noActions headingLevel={5} /> : null}
    </div>
  );
}

/** A picker among the values an upload changes; nothing when it changes only one. */
function ChangePicker({ label, options, value, onChange }: { label: string; options: string[]; value: string; onChange: (v: string) => void }) {
  if (options.length < 2) return null;
  return (
    <label className="preview-age">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
