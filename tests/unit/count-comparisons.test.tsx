/**
 * No comparison is ever made between counts of different populations: a state's number of people
 * is never set against the nation's (no higher/lower tag, no U.S. reference line, no U.S. marker
 * beside a state, no "below the U.S. estimate"). Checked over every count in data/ for every model
 * that can put a state beside the U.S. (states, age groups, a state's trend), and on the rendered
 * ranking and map; the same models on percentages do compare, so the check is not vacuous.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup as render } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import charts from '@/messages/en/charts.json';
import { RankingChart } from '@/app/_components/charts/ranking-chart';
import { StateMap } from '@/app/_components/charts/state-map';
import { summarizeAge, toAgeModel } from '@/lib/charts/age';
import { COUNT, measureOfUnit } from '@/lib/charts/measure';
import { summarizeStateTrend, toStateTrendModel } from '@/lib/charts/state-trend';
import { mapClasses, summarizeStates, toStatesModel, usBesideStates, type StatesModel } from '@/lib/charts/states';
import { englishT } from '@/lib/charts/words';

// The English notes the models carry (messages/en/charts.json).
const AGE_COUNTS_ALONE = englishT()('age.countsAlone');
const US_OMITTED_IN_COUNTS = englishT()('stateTrend.usOmitted');
const COUNTS_NOT_COMPARED = englishT()('states.countsNotCompared');
import { stateShapes } from '@/lib/geo/state-shapes';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined }) }));

/** Rendered as on an English page: the charts read their words from the `charts` messages. */
const renderToStaticMarkup = (node: ReactNode) =>
  render(
    <NextIntlClientProvider locale="en" messages={{ charts }} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

const DATA = path.join(__dirname, '..', '..', 'data');
const IS_STATE = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));
/** Words that set a state against the nation. */
const AGAINST_US = /U\.S\. estimate|United States:|United States,|higher|lower|above|below/;

/** Observations with state figures, grouped by `indicator|period` (each model reads one group). */
let groups = new Map<string, Observation[]>();

const num = (v: string) => (v === '' ? null : Number(v));

/** The rows of the datasets with state figures (data:check validates them; here only the fields the models read are cast). */
function stateTables(): Observation[] {
  const pkg = JSON.parse(readFileSync(path.join(DATA, 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
  const out: Observation[] = [];
  for (const r of pkg.resources) {
    if (!r.path.startsWith('state-')) continue;
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(DATA, r.path), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false });
    for (const x of parsed.data) {
      out.push({
        ...(x as unknown as Observation),
        estimate: num(x.estimate),
        ci_lower: num(x.ci_lower),
        ci_upper: num(x.ci_upper),
        interval_type: (x.interval_type || null) as Observation['interval_type'],
        revision: Number(x.revision),
        qualifiers: x.qualifiers ? (x.qualifiers.split(';') as Observation['qualifiers']) : [],
      });
    }
  }
  return out;
}

// Reading 30 MB of CSV takes a few seconds; the budget leaves room for a machine three times slower.
beforeAll(() => {
  const all = stateTables();
  const withStates = new Set(all.filter((o) => IS_STATE.has(o.geography)).map((o) => `${o.indicator}|${o.period}`));
  groups = new Map();
  for (const o of all) {
    const k = `${o.indicator}|${o.period}`;
    if (!withStates.has(k) || (o.geography !== 'US' && !IS_STATE.has(o.geography))) continue;
    const list = groups.get(k);
    if (list) list.push(o);
    else groups.set(k, [o]);
  }
}, 30_000);

/** Each indicator, period and age group with state figures in `measure`: [indicator, period, age, observations]. */
function selections(measure: string): Array<[string, string, string, Observation[]]> {
  const out: Array<[string, string, string, Observation[]]> = [];
  for (const [k, list] of groups) {
    const [indicator, period] = k.split('|');
    const ages = new Set(list.filter((o) => IS_STATE.has(o.geography) && o.estimate !== null && measureOfUnit(o.unit) === measure).map((o) => o.age_group));
    for (const age of ages) out.push([indicator, period, age, list]);
  }
  return out;
}

const statesOf = (list: Observation[], indicator: string, period: string, age: string, measure: string): StatesModel =>
  toStatesModel(list, { indicator, indicatorTitle: indicator, ageGroup: age, measure, period });

describe('numbers of people are never compared with the nation’s', () => {
  it('the state model (map and ranking) holds no U.S. figure, no comparison and says why, for every count in data/', () => {
    const counts = selections(COUNT);
    expect(counts.length).toBeGreaterThan(20);
    for (const [indicator, period, age, list] of counts) {
      const m = statesOf(list, indicator, period, age, COUNT);
      const where = `${indicator} ${period} ${age}`;
      expect(m.states.length, where).toBeGreaterThan(0);
      expect(m.us, where).toBeNull();
      expect(m.usOmitted, where).toBe(COUNTS_NOT_COMPARED);
      expect(m.states.filter((s) => s.comparison !== 'not-compared'), where).toEqual([]);
      // The scale is the states' own: the nation's count does not stretch it.
      expect(m.domain[1], where).toBe(Math.max(...m.states.map((s) => s.upper ?? s.value)));
      for (const focus of ['map', 'ranking'] as const) expect(summarizeStates(m, { indicator, indicatorTitle: 'X', ageGroup: age, measure: COUNT, period }, focus), `${where} ${focus}`).not.toMatch(AGAINST_US);
    }
  });

  it('the age model shows a state alone in counts, for every indicator and period with counts in data/ (the states taken in turn)', () => {
    let checked = 0;
    let turn = 0;
    for (const [k, list] of groups) {
      const [indicator, period] = k.split('|');
      const beside = usBesideStates(list.filter((o) => measureOfUnit(o.unit) === COUNT));
      const byGeo = new Map<string, Observation[]>();
      for (const o of beside) byGeo.set(o.geography, [...(byGeo.get(o.geography) ?? []), o]);
      const us = byGeo.get('US') ?? [];
      const places = [...byGeo.keys()].filter((g) => g !== 'US');
      // One state per indicator and period, a different one each time: every state is met, and the test stays quick.
      for (const geography of places.length ? [places[turn++ % places.length]] : []) {
        const rows = byGeo.get(geography) ?? [];
        const m = toAgeModel([...rows, ...us], { indicator, indicatorTitle: 'X', geography, measure: COUNT, period });
        expect(m.rows.filter((r) => r.us !== null), `${k} ${geography}`).toEqual([]);
        expect(m.usOmitted).toBe(AGE_COUNTS_ALONE);
        expect(summarizeAge(m, { indicator, indicatorTitle: 'X', geography, measure: COUNT, period })).not.toMatch(/United States/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a state’s trend in counts draws no U.S. line, for every indicator and age group with counts in data/ (the states taken in turn)', () => {
    // Rows by indicator and place, so each model reads a state's rows and the U.S. rows only.
    const byPlace = new Map<string, Observation[]>();
    const periodsOf = new Map<string, Set<string>>();
    for (const [k, list] of groups) {
      const [indicator, period] = k.split('|');
      for (const o of list) {
        const key = `${indicator}|${o.geography}`;
        const rows = byPlace.get(key);
        if (rows) rows.push(o);
        else byPlace.set(key, [o]);
      }
      periodsOf.set(indicator, (periodsOf.get(indicator) ?? new Set()).add(period));
    }
    let checked = 0;
    let turn = 0;
    for (const [key, rows] of byPlace) {
      const [indicator, geography] = key.split('|');
      // One state in seven for each indicator, a different set each time round.
      if (geography === 'US' || turn++ % 7 !== 0) continue;
      const us = byPlace.get(`${indicator}|US`) ?? [];
      const periods = [...(periodsOf.get(indicator) ?? [])];
      for (const ageGroup of new Set(rows.filter((o) => measureOfUnit(o.unit) === COUNT).map((o) => o.age_group))) {
        const pair = `${geography} ${ageGroup}`;
        const options = { indicator, indicatorTitle: 'X', geography, ageGroup, measure: COUNT, periods };
        const m = toStateTrendModel([...rows, ...us].filter((o) => o.age_group === ageGroup), options);
        expect(m.us, `${indicator} ${pair}`).toBeNull();
        expect(m.periods.filter((p) => p.us !== null)).toEqual([]);
        expect(m.usOmitted).toBe(US_OMITTED_IN_COUNTS);
        expect(summarizeStateTrend(m, options)).not.toMatch(/United States,/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the same models on percentages do compare states with the U.S. (the check above can fail)', () => {
    const percents = selections('percent');
    const compared = percents.map(([indicator, period, age, list]) => statesOf(list, indicator, period, age, 'percent')).filter((m) => m.us);
    expect(compared.length).toBeGreaterThan(20);
    expect(compared.some((m) => m.states.some((s) => s.comparison === 'above' || s.comparison === 'below'))).toBe(true);
    expect(compared.every((m) => m.usOmitted === null)).toBe(true);
  });
});

describe('the rendered ranking and map in numbers of people', () => {
  const pick = () => {
    // A selection published both ways (numbers of people and percentages, with the U.S. row).
    const [indicator, period, age, list] = selections(COUNT).find(([i, p, a, l]) => i === 'sud_past_year' && a === '12+' && statesOf(l, i, p, a, 'percent').us) as [string, string, string, Observation[]];
    return { model: statesOf(list, indicator, period, age, COUNT), percent: statesOf(list, indicator, period, age, 'percent') };
  };

  it('the ranking tags no state higher or lower and draws no U.S. line', () => {
    const { model, percent } = pick();
    const html = renderToStaticMarkup(<RankingChart model={model} label="Ranking" />);
    expect(html).not.toContain('row-mark');
    expect(html).not.toContain('reference-line');
    expect(html).not.toMatch(/>U\.S\. /);
    // The same chart in percentages tags states and draws the line.
    const pct = renderToStaticMarkup(<RankingChart model={percent} label="Ranking" />);
    expect(pct).toContain('reference-line');
  });

  it('the map never says a state’s count is above or below the U.S. estimate', () => {
    const { model } = pick();
    const html = renderToStaticMarkup(<StateMap shapes={stateShapes()} model={model} classes={mapClasses(model)} label="Map" />);
    const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(50);
    expect(labels.filter((l) => /U\.S\./.test(l))).toEqual([]);
  });
});
