'use client';

import { periodsFor, type IndicatorOption, type View } from '@/lib/charts/view';
import { measureById } from '@/lib/charts/measure';
import { ageGroupShortLabel } from '@/lib/vocabulary/age-groups';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { formatPeriod } from '@/lib/format/numbers';

const PLACES = GEOGRAPHIES.filter((g) => g.level === 'nation' || g.level === 'state');
export const CONTROLS_FORM = 'view-controls';

/**
 * The pickers. They are a plain GET form, so without JavaScript a visitor can still change the
 * view (the Update button submits it); with JavaScript every change applies at once.
 */
export function Controls({ view, options, onChange }: { view: View; options: IndicatorOption[]; onChange: (change: Partial<View>) => void }) {
  const option = options.find((o) => o.name === view.indicator);
  // Only periods with state figures in the measure shown: a period with counts only is offered by the charts' own note.
  const periods = option ? periodsFor(option, view.measure, view.age) : [];
  const withStates = options.filter((o) => o.states);
  const nationalOnly = options.filter((o) => !o.states);
  return (
    <form id={CONTROLS_FORM} className="controls" method="get" action="/" aria-label="Choose what the charts show" onSubmit={(e) => e.preventDefault()}>
      <label className="control-wide">
        Indicator
        <select name="indicator" value={view.indicator} onChange={(e) => onChange({ indicator: e.target.value })}>
          <optgroup label="With state estimates">
            {withStates.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </optgroup>
          <optgroup label="National figures only">
            {nationalOnly.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        Age group
        <select name="age" value={view.age} onChange={(e) => onChange({ age: e.target.value })}>
          {(option?.ages ?? []).map((a) => (
            <option key={a} value={a}>
              {ageGroupShortLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Place (state trend, age chart)
        <select name="geo" value={view.geo} onChange={(e) => onChange({ geo: e.target.value })}>
          {PLACES.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      {periods.length > 1 ? (
        <label>
          Period (map, ranking, ages)
          <select name="period" value={view.period} onChange={(e) => onChange({ period: e.target.value })}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="period" value={view.period} />
      )}
      <noscript>
        <button type="submit">Update charts</button>
      </noscript>
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
  if (measures.length < 2) return null;
  return (
    <fieldset className="measure-switch">
      <legend>Show as</legend>
      {measures.map((m) => (
        <label key={m} className="radio">
          <input type="radio" form={inForm ? CONTROLS_FORM : undefined} name={name} value={m} checked={value === m} onChange={() => onChange(m)} />
          {measureById(m).label}
        </label>
      ))}
    </fieldset>
  );
}
