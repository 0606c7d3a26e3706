'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { measureById } from '@/lib/charts/measure';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { stateHref } from '../links';

export interface ProfilePickerProps {
  code: string;
  /** Every state and DC, A to Z: choosing one opens its page with the same view. */
  states: Array<{ code: string; name: string }>;
  /** The dashboard's choices this page does not use (national trend measure, map period), kept for the links. */
  carried: { trend?: string; period?: string };
  indicators: Array<{ name: string; title: string }>;
  indicator: string;
  ages: string[];
  age: string;
  measures: string[];
  measure: string;
}

/**
 * The state and what its charts show: indicator, age group and measure. A plain GET form, so it
 * works without JavaScript (the button submits it; the page opens another state chosen here);
 * with JavaScript every change applies at once, and the server renders the new charts. Another
 * state opens with the same view; a new indicator on its own default age group and measure.
 */
export function ProfilePicker({ code, states, carried, indicators, indicator, ages, age, measures, measure }: ProfilePickerProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (change: Partial<Record<'state' | 'indicator' | 'age' | 'measure', string>>) => {
    const view = { indicator, age, measure, ...carried };
    const next = change.indicator ? { indicator: change.indicator } : { ...view, ...change };
    startTransition(() => router.push(stateHref(change.state ?? code, next, '#charts'), { scroll: false }));
  };
  return (
    <form className="controls" method="get" action={`/states/${code}#charts`} aria-label="Choose what the charts show" aria-busy={pending}>
      <label>
        State
        <select name="state" value={code} onChange={(e) => go({ state: e.target.value })}>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="control-wide">
        Indicator
        <select name="indicator" value={indicator} onChange={(e) => go({ indicator: e.target.value })}>
          {indicators.map((i) => (
            <option key={i.name} value={i.name}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      {ages.length > 1 ? (
        <label>
          Age group (trend)
          <select name="age" value={age} onChange={(e) => go({ age: e.target.value })}>
            {ages.map((a) => (
              <option key={a} value={a}>
                {ageGroupShortLabel(a)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="age" value={age} />
      )}
      {measures.length > 1 ? (
        <fieldset className="measure-switch">
          <legend>Show as</legend>
          {measures.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="measure" value={m} checked={measure === m} onChange={() => go({ measure: m })} />
              {measureById(m).label}
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="measure" value={measure} />
      )}
      {carried.trend ? <input type="hidden" name="trend" value={carried.trend} /> : null}
      {carried.period ? <input type="hidden" name="period" value={carried.period} /> : null}
      <noscript>
        <button type="submit">Update charts</button>
      </noscript>
      {pending ? (
        <p className="chart-status" role="status">
          Loading…
        </p>
      ) : null}
    </form>
  );
}
