'use client';

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ageChoices, periodsFor, type IndicatorOption, type View } from '@/lib/charts/view';
import { COUNT } from '@/lib/charts/measure';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { ageLabel, ageShortLabel, placeName, unitWords } from '@/lib/i18n/vocabulary';
import { statesByName } from '@/lib/charts/words';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { formatPeriod } from '@/lib/format/numbers';

const NATION = GEOGRAPHIES.filter((g) => g.level === 'nation').map((g) => g.code);

/** The place picker's choices: the nation first, then the states and DC in the order of their names in `locale`. */
export function placeChoices(locale: Locale): Array<{ code: string; name: string }> {
  return [...NATION.map((code) => ({ code, name: placeName(code, locale) })), ...statesByName(locale)];
}
export const CONTROLS_FORM = 'view-controls';

/** How long a keyboard visitor's choice must stay put before the charts follow it. */
export const SETTLE_MS = 600;
/** Keys that move a closed select's choice (Chromium fires `change` for each). */
const MOVING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A select whose choice is committed once the visitor has settled on it. A choice made with the
 * mouse (or by opening the list) applies at once; one made by arrowing through a closed select
 * (Chromium fires `change` at every key) waits until the keys stop for SETTLE_MS, Enter is
 * pressed or focus leaves, so arrowing through ten indicators loads one view, not ten. Whatever
 * the timing, one run of arrowing adds one history entry: the first commit of the run pushes, the
 * later ones replace it (`replace`), until Enter or leaving the picker ends the run.
 */
function SettledSelect({
  name,
  value,
  onCommit,
  describedBy,
  children,
}: {
  name: string;
  value: string;
  onCommit: (value: string, how: { replace: boolean }) => void;
  describedBy?: string;
  children: ReactNode;
}) {
  const [pending, setPending] = useState<string | null>(null);
  // True from a moving key's keydown to its keyup: a change in between is the keyboard stepping.
  const keying = useRef(false);
  // True once a run of arrowing has committed (pushed) a view: its later steps replace that entry.
  const inRun = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, onCommit });
  useEffect(() => {
    latest.current = { value, onCommit };
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (next: string, endRun: boolean) => {
    clearTimeout(timer.current);
    setPending(null);
    if (next !== latest.current.value) latest.current.onCommit(next, { replace: inRun.current });
    inRun.current = !endRun;
  };
  return (
    <select
      name={name}
      value={pending ?? value}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        if (MOVING_KEYS.has(e.key) || (e.key.length === 1 && e.key !== ' ')) keying.current = true;
        else if (e.key === 'Enter' && pending !== null) {
          e.preventDefault();
          commit(pending, true);
        }
      }}
      onKeyUp={() => {
        keying.current = false;
      }}
      onChange={(e) => {
        const next = e.target.value;
        // A change while a moving key is down is the keyboard stepping through a closed select.
        if (keying.current) {
          setPending(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next, false), SETTLE_MS);
        } else {
          // A choice made at once (mouse, or a list opened from the keyboard) is a new entry.
          inRun.current = false;
          commit(next, true);
        }
      }}
      onBlur={() => {
        keying.current = false;
        if (pending !== null) commit(pending, true);
        inRun.current = false;
      }}
    >
      {children}
    </select>
  );
}

/**
 * The pickers. They are a plain GET form, so without JavaScript a visitor can still change the
 * view (the Update button submits it); with JavaScript every change applies once the visitor has
 * settled on it. The place comes right after the indicator: it drives every chart that can show a
 * place (the state trend and the age chart; the ranking marks it).
 */
export function Controls({
  view,
  options,
  onChange,
  placeNote,
}: {
  view: View;
  options: IndicatorOption[];
  /** `replace`: a step of a choice still being made (replace the history entry, do not add one). */
  onChange: (change: Partial<View>, how?: { replace: boolean }) => void;
  /** What the place does, under the pickers (its element with id `place-help` describes the place picker). */
  placeNote?: ReactNode;
}) {
  const option = options.find((o) => o.name === view.indicator);
  // Only periods with state figures in the measure shown: a period with counts only is offered by the charts' own note.
  const periods = option ? periodsFor(option, view.measure, view.age) : [];
  const withStates = options.filter((o) => o.states);
  const nationalOnly = options.filter((o) => !o.states);
  // Only age groups with a figure in some chart; those with figures for one kind of chart say which.
  const ages = option ? ageChoices(option) : [];
  const placeOffered = ages.find((a) => a.age === view.age)?.states ?? false;
  const t = useTranslations('dashboard');
  const locale = useLocale();
  const places = useMemo(() => placeChoices(locale), [locale]);
  return (
    <form id={CONTROLS_FORM} className="controls" method="get" action={localePath(locale, '/')} aria-label={t('controls.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="control-wide">
        {t('controls.indicator')}
        <SettledSelect name="indicator" value={view.indicator} onCommit={(indicator, how) => onChange({ indicator }, how)}>
          <optgroup label={t('controls.withStates')}>
            {withStates.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('controls.nationalOnly')}>
            {nationalOnly.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </optgroup>
        </SettledSelect>
      </label>
      <label>
        {t('controls.age')}
        <SettledSelect name="age" value={view.age} onCommit={(age, how) => onChange({ age }, how)}>
          {ages.map((a) => (
            <option
              key={a.age}
              value={a.age}
              title={a.national && a.states ? undefined : t(a.national ? 'controls.ageNationalOnlyTitle' : 'controls.ageStatesOnlyTitle', { age: ageLabel(a.age, locale) })}
            >
              {option?.states && !a.states
                ? t('controls.ageNationalOnly', { age: ageShortLabel(a.age) })
                : a.national
                  ? ageShortLabel(a.age)
                  : t('controls.ageStatesOnly', { age: ageShortLabel(a.age) })}
            </option>
          ))}
        </SettledSelect>
      </label>
      {placeOffered ? (
        <label>
          {t('controls.place')}
          <SettledSelect name="geo" value={view.geo} onCommit={(geo, how) => onChange({ geo }, how)} describedBy="place-help">
            {places.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
          </SettledSelect>
        </label>
      ) : (
        <input type="hidden" name="geo" value={view.geo} />
      )}
      {periods.length > 1 ? (
        <label>
          {t('controls.period')}
          <SettledSelect name="period" value={view.period} onCommit={(period, how) => onChange({ period }, how)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </SettledSelect>
        </label>
      ) : (
        <input type="hidden" name="period" value={view.period} />
      )}
      <noscript>
        <button type="submit">{t('controls.update')}</button>
      </noscript>
      {placeOffered ? placeNote : null}
    </form>
  );
}

/**
 * "Show as" radio buttons for one chart (numbers of people or a percentage). They belong to the
 * controls form, so a visitor without JavaScript submits them with the other choices.
 */
export function MeasureSwitch({
  name,
  measures,
  value,
  onChange,
  inForm = true,
}: {
  name: string;
  measures: string[];
  value: string;
  onChange: (measure: string) => void;
  /** False for a second switch of the same view value: outside the form, so the two never form one radio group. */
  inForm?: boolean;
}) {
  const t = useTranslations('dashboard');
  const locale = useLocale();
  if (measures.length < 2) return null;
  /** A measure's name: "Number of people", "Percent of the age group", "Percent of those needing treatment". */
  const label = (id: string): string => {
    if (id === COUNT) return t('measure.count');
    if (id === 'percent') return t('measure.percent');
    const unit = unitWords(id, locale);
    return unit ? t('measure.percentOf', { unit: unit.label.replace(/^% /, '') }) : id;
  };
  return (
    <fieldset className="measure-switch">
      <legend>{t('measure.legend')}</legend>
      {measures.map((m) => (
        <label key={m} className="radio">
          <input type="radio" form={inForm ? CONTROLS_FORM : undefined} name={name} value={m} checked={value === m} onChange={() => onChange(m)} />
          {label(m)}
        </label>
      ))}
      {inForm ? (
        // Without JavaScript a radio choice changes nothing until the form is sent.
        <noscript>
          <button type="submit" form={CONTROLS_FORM} className="secondary">
            {t('measure.submit')}
          </button>
        </noscript>
      ) : null}
    </fieldset>
  );
}
