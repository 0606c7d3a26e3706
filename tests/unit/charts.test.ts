import { describe, expect, it } from 'vitest';
import { layoutAge, summarizeAge, toAgeModel } from '@/lib/charts/age';
import { formatTick, measureById, measuresIn } from '@/lib/charts/measure';
import { layoutRanking } from '@/lib/charts/ranking-layout';
import { classOf, mapClasses, summarizeStates, toStatesModel } from '@/lib/charts/states';
import { summarizeTrend, toTrendModel, trendSpan } from '@/lib/charts/trend';
import { layoutTrend } from '@/lib/charts/trend-layout';
import { normalizeView, parseView, viewToSearch, type IndicatorOption } from '@/lib/charts/view';
import { horizontalWhisker, verticalWhisker } from '@/lib/charts/whisker';
import type { Observation } from '@/lib/vocabulary/schema';

const o = (p: Partial<Observation>): Observation => ({
  indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions', estimate: 1, ci_lower: null, ci_upper: null,
  interval_type: null, series: 'DSM-IV_2002-2014', revision: 0, qualifiers: [], source: 'src', note: '', ...p,
});
const trendOptions = { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'US', ageGroup: '12+', measure: 'count' };

const NATIONAL = [
  o({ period: '2002', estimate: 22 }),
  o({ period: '2003', estimate: 21.6 }),
  o({ period: '2004', estimate: 22.5 }),
  o({ period: '2006', estimate: 23.6 }),
  o({ period: '2008-2009', estimate: 22.4 }),
  o({ period: '2014', estimate: 21.5 }),
  o({ period: '2015', estimate: 20.5, series: 'DSM-IV_2015-2019' }),
  o({ period: '2016', estimate: 20.1, series: 'DSM-IV_2015-2019' }),
  o({ period: '2021', estimate: 46.3, series: 'DSM-5_2021+' }),
  o({ period: '2022', estimate: 48.7, series: 'DSM-5_2021+' }),
  o({ period: '2022', estimate: 48_700_000, unit: 'persons', series: 'DSM-5_2021+' }),
  o({ period: '2021', estimate: 16.5, unit: 'percent', series: 'DSM-5_2021+' }),
];

describe('toTrendModel', () => {
  const model = toTrendModel(NATIONAL, trendOptions);

  it('joins only consecutive survey years of one series: gaps, breaks and a first-published 2021 figure split the line', () => {
    // 2021 as first published is not compared with 2022 (SAMHSA: only the restated 2021 figures are).
    expect(model.runs.map((r) => r.points.map((p) => p.period))).toEqual([['2002', '2003', '2004'], ['2006'], ['2014'], ['2015', '2016'], ['2021'], ['2022']]);
    for (const run of model.runs) expect(new Set(run.points.map((p) => p.series)).size).toBe(1);
  });

  it('keeps a pooled two-year average out of the annual line', () => {
    const pooled = model.points.filter((p) => p.pooled);
    expect(pooled.map((p) => p.period)).toEqual(['2008-2009']);
    expect(model.runs.flatMap((r) => r.points).some((p) => p.pooled)).toBe(false);
  });

  it('plots counts in people, preferring the most precise unit of a figure published twice', () => {
    const p2022 = model.points.find((p) => p.period === '2022');
    expect(p2022?.value).toBe(48_700_000);
    expect(p2022?.observation.unit).toBe('persons');
    expect(model.points.find((p) => p.period === '2002')?.value).toBe(22_000_000);
  });

  it('marks the methodology breaks inside the chart and gives every series a band', () => {
    expect(model.breaks.map((b) => b.year)).toEqual([2015, 2020, 2021]);
    expect(model.bands.map((b) => [b.series.name, b.from, b.to])).toEqual([
      ['DSM-IV_2002-2014', 2002, 2014],
      ['DSM-IV_2015-2019', 2015, 2019],
      ['DSM-5_2020', 2020, 2020],
      ['DSM-5_2021+', 2021, 2022],
    ]);
    // From the first figure to the last, no wider: the chart claims no year it holds nothing for.
    expect(model.xDomain).toEqual([2002, 2022]);
    expect(model.yDomain).toEqual([0, 48_700_000]);
  });

  it('shows the latest revision and keeps the first publication for the tooltip', () => {
    const m = toTrendModel([o({ period: '2021', unit: 'percent', estimate: 8.5, age_group: '12-17', series: 'DSM-5_2021+' }), o({ period: '2021', unit: 'percent', estimate: 9.2, revision: 1, age_group: '12-17', series: 'DSM-5_2021+' })], {
      ...trendOptions,
      ageGroup: '12-17',
      measure: 'percent',
    });
    expect(m.points).toHaveLength(1);
    expect(m.points[0].value).toBe(9.2);
    expect(m.points[0].superseded.map((s) => s.estimate)).toEqual([8.5]);
  });

  it('never turns a withheld figure into a point', () => {
    const m = toTrendModel([o({ period: '2005', estimate: null, qualifiers: ['suppressed'] }), o({ period: '2006', estimate: 2 })], trendOptions);
    expect(m.points.map((p) => p.period)).toEqual(['2006']);
  });

  it('explains an empty chart instead of drawing one', () => {
    const m = toTrendModel(NATIONAL, { ...trendOptions, ageGroup: '65+' });
    expect(m.points).toEqual([]);
    expect(m.emptyReason).toBe('No national figure of “SUD” as number of people for aged 65 or older is in this dataset yet.');
  });

  it('spans only the years it plots: a single figure is its own year, not 2002–2024', () => {
    const m = toTrendModel([o({ indicator: 'opioid_use_disorder_past_year', period: '2016', estimate: 2.1, series: 'DSM-IV_2015-2019' })], { ...trendOptions, indicator: 'opioid_use_disorder_past_year' });
    expect(m.xDomain).toEqual([2016, 2016]);
    expect(trendSpan(m)).toBe('2016');
    expect(m.breaks).toEqual([]);
    expect(summarizeTrend(m, trendOptions)).not.toMatch(/years shown have no/);
    expect(trendSpan(toTrendModel(NATIONAL, trendOptions))).toBe('2002–2022');
    expect(trendSpan(toTrendModel([], trendOptions))).toBe('');
  });

  it('summarizes each series on its own and names the gaps', () => {
    const text = summarizeTrend(model, trendOptions);
    expect(text).toContain('2002–2014 (DSM-IV): 6 figures from 2002 (22.0 million) to 2014 (21.5 million)');
    expect(text).toContain('not compared across them');
    // 2002–2022 is 21 years; 9 have an annual figure. Not "unpublished": SAMHSA published many of them.
    expect(text).toContain('12 of the years shown have no annual figure in this dataset yet; they are left as gaps');
    expect(text).not.toMatch(/no published/);
  });
});

describe('layoutTrend', () => {
  const model = toTrendModel(NATIONAL, trendOptions);
  const layout = layoutTrend(model, 720, 340);

  it('draws each line inside its own series band, so no path crosses a break', () => {
    for (const line of layout.lines) {
      const band = layout.bands.find((b) => b.name === line.series);
      const xs = [...line.d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
      expect(xs.length).toBeGreaterThan(1);
      for (const x of xs) {
        expect(x).toBeGreaterThanOrEqual(band?.x0 as number);
        expect(x).toBeLessThanOrEqual(band?.x1 as number);
      }
    }
    for (const b of layout.breaks) for (const line of layout.lines) expect(line.d).not.toContain(`${b.x}`);
  });

  it('places points on the scales: later years further right, bigger values higher', () => {
    const p2002 = layout.points.find((p) => p.point.period === '2002');
    const p2022 = layout.points.find((p) => p.point.period === '2022');
    expect(p2022?.x).toBeGreaterThan(p2002?.x as number);
    expect(p2022?.y).toBeLessThan(p2002?.y as number);
    expect(layout.yTicks.at(-1)?.label).toBe('50M');
    expect(layout.xTicks.every((t) => Number(t.label) % 2 === 0)).toBe(true);
  });

  it('gives fewer year labels on a narrow screen', () => {
    expect(layoutTrend(model, 343).xTicks.length).toBeLessThan(layout.xTicks.length);
  });
});

const STATES = [
  o({ period: '2018-2019', geography: 'US', unit: 'percent', estimate: 7.41, ci_lower: 7.2, ci_upper: 7.62, interval_type: 'confidence', series: 'DSM-IV_2015-2019' }),
  o({ period: '2018-2019', geography: 'CO', unit: 'percent', estimate: 11.18, ci_lower: 9.68, ci_upper: 12.89, interval_type: 'credible', series: 'DSM-IV_2015-2019' }),
  o({ period: '2018-2019', geography: 'FL', unit: 'percent', estimate: 5.81, ci_lower: 5.18, ci_upper: 6.52, interval_type: 'credible', series: 'DSM-IV_2015-2019' }),
  o({ period: '2018-2019', geography: 'AL', unit: 'percent', estimate: 7.46, ci_lower: 6.27, ci_upper: 8.87, interval_type: 'credible', series: 'DSM-IV_2015-2019' }),
  o({ period: '2018-2019', geography: 'DC', unit: 'percent', estimate: 11.94, ci_lower: 10.24, ci_upper: 13.87, interval_type: 'credible', series: 'DSM-IV_2015-2019' }),
];
const statesOptions = { indicator: 'sud_past_year', indicatorTitle: 'SUD', ageGroup: '12+', measure: 'percent', period: '2018-2019' };

describe('toStatesModel', () => {
  const model = toStatesModel(STATES, statesOptions);

  it('ranks states and DC highest first, against the U.S. estimate', () => {
    expect(model.states.map((s) => s.code)).toEqual(['DC', 'CO', 'AL', 'FL']);
    expect(model.us?.value).toBe(7.41);
  });

  it('marks a state only when its whole interval lies above or below the U.S. estimate', () => {
    expect(Object.fromEntries(model.states.map((s) => [s.code, s.comparison]))).toEqual({ DC: 'above', CO: 'above', AL: 'overlaps', FL: 'below' });
  });

  it('leaves states without a figure as gaps, never zeros', () => {
    expect(model.missing).toContain('TX');
    expect(model.states.find((s) => s.code === 'TX')).toBeUndefined();
  });

  it('splits the range into five colour classes that cover every value', () => {
    const classes = mapClasses(model);
    expect(classes).toHaveLength(5);
    expect(classes[0].from).toBe(5.81);
    expect(classes[4].to).toBe(11.94);
    expect(classOf(5.81, classes)).toBe(0);
    expect(classOf(11.94, classes)).toBe(4);
  });

  it('summarizes the extremes and the comparison in words', () => {
    const text = summarizeStates(model, statesOptions, 'ranking');
    expect(text).toContain('3 states and DC');
    expect(text).toContain('Highest: District of Columbia, 11.94% (95% interval 10.24% to 13.87%)');
    expect(text).toContain('2 states have their whole interval above the U.S. estimate (District of Columbia, Colorado); 1 below (Florida)');
  });

  it('reports an empty selection', () => {
    expect(toStatesModel(STATES, { ...statesOptions, ageGroup: '12-17' }).emptyReason).toMatch(/No state figures/);
  });

  it('lays the ranking out one row per state with whiskers around each dot', () => {
    const layout = layoutRanking(model, 600);
    expect(layout.rows).toHaveLength(4);
    for (const r of layout.rows) {
      expect(r.x0 as number).toBeLessThan(r.x);
      expect(r.x1 as number).toBeGreaterThan(r.x);
    }
    expect(layout.rows[0].y).toBeLessThan(layout.rows[1].y);
    expect(layout.us?.x).toBeGreaterThan(layout.rows[3].x);
  });
});

describe('whisker paths', () => {
  // Each path is the span and its two caps: three moves, each drawing one segment.
  const segments = (d: string) => d.split('M').filter(Boolean).map((s) => s.replace(/[HV]/, ',').split(',').map(Number));

  it('draws a horizontal interval from its lower to its upper end, capped at both', () => {
    expect(segments(horizontalWhisker(10, 50, 20, 4))).toEqual([
      [10, 20, 50], // the span at y 20, x 10 → 50
      [10, 16, 24], // the lower cap, y 16 → 24
      [50, 16, 24], // the upper cap
    ]);
  });

  it('draws a vertical interval the same way, its caps across', () => {
    expect(segments(verticalWhisker(30, 80, 40, 3))).toEqual([
      [30, 80, 40],
      [27, 80, 33],
      [27, 40, 33],
    ]);
  });
});

describe('toAgeModel', () => {
  const rows = [
    ...['12+', '12-17', '18-25', '26+', '18+'].map((age, i) => o({ period: '2018-2019', geography: 'CO', age_group: age, unit: 'percent', estimate: 5 + i, ci_lower: 4 + i, ci_upper: 6 + i, interval_type: 'credible', series: 'DSM-IV_2015-2019' })),
    o({ period: '2018-2019', geography: 'US', age_group: '18-25', unit: 'percent', estimate: 14.59, ci_lower: 14.12, ci_upper: 15.08, interval_type: 'confidence', series: 'DSM-IV_2015-2019' }),
  ];
  const options = { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'CO', measure: 'percent', period: '2018-2019' };

  it('orders the specific age groups first and the overlapping totals last, with the U.S. beside a state', () => {
    const model = toAgeModel(rows, options);
    expect(model.rows.map((r) => r.ageGroup)).toEqual(['12-17', '18-25', '26+', '18+', '12+']);
    expect(model.rows.find((r) => r.ageGroup === '18-25')?.us?.value).toBe(14.59);
    expect(model.rows.find((r) => r.ageGroup === '12-17')?.us).toBeNull();
    const layout = layoutAge(model, 400);
    expect(layout.totalsY).toBeGreaterThan(layout.rows[2].y);
  });

  it('summarizes the highest and lowest specific age group', () => {
    expect(summarizeAge(toAgeModel(rows, options), options)).toContain('Highest among people aged 26 or older: 8.0%');
  });
});

describe('measures and the URL view', () => {
  it('treats every count unit as one measure and each percent unit as its own', () => {
    expect(measuresIn([{ unit: 'millions' }, { unit: 'persons' }, { unit: 'percent' }, { unit: 'percent_of_needing' }]).map((m) => m.id)).toEqual(['percent', 'percent_of_needing', 'count']);
    expect(formatTick(20_000_000, measureById('count'))).toBe('20M');
    expect(formatTick(7.5, measureById('percent'))).toBe('7.5%');
  });

  const options: IndicatorOption[] = [
    { name: 'sud_past_year', title: 'SUD', definition: '', national: true, states: true, ages: ['12+', '18-25'], nationalMeasures: ['percent', 'count'], stateMeasures: ['percent', 'count'], statePeriods: ['2018-2019'] },
    { name: 'mde_past_year', title: 'MDE', definition: '', national: true, states: false, ages: ['12-17', '18+'], nationalMeasures: ['percent'], stateMeasures: [], statePeriods: [] },
  ];

  it('parseView repairs anything unknown in a URL', () => {
    expect(parseView(new URLSearchParams('indicator=nope&age=99+&geo=XX&measure=foo'), options)).toEqual({
      indicator: 'sud_past_year', age: '12+', trend: 'count', measure: 'percent', geo: 'US', period: '2018-2019',
    });
    expect(normalizeView({ indicator: 'mde_past_year', age: '12+', trend: 'count', measure: 'count', geo: 'CO', period: '2018-2019' }, options)).toEqual({
      indicator: 'mde_past_year', age: '12-17', trend: 'percent', measure: 'percent', geo: 'CO', period: '',
    });
  });

  it('viewToSearch and parseView round-trip a view', () => {
    const view = { indicator: 'sud_past_year', age: '18-25', trend: 'percent', measure: 'count', geo: 'TX', period: '2018-2019' };
    expect(parseView(new URLSearchParams(viewToSearch(view)), options)).toEqual(view);
  });
});
