/**
 * The dashboard's choices lead to figures: every age group offered for every indicator in data/
 * shows a chart with figures, measures are offered only where the age group has them; each
 * chart's download links ask the API for exactly its datasets' rows; links to a state page and
 * back keep the view; quoted headline figures name the site they were read from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import charts from '@/messages/en/charts.json';
import common from '@/messages/en/common.json';
import dashboard from '@/messages/en/dashboard.json';
import format from '@/messages/en/format.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrendSection, useViewModels } from '@/app/_components/dashboard/sections';
import { measureOfUnit } from '@/lib/charts/measure';
import {
  ageChoices,
  dashboardHref,
  downloadLinks,
  indicatorOptions,
  normalizeView,
  observationKey,
  optionForAge,
  parseView,
  periodsFor,
  stateHref,
  type IndicatorOption,
  type View,
} from '@/lib/charts/view';
import { quotedVia } from '@/lib/data/headline';
import { readPackage } from '@/lib/data/package';
import { applyFilter, parseFilter } from '@/lib/data/query';
import { ingest } from '@/lib/import/ingest';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';

/** Props of the provider, its children passed as createElement's third argument. */
type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;

const DATA = path.join(__dirname, '..', '..', 'data');
const STATES = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));

let byDataset = new Map<string, Observation[]>();
let observations: Observation[] = [];
let options: IndicatorOption[] = [];

beforeAll(async () => {
  const pkg = await readPackage(DATA);
  const known = new Set(pkg.indicators.map((i) => i.name));
  byDataset = new Map();
  for (const r of pkg.resources) {
    const result = await ingest(readFileSync(path.join(DATA, r.path)), { knownIndicators: known, collect: true, encoding: 'utf-8' });
    byDataset.set(r.name, result.rows);
  }
  observations = [...byDataset.values()].flat();
  options = indicatorOptions(observations, new Map(pkg.indicators.map((i) => [i.name, i])));
  // Reads and validates every row of data/ (about 2 s; allow for a busy machine).
}, 60_000);

const hasFigure = (o: Observation) => o.estimate !== null;

describe('choices that lead to figures', () => {
  it('every age group offered for every indicator has a national trend or state charts with figures, in the measures the view picks', () => {
    let checked = 0;
    for (const option of options) {
      const rows = observations.filter((o) => o.indicator === option.name && hasFigure(o));
      for (const choice of ageChoices(option)) {
        const view = normalizeView({ indicator: option.name, age: choice.age, trend: '', measure: '', geo: 'US', period: '' }, options);
        expect(view.age, `${option.name} ${choice.age}`).toBe(choice.age);
        const national = rows.filter((o) => o.geography === 'US' && o.age_group === choice.age && measureOfUnit(o.unit) === view.trend);
        const states = rows.filter((o) => STATES.has(o.geography) && o.age_group === choice.age && measureOfUnit(o.unit) === view.measure && o.period === view.period);
        expect(choice.national || choice.states, `${option.name} ${choice.age} offers nothing`).toBe(true);
        if (choice.national) expect(national.length, `${option.name} ${choice.age}: trend in ${view.trend}`).toBeGreaterThan(0);
        if (choice.states) expect(states.length, `${option.name} ${choice.age}: map in ${view.measure}, ${view.period}`).toBeGreaterThan(0);
        // Every "Show as" measure the charts are offered has figures for this age group.
        const seen = optionForAge(option, choice.age);
        for (const m of seen.nationalMeasures) expect(rows.some((o) => o.geography === 'US' && o.age_group === choice.age && measureOfUnit(o.unit) === m), `${option.name} ${choice.age} trend ${m}`).toBe(true);
        for (const m of seen.stateMeasures) expect(periodsFor(option, m, choice.age).length, `${option.name} ${choice.age} states ${m}`).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('age groups with figures only for regions are not offered', () => {
    for (const option of options) {
      const rows = observations.filter((o) => o.indicator === option.name && hasFigure(o) && (o.geography === 'US' || STATES.has(o.geography)));
      expect(new Set(option.ages), option.name).toEqual(new Set(rows.map((o) => o.age_group)));
    }
  });

  it('substance use disorder at 65+ is a national trend in percent (no count was published), with no state charts', () => {
    const sud = options.find((o) => o.name === 'sud_past_year') as IndicatorOption;
    expect(ageChoices(sud).find((a) => a.age === '65+')).toEqual({ age: '65+', national: true, states: false });
    const view = parseView(new URLSearchParams('indicator=sud_past_year&age=65%2B&trend=count'), options);
    expect(view.trend).toBe('percent');
    expect(optionForAge(sud, '65+')).toMatchObject({ states: false, stateMeasures: [], nationalMeasures: ['percent'] });
  });
});

describe('an empty chart', () => {
  const render = (rows: Observation[]) => {
    const option = options.find((o) => o.name === 'sud_past_year') as IndicatorOption;
    const view = parseView(new URLSearchParams('indicator=sud_past_year'), options);
    function Harness() {
      const models = useViewModels(rows, view, option);
      return createElement(TrendSection, { view, option, models, onChange: () => {} });
    }
    // As on an English page: the sections read their words from the client namespaces.
    return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'en', messages: { charts, common, dashboard, format }, timeZone: 'UTC' } as ProviderProps, createElement(Harness)));
  };

  it('says why once, where the chart would be, with no table, downloads or source line', () => {
    const html = render([]);
    const reason = /class="chart-summary chart-empty"[^>]*>([^<]+)</.exec(html)?.[1] as string;
    expect(reason.length).toBeGreaterThan(10);
    expect(html.split(reason).length - 1).toBe(1);
    expect(html).not.toMatch(/Sources?:/);
    expect(html).not.toContain('Download or share');
    // The table's disclosure stays in the page, hidden, so one opened before keeps its state.
    expect(html).toContain('<details class="chart-table" hidden=""');
  });

  it('a chart with figures keeps its table, downloads and source', () => {
    const html = render(observations.filter((o) => o.indicator === 'sud_past_year' && o.geography === 'US'));
    expect(html).toMatch(/Sources?:/);
    expect(html).toContain('Download or share');
    expect(html).toContain('Table of the data');
  });
});

describe('download links', () => {
  it('each dataset’s API filter holds every plotted row of that dataset, and only rows of the view’s indicator, places, ages, units and periods', () => {
    const known = new Set(options.map((o) => o.name));
    const keyed = new Map<string, string>();
    for (const [id, rows] of byDataset) for (const o of rows) keyed.set(observationKey(o), id);
    const datasetOf = (o: Observation) => keyed.get(observationKey(o));
    // A national trend (from several datasets) and a map (one period of one table).
    const trend = observations.filter((o) => o.indicator === 'sud_past_year' && o.geography === 'US' && o.age_group === '12+' && measureOfUnit(o.unit) === 'count' && hasFigure(o));
    const map = observations.filter((o) => o.indicator === 'aud_past_year' && STATES.has(o.geography) && o.age_group === '18-25' && o.unit === 'percent' && o.period === '2018-2019');
    for (const plotted of [trend, map]) {
      const links = downloadLinks(plotted, datasetOf);
      expect(new Set(links.map((l) => l.dataset))).toEqual(new Set(plotted.map(datasetOf)));
      for (const link of links) {
        expect(link.csv).toMatch(/&format=csv$/);
        const params = new URL(link.csv, 'http://x').searchParams;
        const parsed = parseFilter(params, known, ['format']);
        if ('error' in parsed) throw new Error(parsed.error.message);
        const answer = new Set(applyFilter(byDataset.get(link.dataset) ?? [], parsed.filter).map(observationKey));
        for (const o of plotted.filter((x) => datasetOf(x) === link.dataset)) expect(answer.has(observationKey(o))).toBe(true);
      }
    }
    expect(downloadLinks(map, datasetOf)).toHaveLength(1);
  });

  it('gives no link when a row’s dataset is unknown (the charts then offer their own downloads)', () => {
    expect(downloadLinks(observations.slice(0, 3), () => undefined)).toEqual([]);
  });
});

describe('links between the dashboard and a state page', () => {
  const view: View = { indicator: 'aud_past_year', age: '18-25', trend: 'percent', measure: 'count', geo: 'US', period: '2018-2019' };

  it('a state’s link carries the whole view with the state as its place', () => {
    const href = stateHref('OH', view);
    expect(href.startsWith('/states/OH?')).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf('?')));
    expect(parseView(params, options)).toEqual({ ...view, geo: 'OH' });
  });

  it('the way back keeps the view parameters of the state page’s query, drops others, and sets the place', () => {
    const href = dashboardHref(new URLSearchParams('indicator=aud_past_year&age=18-25&trend=percent&measure=count&period=2018-2019&geo=TX&utm=x'), 'OH');
    expect(href).toBe('/?indicator=aud_past_year&age=18-25&trend=percent&measure=count&period=2018-2019&geo=OH');
    expect(dashboardHref({ indicator: ['sud_past_year', 'x'] }, 'CO')).toBe('/?indicator=sud_past_year&geo=CO');
  });
});

describe('quoted figures', () => {
  it('name the site that quoted SAMHSA, from the source', () => {
    expect(quotedVia({ source: 'drugpolicyfacts.org/node/1401 quoting 2024 NSDUH Key Indicators (Table A.27AB)', qualifiers: [] })).toBe('drugpolicyfacts.org');
    expect(quotedVia({ source: 'ironwillreport.com (Epoch Times) quoting 2022 NSDUH report; also sdaho.org', qualifiers: [] })).toBe('ironwillreport.com (Epoch Times)');
    expect(quotedVia({ source: 'https://johnlynchandassociates.com/common-mental-disorders-misused-substances/', qualifiers: ['federal_text_copy'] })).toBe('johnlynchandassociates.com');
    expect(quotedVia({ source: 'SAMHSA CBHSQ Short Report 2790 (samhsa.gov/data/sites/default/files/report_2790/ShortReport-2790.html)', qualifiers: [] })).toBeNull();
  });

  it('every national figure read through another site is marked, and no figure from SAMHSA’s own pages is', () => {
    const national = byDataset.get('national-estimates') ?? [];
    for (const o of national) {
      const third = / quoting /i.test(o.source) || o.qualifiers.includes('federal_text_copy');
      expect(quotedVia(o) !== null, o.source).toBe(third);
    }
    expect(national.some((o) => quotedVia(o) !== null)).toBe(true);
  });
});
