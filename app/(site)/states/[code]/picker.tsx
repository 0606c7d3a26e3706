'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { measureById } from '@/lib/charts/measure';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';

export interface ProfilePickerProps {
  code: string;
  indicators: Array<{ name: string; title: string }>;
  indicator: string;
  ages: string[];
  age: string;
  measures: string[];
  measure: string;
}

/**
 * What the state's charts show: indicator, age group and measure. A plain GET form, so it works
 * without JavaScript (the button submits it); with JavaScript every change applies at once, and
 * the server renders the new charts.
 */
export function ProfilePicker({ code, indicators, indicator, ages, age, measures, measure }: ProfilePickerProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (change: Partial<Record<'indicator' | 'age' | 'measure', string>>) => {
    const next = { indicator, age, measure, ...change };
    // A new indicator opens on its own default age group and measure.
    const params = new URLSearchParams(change.indicator ? { indicator: next.indicator } : next);
    startTransition(() => router.push(`/states/${code}?${params.toString()}#charts`, { scroll: false }));
  };
  return (
    <form className="controls" method="get" action={`/states/${code}#charts`} aria-label="Choose what the charts show" aria-busy={pending}>
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
