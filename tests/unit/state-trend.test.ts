/**
 * A state's trend beside the U.S.: lines never join two series (over every indicator, place, age
 * group and measure in data/, and over generated observations), two-year periods that share a
 * year are drawn overlapping, the U.S. is left out of counts, derived figures are marked, and the
 * summary calls a change significant only when SAMHSA's own test says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { renderToStaticMarkup as render } from 'react-dom/server';
import charts from '@/messages/en/charts.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateTrendText } from '@/app/_components/charts/state-trend-chart';
import { StateTrendFigure, stateTrendRows } from '@/app/_components/charts/state-trend-figure';
import { toAgeModel } from '@/lib/charts/age';
import { measureOfUnit, measuresIn } from '@/lib/charts/measure';
import {
  changeTestText,
  countsOnlyFor,
  latestPair,
  pValueIn,
  sharedYears,
  summarizeStateTrend,
  summarizeStateVsUs,
  toStateTrendModel,
  type StateTrendModel,
  type StateTrendOptions,
} from '@/lib/charts/state-trend';
import { layoutStateTrend } from '@/lib/charts/state-trend-layout';
import { usBesideStates } from '@/lib/charts/states';
import { changeView, countsOnlyPeriods, indicatorOptions, normalizeView, parseView, periodsFor, type IndicatorOption, type View } from '@/lib/charts/view';
import { readPackage } from '@/lib/data/package';
import { describePeriod, formatPeriod, formatPeriodList } from '@/lib/format/numbers';
import { ingest } from '@/lib/import/ingest';
import { COMPARABILITY, seriesForIndicatorPeriod, seriesNamesFor } from '@/lib/vocabulary/comparability';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { englishT } from '@/lib/charts/words';

// The English phrases the model writes (messages/en/charts.json).
const DERIVED_PHRASE = englishT()('derived.phrase');
const US_OMITTED_IN_COUNTS = englishT()('stateTrend.usOmitted');

/** Props of the provider, its children passed as createElement's third argument. */
type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;
/** Rendered as on an English page: the charts read their words from the `charts` messages. */
const renderToStaticMarkup = (node: ReactElement) => render(createElement(NextIntlClientProvider, { locale: 'en', messages: { charts }, timeZone: 'UTC' } as ProviderProps, node));

const DATA = path.join(__dirname, '..', '..', 'data');

const o = (p: Partial<Observation>): Observation => ({
  indicator: 'sud_past_year', period: '2016-2017', geography: 'OH', age_group: '12+', unit: 'percent', estimate: 7, ci_lower: 6, ci_upper: 8,
  interval_type: 'credible', series: 'DSM-IV_2015-2019', revision: 0, qualifiers: [], source: 'SAMHSA table', note: '', ...p,
});
const us = (p: Partial<Observation>) => o({ geography: 'US', estimate: 7.4, ci_lower: 7.2, ci_upper: 7.6, interval_type: 'confidence', ...p });
const options = (p: Partial<StateTrendOptions> = {}): StateTrendOptions => ({
  indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'OH', ageGroup: '12+', measure: 'percent', periods: ['2015-2016', '2016-2017', '2017-2018', '2018-2019', '2021'], ...p,
});

/** Every x coordinate of an SVG path ("M1,2L3,4…"). */
const pathXs = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));

/**
 * The invariants of every state trend, as a list of what breaks them (empty when none does): a line
 * joins only consecutive figures of one series of the measure (two annual years, or two two-year
 * periods that share a year), and is drawn inside its series' band, never across a break.
 */
function problems(model: StateTrendModel, indicator: string, widths: number[] = [720]): string[] {
  const out: string[] = [];
  const fail = (ok: boolean, what: string) => {
    if (!ok) out.push(`${indicator} ${model.geography}: ${what}`);
  };
  for (const trend of [model.place, ...(model.us ? [model.us] : [])]) {
    for (const run of trend.runs) {
      for (let i = 1; i < run.points.length; i++) {
        const [a, b] = [run.points[i - 1], run.points[i]];
        const pair = `${a.period}→${b.period}`;
        fail(a.series === b.series && a.series === run.series, `${pair} joins two series`);
        fail(b.firstYear === a.firstYear + 1 && a.pooled === b.pooled, `${pair} are not consecutive periods of one kind`);
        fail(!a.pooled || sharedYears(a, b).join() === String(b.firstYear), `${pair} do not share one year`);
        // Both periods lie in that series of the measure, by the comparability registry.
        fail(seriesForIndicatorPeriod(indicator, a.period)?.name === a.series && seriesForIndicatorPeriod(indicator, b.period)?.name === b.series, `${pair} outside the registry's series`);
      }
    }
  }
  for (const band of model.bands) fail(seriesNamesFor(indicator).includes(band.series.name), `band ${band.series.name} is not the measure's`);
  for (const width of widths) {
    const layout = layoutStateTrend(model, width);
    for (const line of layout.lines) {
      const band = layout.bands.find((b) => b.name === line.series);
      const xs = pathXs(line.d);
      const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
      fail(!!band && lo >= band.x0 - 1e-6 && hi <= band.x1 + 1e-6, `a ${line.series} line leaves its band at ${width} px`);
      for (const brk of layout.breaks) fail(!(lo < brk.x && hi > brk.x), `a line crosses the ${brk.year} break at ${width} px`);
    }
  }
  return out;
}

describe('state trends of every indicator, place, age group and measure in data/', () => {
  let observations: Observation[] = [];
  let indicatorOpts: IndicatorOption[] = [];

  beforeAll(async () => {
    // Read as the app reads it: the package, then each dataset through the one validator.
    const pkg = await readPackage(DATA);
    const known = new Set(pkg.indicators.map((i) => i.name));
    for (const r of pkg.resources) {
      const result = await ingest(readFileSync(path.join(DATA, r.path)), { knownIndicators: known, collect: true, encoding: 'utf-8' });
      observations = observations.concat(result.rows);
    }
    indicatorOpts = indicatorOptions(observations, new Map(pkg.indicators.map((i) => [i.name, i])));
  });

  it('never join two points of different series, and draw every line inside its own series', () => {
    const places = ['US', ...GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code)];
    const grouped = new Map<string, Observation[]>();
    for (const x of observations) {
      const k = `${x.indicator}|${x.geography}`;
      const list = grouped.get(k);
      if (list) list.push(x);
      else grouped.set(k, [x]);
    }
    let models = 0;
    let lines = 0;
    const found: string[] = [];
    for (const option of indicatorOpts.filter((i) => i.states)) {
      const usRows = grouped.get(`${option.name}|US`) ?? [];
      for (const place of places) {
        const rows = place === 'US' ? usRows : [...(grouped.get(`${option.name}|${place}`) ?? []), ...usRows];
        const ages = [...new Set(rows.filter((x) => x.geography === place).map((x) => x.age_group))];
        for (const age of ages) {
          for (const measure of option.stateMeasures) {
            const model = toStateTrendModel(rows, { indicator: option.name, indicatorTitle: option.title, geography: place, ageGroup: age, measure, periods: option.statePeriods });
            found.push(...problems(model, option.name));
            if (measure === 'count' && model.us) found.push(`${option.name} ${place}: the U.S. beside a count`);
            models++;
            lines += model.place.runs.filter((r) => r.points.length > 1).length;
          }
        }
      }
    }
    expect(found.slice(0, 10)).toEqual([]);
    expect(models).toBeGreaterThan(1000);
    expect(lines).toBeGreaterThan(100);
  });

  it('offer in each measure only the periods with state figures in it, the latest first', () => {
    for (const option of indicatorOpts.filter((i) => i.states)) {
      for (const measure of option.stateMeasures) {
        const view = normalizeView({ indicator: option.name, age: '', trend: '', measure, geo: 'US', period: '' }, indicatorOpts);
        // A measure with no state figure for the age group gives way to one that has them (issue 11: no empty views).
        const periods = periodsFor(option, view.measure, view.age);
        expect(view.period).toBe(periods[0] ?? '');
        if (periodsFor(option, measure, view.age).length) expect(view.measure).toBe(measure);
        for (const p of countsOnlyPeriods(option, view.measure, view.age)) expect(periods).not.toContain(p);
        // Every period offered has a published state figure in that measure and age group.
        for (const p of periods) expect(observations.some((x) => x.indicator === option.name && x.period === p && x.age_group === view.age && measureOfUnit(x.unit) === view.measure && x.estimate !== null && x.geography !== 'US' && x.geography.length === 2)).toBe(true);
      }
    }
  });
});

describe('generated observations', () => {
  const INDICATORS = ['sud_past_year', 'illicit_drug_use_past_month', ...COMPARABILITY.measures.flatMap((m) => m.indicators)];
  const PERIODS = [...Array.from({ length: 18 }, (_, i) => `${2002 + i}-${2003 + i}`), '2019', '2020', '2021', '2021-2022', '2022', '2022-2023', '2023-2024'];
  const arb = fc.constantFrom(...INDICATORS).chain((indicator) =>
    fc.record({
      indicator: fc.constant(indicator),
      measure: fc.constantFrom('percent', 'count'),
      observations: fc.subarray(PERIODS.filter((p) => seriesForIndicatorPeriod(indicator, p))).chain((periods) =>
        fc.tuple(...periods.map(() => fc.tuple(fc.double({ min: 0.5, max: 40, noNaN: true }), fc.constantFrom('OH', 'US'), fc.constantFrom('percent', 'thousands'), fc.boolean(), fc.nat(1)))).map((cells) =>
          cells.map(([estimate, geography, unit, derived, revision], i) =>
            o({
              indicator,
              period: periods[i],
              geography,
              unit,
              estimate,
              ci_lower: null,
              ci_upper: null,
              interval_type: null,
              series: seriesForIndicatorPeriod(indicator, periods[i])?.name ?? '',
              qualifiers: derived ? ['derived'] : [],
              revision,
            }),
          ),
        ),
      ),
    }),
  );

  it('every pair of points a line joins is in one series of the measure, and each line stays inside its band', () => {
    fc.assert(
      fc.property(arb, ({ indicator, measure, observations }) => {
        const model = toStateTrendModel(observations, options({ indicator, measure, periods: PERIODS }));
        expect(problems(model, indicator, [720, 343])).toEqual([]);
        if (measure === 'count') expect(model.us).toBeNull();
        for (const p of model.periods) if (p.place) expect(p.place.derived).toBe(p.place.observation.qualifiers.includes('derived'));
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});

describe('toStateTrendModel', () => {
  const rows = [
    o({ period: '2013-2014', series: 'DSM-IV_2002-2014', estimate: 8.4 }),
    o({ period: '2015-2016', estimate: 7.9 }),
    o({ period: '2016-2017', estimate: 7.6 }),
    o({ period: '2017-2018', estimate: 7.3 }),
    o({ period: '2018-2019', estimate: 7.6 }),
    o({ period: '2021', series: 'DSM-5_2021+', estimate: 16.9, ci_lower: 15.1, ci_upper: 18.8 }),
    o({ period: '2021-2022', series: 'DSM-5_2021+', unit: 'thousands', estimate: 1600, ci_lower: 1400, ci_upper: 1800 }),
    us({ period: '2016-2017' }),
    us({ period: '2017-2018', estimate: 7.35 }),
    us({ period: '2021', series: 'DSM-5_2021+', estimate: 16.5 }),
  ];
  const model = toStateTrendModel(rows, options({ periods: ['2013-2014', '2015-2016', '2016-2017', '2017-2018', '2018-2019', '2021', '2021-2022'] }));

  it('joins two-year periods only to the next period of their series, and never across a break', () => {
    expect(model.place.runs.map((r) => r.points.map((p) => p.period))).toEqual([['2021'], ['2013-2014'], ['2015-2016', '2016-2017', '2017-2018', '2018-2019']]);
  });

  it('draws two-year periods across both years, so periods sharing a year overlap; a single year is a point', () => {
    const layout = layoutStateTrend(model, 720);
    const at = (period: string) => layout.periods.find((p) => p.period.period === period)?.place;
    const [a, b, c] = ['2016-2017', '2017-2018', '2021'].map(at);
    expect(a?.span && b?.span).toBeTruthy();
    // 2016–2017 ends after 2017–2018 begins: the shared year 2017 is covered by both bars.
    expect(a?.span?.x1).toBeGreaterThan(b?.span?.x0 as number);
    expect(b?.span?.x0).toBeGreaterThan(a?.span?.x0 as number);
    expect(a?.x).toBeLessThan(b?.x as number);
    expect(c?.span).toBeNull();
    expect(sharedYears(a?.point as never, b?.point as never)).toEqual([2017]);
  });

  it('sets the U.S. beside the state at the same periods in percentages', () => {
    expect(model.us?.points.map((p) => p.period)).toEqual(['2016-2017', '2017-2018', '2021']);
    expect(model.us?.runs.map((r) => r.points.map((p) => p.period))).toEqual([['2021'], ['2016-2017', '2017-2018']]);
    expect(model.usOmitted).toBeNull();
  });

  it('leaves the U.S. out of numbers of people, and says why in the subtitle and summary', () => {
    const counts = toStateTrendModel([...rows, us({ period: '2021-2022', series: 'DSM-5_2021+', unit: 'thousands', estimate: 50000 })], options({ measure: 'count', periods: ['2021-2022'] }));
    expect(counts.us).toBeNull();
    expect(counts.periods.every((p) => p.us === null)).toBe(true);
    expect(counts.usOmitted).toBe(US_OMITTED_IN_COUNTS);
    expect(summarizeStateTrend(counts, options({ measure: 'count' }))).toContain(US_OMITTED_IN_COUNTS);
    const html = renderToStaticMarkup(createElement(StateTrendFigure, { id: 't', model: counts, options: options({ measure: 'count' }), title: 'T', universe: 'People' }));
    expect(html).toMatch(/class="chart-subtitle">[^<]*left out in numbers of people/);
    expect(html).not.toContain('data-geography="us"');
  });

  it('names the periods with numbers of people only, and derives no percentage from them', () => {
    expect(model.countsOnly).toEqual(['2021-2022']);
    expect(model.periods.map((p) => p.period)).not.toContain('2021-2022');
    expect(countsOnlyFor(rows, options())).toEqual(['2021-2022']);
    const html = renderToStaticMarkup(createElement(StateTrendFigure, { id: 't', model, options: options(), title: 'T', universe: 'People' }));
    expect(html).toContain('For 2021–2022, SAMHSA’s tables in this dataset give numbers of people only');
    expect(html).toMatch(/class="counts-only-marks"[^]*data-period="2021-2022"/);
  });

  it('prefers the U.S. row of the state’s own table to a national figure published elsewhere', () => {
    const mixed = [o({ period: '2021', series: 'DSM-5_2021+', source: 'SAE 2021' }), us({ period: '2021', series: 'DSM-5_2021+', source: 'SAE 2021', estimate: 16.53 }), us({ period: '2021', series: 'DSM-5_2021+', source: 'Key indicators', estimate: 16.8, revision: 1, ci_lower: null, ci_upper: null })];
    expect(usBesideStates(mixed).map((x) => x.source)).toEqual(['SAE 2021', 'SAE 2021']);
    expect(toStateTrendModel(mixed, options({ periods: ['2021'] })).periods[0].us?.value).toBe(16.53);
  });
});

describe('derived figures', () => {
  const rows = [o({ period: '2015-2016', qualifiers: ['derived'], source: 'CORGIS drugs (re-publication of SAMHSA)' }), o({ period: '2016-2017' }), us({ period: '2015-2016' })];
  const model = toStateTrendModel(rows, options());

  it('are hollow in the chart, with a key entry, and named in the tooltip, the table and the summary', () => {
    expect(model.derived).toBe(true);
    const html = renderToStaticMarkup(createElement(StateTrendFigure, { id: 't', model, options: options(), title: 'T', universe: 'People' }));
    expect(html.match(/class="marker derived"/g)).toHaveLength(1);
    expect(html).toContain('Hollow: derived re-publication (CORGIS drugs), not a SAMHSA original');
    const period = model.periods.find((p) => p.period === '2015-2016');
    expect(stateTrendText(period as never, 'OH').lines.join(' ')).toContain(DERIVED_PHRASE);
    expect(stateTrendRows(model).find((r) => r.key === '2015-2016:place')?.note).toContain(DERIVED_PHRASE);
    expect(stateTrendRows(model).find((r) => r.key === '2016-2017:place')?.note).toBeUndefined();
    expect(summarizeStateTrend(model, options())).toContain('1 of Ohio’s estimates is a derived re-publication');
  });
});

describe('summarizeStateTrend', () => {
  const two = (later: Partial<Observation>, earlier: Partial<Observation> = {}) =>
    summarizeStateTrend(toStateTrendModel([o({ period: '2016-2017', estimate: 7.6, ci_lower: 6.9, ci_upper: 8.4, ...earlier }), o({ period: '2017-2018', estimate: 8.3, ci_lower: 7.5, ci_upper: 9.2, ...later })], options()), options());
  const NO_CLAIM = /\b(rose|fell|increase|decrease|grew|dropped|climbed)/i;

  it('states the two latest comparable estimates with their intervals and that their periods share a year, claiming no change', () => {
    const text = two({});
    expect(text).toContain('Latest estimate, 2017–2018: 8.3% (95% interval 7.5% to 9.2%)');
    expect(text).toContain('The estimate before it in the same survey series, 2016–2017: 7.6% (95% interval 6.9% to 8.4%)');
    expect(text).toContain('The two periods share 2017, so the estimates are not independent.');
    expect(text).toContain('The data hold no SAMHSA test of this difference, so no change is claimed.');
    expect(text).not.toMatch(/significant/i);
    expect(text).not.toMatch(NO_CLAIM);
    expect(text).not.toMatch(/higher|lower/);
  });

  it('says periods that share no year do not overlap', () => {
    const text = summarizeStateTrend(toStateTrendModel([o({ period: '2015-2016' }), o({ period: '2017-2018' })], options()), options());
    expect(text).toContain('The two periods do not overlap.');
  });

  it('calls a change significant only when SAMHSA’s own test says so, with its p value', () => {
    const significant = two({ qualifiers: ['change_significant'], note: 'SAMHSA test of 2016-2017 vs 2017-2018: p = 0.012' });
    expect(significant).toContain('SAMHSA’s own test found the change from the previous period statistically significant at the 0.05 level (p = 0.012).');
    expect(significant).not.toMatch(NO_CLAIM);
    const not = two({ qualifiers: ['change_not_significant'], note: 'p = 0.41' });
    expect(not).toContain('SAMHSA’s own test did not find the change from the previous period statistically significant at the 0.05 level (p = 0.41).');
    expect(not).not.toMatch(/ found the change/);
    expect(pValueIn('Difference tested by SAMHSA, p < .05')).toBe('p < .05');
    expect(changeTestText(o({}))).toBeNull();
  });

  it('never compares the latest estimate with one across a break', () => {
    const text = summarizeStateTrend(toStateTrendModel([o({ period: '2018-2019', estimate: 7.6 }), o({ period: '2021', series: 'DSM-5_2021+', estimate: 16.9, ci_lower: 15.1, ci_upper: 18.8, qualifiers: ['change_significant'], note: 'p = 0.001' })], options()), options());
    expect(text).toContain('The estimate before it, for 2018–2019 (7.6%, 95% interval 6.0% to 8.0%), is from an earlier survey series: the methods changed in 2021, so the two are not compared.');
    expect(text).not.toMatch(/significant/);
    expect(latestPair(toStateTrendModel([o({ period: '2018-2019' }), o({ period: '2021', series: 'DSM-5_2021+' })], options()))?.comparable).toBe(false);
  });

  it('does not compare a first-published 2021 figure with later periods', () => {
    const model = toStateTrendModel([o({ period: '2021', series: 'DSM-5_2021+' }), o({ period: '2021-2022', series: 'DSM-5_2021+' })], options({ periods: ['2021', '2021-2022'] }));
    expect(latestPair(model)?.comparable).toBe(false);
    expect(summarizeStateTrend(model, options())).toContain('is not compared with later periods: SAMHSA compares only its restated figures');
  });
});

describe('summarizeStateVsUs', () => {
  it('names each age group’s figures and marks only whole intervals above or below the U.S. estimate, saying it is no formal test', () => {
    const rows = [o({ period: '2021', age_group: '12+', estimate: 9, ci_lower: 8.1, ci_upper: 9.9 }), us({ period: '2021', age_group: '12+' }), o({ period: '2021', age_group: '18-25', estimate: 20, ci_lower: 17, ci_upper: 23 }), us({ period: '2021', age_group: '18-25', estimate: 19 })];
    const text = summarizeStateVsUs(toAgeModel(rows, { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'OH', measure: 'percent', period: '2021' }), 'SUD');
    expect(text).toContain('Ohio’s whole 95% interval lies above the U.S. estimate for people aged 12 or older.');
    expect(text).toContain('For people aged 18–25, Ohio’s interval includes the U.S. estimate, so the survey cannot tell the two apart.');
    expect(text).toContain('not a formal significance test');
  });
});

describe('the period control', () => {
  const option: IndicatorOption = {
    name: 'sud_past_year', title: 'SUD', definition: '', national: true, states: true, ages: ['12+'], nationalMeasures: ['count'], stateMeasures: ['percent', 'count'],
    statePeriods: ['2021-2022', '2021', '2018-2019', '2017-2018', '2013-2014'],
    periodsByMeasure: [
      { measure: 'percent', age: '12+', periods: ['2021', '2018-2019', '2017-2018'] },
      { measure: 'count', age: '12+', periods: ['2021-2022', '2018-2019', '2017-2018', '2013-2014'] },
      // Every state's 2021 figure for this age group was withheld: 2021 is not offered for it.
      { measure: 'percent', age: '12-17', periods: ['2018-2019', '2017-2018'] },
    ],
  };
  const other: IndicatorOption = {
    ...option,
    name: 'aud_past_year',
    periodsByMeasure: [
      { measure: 'percent', age: '12+', periods: ['2018-2019', '2017-2018'] },
      { measure: 'count', age: '12+', periods: ['2018-2019'] },
    ],
  };
  const options = [option, other];
  const view = (p: Partial<View>): View => ({ indicator: 'sud_past_year', age: '12+', trend: 'count', measure: 'percent', geo: 'US', period: '', ...p });

  it('defaults to the latest period with figures in the measure, and keeps a chosen one in the URL', () => {
    expect(parseView(new URLSearchParams(''), options).period).toBe('2021');
    expect(parseView(new URLSearchParams('measure=count'), options).period).toBe('2021-2022');
    expect(parseView(new URLSearchParams('period=2017-2018'), options)).toMatchObject({ measure: 'percent', period: '2017-2018' });
    // A link to a counts-only period opens in numbers of people.
    expect(parseView(new URLSearchParams('period=2021-2022'), options)).toMatchObject({ measure: 'count', period: '2021-2022' });
    // A percent view never shows a counts-only period.
    expect(parseView(new URLSearchParams('measure=percent&period=2021-2022'), options).period).toBe('2021');
  });

  it('keeps the measure and a chosen period when the indicator changes, and follows the latest period from the latest', () => {
    expect(changeView(view({ period: '2017-2018' }), { indicator: 'aud_past_year' }, options)).toMatchObject({ measure: 'percent', period: '2017-2018' });
    expect(changeView(view({ period: '2021' }), { indicator: 'aud_past_year' }, options)).toMatchObject({ measure: 'percent', period: '2018-2019' });
    expect(changeView(view({ period: '2021' }), { measure: 'count' }, options)).toMatchObject({ measure: 'count', period: '2021-2022' });
    expect(changeView(view({ period: '2018-2019' }), { measure: 'count' }, options)).toMatchObject({ measure: 'count', period: '2018-2019' });
    expect(changeView(view({ period: '2021' }), { measure: 'count', period: '2013-2014' }, options)).toMatchObject({ period: '2013-2014' });
  });

  it('offers for an age group only the periods with figures for it', () => {
    const withAges = [{ ...option, ages: ['12+', '12-17'] }, other];
    expect(parseView(new URLSearchParams('age=12-17'), withAges)).toMatchObject({ age: '12-17', period: '2018-2019' });
    expect(changeView(view({ period: '2021' }), { age: '12-17' }, withAges)).toMatchObject({ period: '2018-2019' });
    expect(periodsFor(option, 'percent', '12-17')).toEqual(['2018-2019', '2017-2018']);
  });

  it('names the periods with numbers of people only', () => {
    expect(countsOnlyPeriods(option, 'percent')).toEqual(['2021-2022', '2013-2014']);
    expect(countsOnlyPeriods(option, 'count')).toEqual([]);
  });

  it('formats pooled periods with an en dash, and says what a period is', () => {
    expect(formatPeriod('2018-2019')).toBe('2018–2019');
    expect(formatPeriod('2021')).toBe('2021');
    expect(describePeriod('2018-2019')).toBe('the annual average of 2018 and 2019');
    expect(describePeriod('2021')).toBe('2021');
    expect(formatPeriodList(['2009-2010', '2013-2014', '2021-2022'])).toBe('2009–2010, 2013–2014 and 2021–2022');
  });

  it('measuresIn orders percent before counts (the default of a state chart)', () => {
    expect(measuresIn([{ unit: 'thousands' }, { unit: 'percent' }]).map((m) => m.id)).toEqual(['percent', 'count']);
  });
});
