/**
 * The comparability registry: every measure's years fall in exactly one series, every break and
 * every "comparable" claim has SAMHSA's words behind it, pooled periods are valid only within a
 * series of their measure, and no chart ever joins two points across one of the measure's breaks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeTrend, toTrendModel } from '@/lib/charts/trend';
import { ingest } from '@/lib/import/ingest';
import { COMPARABILITY, evidenceFor, seriesForIndicatorPeriod, seriesForIndicatorYear, seriesNamesFor } from '@/lib/vocabulary/comparability';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';

const ROOT = path.resolve(__dirname, '..', '..');
const INDICATORS = ['sud_past_year', 'illicit_drug_use_past_month', 'pain_reliever_misuse_past_year', ...COMPARABILITY.measures.flatMap((m) => m.indicators)];
const YEARS = Array.from({ length: 2030 - 2002 + 1 }, (_, i) => 2002 + i);

describe('the comparability registry', () => {
  it('puts every year of every measure in exactly one series, in time order', () => {
    for (const entry of [COMPARABILITY.default, ...COMPARABILITY.measures]) {
      const series = entry.series.map((name) => seriesByName(name));
      expect(series.every(Boolean), entry.series.join()).toBe(true);
      for (const year of YEARS) {
        const holding = series.filter((s) => s && year >= s.firstYear && (s.lastYear === null || year <= s.lastYear));
        expect(holding, `${entry.series.join()} ${year}`).toHaveLength(1);
      }
    }
    // Each indicator is listed once.
    const listed = COMPARABILITY.measures.flatMap((m) => m.indicators);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('gives SAMHSA’s words and an address for every break and every comparable claim', () => {
    for (const indicator of INDICATORS) {
      const evidence = evidenceFor(indicator);
      for (const e of evidence) {
        expect(e.quote.length).toBeGreaterThan(20);
        expect(e.url).toMatch(/^https:\/\//);
        expect(e.source.length).toBeGreaterThan(10);
      }
      const names = seriesNamesFor(indicator);
      // A break between two series needs evidence of that break; a series spanning 2015 needs a comparable claim.
      if (names.includes('DSM-IV_2015-2019')) expect(evidence.some((e) => /2015/.test(e.quote) && /broken|break/i.test(e.quote + e.claim))).toBe(true);
      if (names.includes('NSDUH_2002-2019')) expect(evidence.some((e) => /comparable between 2014 and 2015/i.test(e.claim) && /2014 and 2015/.test(e.quote))).toBe(true);
      expect(evidence.some((e) => /2020/.test(e.quote))).toBe(true);
      expect(evidence.some((e) => /2021/.test(e.quote))).toBe(true);
    }
  });

  it('is what data/datapackage.json publishes', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'data', 'datapackage.json'), 'utf8')) as { comparability: unknown };
    // Each claim has its Spanish beside it (translations.es); without them, the registry exactly.
    const withoutTranslations = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(withoutTranslations) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'translations').map(([k, v]) => [k, withoutTranslations(v)])) : value;
    expect(withoutTranslations(pkg.comparability)).toEqual(COMPARABILITY);
    expect(JSON.stringify(pkg.comparability)).toContain('"translations":{"es":{"claim":');
  });

  it('pools 2014 with 2015 only for measures SAMHSA found comparable', () => {
    expect(seriesForIndicatorPeriod('cocaine_use_past_year', '2014-2015')?.name).toBe('NSDUH_2002-2019');
    expect(seriesForIndicatorPeriod('aud_past_year', '2014-2015')?.name).toBe('NSDUH_2002-2019');
    expect(seriesForIndicatorPeriod('sud_past_year', '2014-2015')).toBeNull();
    expect(seriesForIndicatorPeriod('binge_alcohol_use_past_month', '2014-2015')).toBeNull(); // women's threshold changed
    expect(seriesForIndicatorPeriod('cocaine_use_past_year', '2019-2020')).toBeNull();
    expect(seriesForIndicatorPeriod('cocaine_use_past_year', '2020-2021')).toBeNull();
    expect(seriesForIndicatorPeriod('sud_past_year', '2021-2022')?.name).toBe('DSM-5_2021+');
  });
});

describe('SAMHSA tables pooled across 2015', () => {
  const retitled = (file: string) => Buffer.from(readFileSync(path.join(ROOT, 'data/sources/samhsa-sae-2018-2019/counts', file), 'latin1').replace('Based on 2018 and 2019 NSDUHs', 'Based on 2014 and 2015 NSDUHs'), 'latin1');

  it('import for a comparable measure, in the series that spans 2015', async () => {
    const r = await ingest(retitled('NSDUHsaeTotalsTab07-2019.csv'), { knownIndicators: new Set(), collect: true });
    expect(r.errors).toEqual([]);
    expect(new Set(r.rows.map((o) => `${o.indicator} ${o.period} ${o.series}`))).toEqual(new Set(['cocaine_use_past_year 2014-2015 NSDUH_2002-2019']));
  });

  it('are refused for a measure the redesign broke, with the reason', async () => {
    const r = await ingest(retitled('NSDUHsaeTotalsTab23-2019.csv'), { knownIndicators: new Set(), collect: true });
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toMatch(/2014-2015 spans a methodology break for “Substance Use Disorder in the Past Year” \(DSM-IV_2002-2014 and DSM-IV_2015-2019\)/);
  });

  it('a canonical row must carry its measure’s series', async () => {
    const header = 'indicator,period,geography,age_group,unit,estimate,ci_lower,ci_upper,interval_type,series,revision,qualifiers,source,note';
    const row = (indicator: string, period: string, series: string) => `${indicator},${period},US,12+,thousands,5,,,,${series},0,,SAMHSA,`;
    const known = new Set(['cocaine_use_past_year', 'sud_past_year']);
    const check = async (...rows: string[]) => (await ingest(Buffer.from(`${header}\n${rows.join('\n')}\n`), { knownIndicators: known })).errors.map((e) => e.message);
    expect(await check(row('cocaine_use_past_year', '2014-2015', 'NSDUH_2002-2019'), row('cocaine_use_past_year', '2016', 'NSDUH_2002-2019'))).toEqual([]);
    expect((await check(row('cocaine_use_past_year', '2016', 'DSM-IV_2015-2019')))[0]).toMatch(/belongs to series NSDUH_2002-2019/);
    expect((await check(row('sud_past_year', '2014-2015', 'DSM-IV_2015-2019')))[0]).toMatch(/spans a methodology break for sud_past_year/);
  });
});

describe('trend charts never join points across a break of their measure (property)', () => {
  /** Valid observations of one indicator: random years and pooled pairs, each in its measure's series. */
  const arb = fc.constantFrom(...INDICATORS).chain((indicator) =>
    fc
      .uniqueArray(
        fc.integer({ min: 2002, max: 2026 }).chain((y) => fc.constantFrom(String(y), `${y}-${y + 1}`)),
        { minLength: 1, maxLength: 30 },
      )
      .map((periods) => ({
        indicator,
        observations: periods
          .map((period) => ({ period, series: seriesForIndicatorPeriod(indicator, period) }))
          .filter((p) => p.series !== null)
          .map(
            (p): Observation => ({
              indicator,
              period: p.period,
              geography: 'US',
              age_group: '12+',
              unit: 'thousands',
              estimate: 100,
              ci_lower: null,
              ci_upper: null,
              interval_type: null,
              series: p.series?.name ?? '',
              revision: 0,
              qualifiers: [],
              source: 'SAMHSA',
              note: '',
            }),
          ),
      })),
  );

  it('every pair of points a line joins is in one series of the measure', () => {
    fc.assert(
      fc.property(arb, ({ indicator, observations }) => {
        const model = toTrendModel(observations, { indicator, indicatorTitle: indicator, geography: 'US', ageGroup: '12+', measure: 'count' });
        for (const run of model.runs) {
          for (let i = 1; i < run.points.length; i++) {
            const [a, b] = [run.points[i - 1], run.points[i]];
            expect(a.series).toBe(b.series);
            expect(b.firstYear).toBe(a.firstYear + 1);
            expect(seriesForIndicatorYear(indicator, a.firstYear)?.name).toBe(seriesForIndicatorYear(indicator, b.firstYear)?.name);
          }
        }
        // The background bands are the measure's own series.
        for (const band of model.bands) expect(seriesNamesFor(indicator)).toContain(band.series.name);
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe('restated 2021 figures', () => {
  const o = (period: string, estimate: number, revision = 0): Observation => ({
    indicator: 'sud_past_year', period, geography: 'US', age_group: '12+', unit: 'millions', estimate, ci_lower: null, ci_upper: null,
    interval_type: null, series: 'DSM-5_2021+', revision, qualifiers: [], source: 'SAMHSA', note: '',
  });
  const options = { indicator: 'sud_past_year', indicatorTitle: 'SUD', geography: 'US', ageGroup: '12+', measure: 'count' };

  it('only the restated 2021 figure is joined to 2022; a first-published one stands alone', () => {
    const first = toTrendModel([o('2021', 46.3), o('2022', 48.7), o('2023', 48.4)], options);
    expect(first.runs.map((r) => r.points.map((p) => p.period))).toEqual([['2021'], ['2022', '2023']]);
    const restated = toTrendModel([o('2021', 46.3), o('2021', 46.8, 1), o('2022', 48.7), o('2023', 48.4)], options);
    expect(restated.runs.map((r) => r.points.map((p) => p.period))).toEqual([['2021', '2022', '2023']]);
    expect(restated.runs[0].points[0].observation.revision).toBe(1);
  });

  it('the summary never compares a first-published 2021 figure with later years', () => {
    const text = summarizeTrend(toTrendModel([o('2021', 46.3), o('2022', 48.7), o('2023', 48.4)], options), options);
    expect(text).toContain('2021 as first published, not compared with later years');
    expect(text).toContain('2 figures from 2022 (48.7 million) to 2023 (48.4 million), lower at the end');
    expect(text).not.toMatch(/from 2021 \(46\.3 million\) to 2023/);
  });

  it('has SAMHSA’s words for it', () => {
    const [r] = COMPARABILITY.restatements;
    expect(r).toMatchObject({ year: 2021, series: 'DSM-5_2021+', minRevision: 1 });
    expect(r.evidence[0].quote).toMatch(/updated 2021 estimates presented in the 2022 Detailed Tables/);
  });
});
