'use client';

import { useLocale } from 'next-intl';
import { useTransition } from 'react';
import { localePath } from '@/lib/i18n/locales';
import { useRouter } from '@/lib/i18n/navigation';
import { ageShortLabel } from '@/lib/i18n/vocabulary';
import { stateHref } from '../links';

export interface ProfilePickerProps {
  code: string;
  /** Every state and DC, A to Z in the page's language: choosing one opens its page with the same view. */
  states: Array<{ code: string; name: string }>;
  /** The dashboard's choices this page does not use (national trend measure, map period), kept for the links. */
  carried: { trend?: string; period?: string };
  indicators: Array<{ name: string; title: string }>;
  indicator: string;
  ages: string[];
  age: string;
  /** The measures offered, with their names in the page's language. */
  measures: Array<{ id: string; label: string }>;
  measure: string;
  /** The picker's words, from the page (the states messages are not sent to the browser). */
  words: ProfilePickerWords;
}

export interface ProfilePickerWords {
  /** The form's accessible name: "Choose what the charts show". */
  form: string;
  state: string;
  indicator: string;
  /** "Age group (trend)". */
  age: string;
  /** The measure switch's legend: "Show as". */
  showAs: string;
  /** The submit button without JavaScript: "Update charts". */
  update: string;
  loading: string;
}

/**
 * The state and what its charts show: indicator, age group and measure. A plain GET form, so it
 * works without JavaScript (the button submits it; the page opens another state chosen here);
 * with JavaScript every change applies at once, and the server renders the new charts. Another
 * state opens with the same view; a new indicator on its own default age group and measure.
 */
export function ProfilePicker({ code, states, carried, indicators, indicator, ages, age, measures, measure, words }: ProfilePickerProps) {
  const locale = useLocale();
  // next-intl's router: the address it is given has no language, and it keeps the page's.
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (change: Partial<Record<'state' | 'indicator' | 'age' | 'measure', string>>) => {
    const view = { indicator, age, measure, ...carried };
    const next = change.indicator ? { indicator: change.indicator } : { ...view, ...change };
    startTransition(() => router.push(stateHref(change.state ?? code, next, '#charts'), { scroll: false }));
  };
  return (
    <form className="controls" method="get" action={localePath(locale, `/states/${code}#charts`)} aria-label={words.form} aria-busy={pending}>
      <label>
        {words.state}
        <select name="state" value={code} onChange={(e) => go({ state: e.target.value })}>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="control-wide">
        {words.indicator}
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
          {words.age}
          <select name="age" value={age} onChange={(e) => go({ age: e.target.value })}>
            {ages.map((a) => (
              <option key={a} value={a}>
                {ageShortLabel(a)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="age" value={age} />
      )}
      {measures.length > 1 ? (
        <fieldset className="measure-switch">
          <legend>{words.showAs}</legend>
          {measures.map((m) => (
            <label key={m.id} className="radio">
              <input type="radio" name="measure" value={m.id} checked={measure === m.id} onChange={() => go({ measure: m.id })} />
              {m.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="measure" value={measure} />
      )}
      {carried.trend ? <input type="hidden" name="trend" value={carried.trend} /> : null}
      {carried.period ? <input type="hidden" name="period" value={carried.period} /> : null}
      <noscript>
        <button type="submit">{words.update}</button>
      </noscript>
      {pending ? (
        <p className="chart-status" role="status">
          {words.loading}
        </p>
      ) : null}
    </form>
  );
}
