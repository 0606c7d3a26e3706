import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '@/lib/import/ingest';
import { indicatorFromMeasure, parseSamhsaTitle } from '@/lib/import/3-import-samhsa-table';

const SAE = path.join(__dirname, '..', '..', 'data', 'sources', 'samhsa-sae-2018-2019');
const FAMILY = path.join(__dirname, '..', 'fixtures', 'samhsa-family');
const load = (file: string) => ingest(readFileSync(file), { knownIndicators: new Set(), collect: true });
const find = (r: IngestResult, geography: string, age: string, indicator?: string) =>
  r.rows.find((o) => o.geography === geography && o.age_group === age && (!indicator || o.indicator === indicator));

describe('parseSamhsaTitle', () => {
  it('reads the table number, measure, unit and pooled period from a title', () => {
    const t = parseSamhsaTitle('Table 23. Substance Use Disorder in the Past Year, by Age Group and State: Percentages, Annual Averages Based on 2018 and 2019 NSDUHs  ');
    expect(t).toMatchObject({ table: { number: '23', measure: 'Substance Use Disorder in the Past Year', unit: 'percent', period: '2018-2019' }, population: null });
  });

  it('reads counts in thousands, a single survey year, and an age range named in the title', () => {
    const t = parseSamhsaTitle('Table 16. Alcohol Use and Binge Alcohol Use in the Past Month among Individuals Aged 12 to 20, by State: Estimated Numbers (in Thousands), Based on the 2021 NSDUH');
    expect(t).toMatchObject({ table: { unit: 'thousands', period: '2021' }, population: '12-20' });
  });

  it('explains what is missing from a title it cannot read', () => {
    expect(parseSamhsaTitle('Table 3. Marijuana Use, by State')).toMatch(/no “: ”/);
    expect(parseSamhsaTitle('Table 3. Marijuana Use, by State: Means, 2018 and 2019 NSDUHs')).toMatch(/percentages or estimated numbers/);
    expect(parseSamhsaTitle('Table 3. Marijuana Use, by State: Percentages')).toMatch(/survey years/);
  });
});

describe('indicatorFromMeasure', () => {
  it('lines measures up with the national indicators, and slugs the rest', () => {
    expect(indicatorFromMeasure('Substance Use Disorder in the Past Year')).toBe('sud_past_year');
    expect(indicatorFromMeasure('Alcohol Use Disorder in the Past Year')).toBe('aud_past_year');
    expect(indicatorFromMeasure('Illicit Drug Use in the Past Month')).toBe('illicit_drug_use_past_month');
    expect(indicatorFromMeasure('Binge Alcohol Use  in Past Month')).toBe('binge_alcohol_use_past_month');
    expect(indicatorFromMeasure('Needing But Not Receiving Treatment at a Specialty Facility for Substance Use in the Past Year')).toBe('needing_not_receiving_specialty_tx');
  });
});

describe('importing SAMHSA state tables as published', () => {
  it('reads Table 23 percentages with exact values: Total U.S., 12 or older, 7.41% (7.20–7.62), a design-based confidence interval', async () => {
    const r = await load(path.join(SAE, 'percentages', 'NSDUHsaeExcelTab23-2019.csv'));
    expect(r.ok).toBe(true);
    expect(r.format).toBe('samhsa-state-table');
    expect(find(r, 'US', '12+')).toMatchObject({
      indicator: 'sud_past_year',
      period: '2018-2019',
      unit: 'percent',
      estimate: 7.41,
      ci_lower: 7.2,
      ci_upper: 7.62,
      interval_type: 'confidence',
      series: 'DSM-IV_2015-2019',
    });
    expect(find(r, 'CO', '18-25')).toMatchObject({ estimate: 21.01, ci_lower: 18, ci_upper: 24.38, interval_type: 'credible' });
    expect(find(r, 'DC', '12+')?.estimate).toBeGreaterThan(0);
    expect(r.table?.notes.some((n) => /DSM-IV/.test(n))).toBe(true);
    expect(r.table?.sourceLine).toMatch(/^Source: SAMHSA/);
  });

  it('reads Table 23 counts with exact values: Total U.S., 12 or older, 20,331 thousand (19,774–20,903)', async () => {
    const r = await load(path.join(SAE, 'counts', 'NSDUHsaeTotalsTab23-2019.csv'));
    expect(find(r, 'US', '12+')).toMatchObject({ indicator: 'sud_past_year', unit: 'thousands', estimate: 20331, ci_lower: 19774, ci_upper: 20903 });
    expect(find(r, 'South', '12-17')).toMatchObject({ estimate: 357, ci_lower: 324, ci_upper: 393 });
  });

  it('marks counts SAMHSA printed as 0 ("more than 0 but under 500") with rounded_to_zero', async () => {
    const r = await load(path.join(SAE, 'counts', 'NSDUHsaeTotalsTab09-2019.csv'));
    const wy = find(r, 'WY', '12-17');
    expect(wy).toMatchObject({ estimate: 0, ci_lower: 0, ci_upper: 0, qualifiers: ['rounded_to_zero'] });
    expect(find(r, 'US', '12+')?.qualifiers).toEqual([]);
  });

  it('imports every table in the release: 56 places × 5 age groups, percentages and counts of a table as one indicator', async () => {
    const byTable = new Map<string, Set<string>>();
    for (const sub of ['percentages', 'counts']) {
      for (const name of readdirSync(path.join(SAE, sub))) {
        const r = await load(path.join(SAE, sub, name));
        expect(r.errors, name).toEqual([]);
        expect(r.observations, name).toBe(280);
        const table = r.table?.number as string;
        byTable.set(table, new Set([...(byTable.get(table) ?? []), ...r.rows.map((o) => o.indicator)]));
      }
    }
    expect(byTable.size).toBe(14);
    for (const [table, indicators] of byTable) expect(indicators.size, `table ${table}`).toBe(1);
  });

  it('reads a table whose column groups are measures, with the ages in the title (Table 16)', async () => {
    const pct = await load(path.join(FAMILY, 'NSDUHsaeExcelTab16-2019.csv'));
    const counts = await load(path.join(FAMILY, 'NSDUHsaeTotalsTab16-2019.csv'));
    expect(pct.ok && counts.ok).toBe(true);
    expect(pct.indicators.map((i) => i.name)).toEqual(['alcohol_use_past_month', 'binge_alcohol_use_past_month']);
    expect(find(pct, 'US', '12-20', 'binge_alcohol_use_past_month')).toMatchObject({ estimate: 11.24, ci_lower: 10.73, ci_upper: 11.77 });
    expect(find(counts, 'VT', '12-20', 'alcohol_use_past_month')).toMatchObject({ unit: 'thousands', estimate: 23, ci_lower: 21, ci_upper: 26 });
  });

  it('reads an at-risk statistic (Table 5) and adult-only age groups (Table 27)', async () => {
    const t5 = await load(path.join(FAMILY, 'NSDUHsaeExcelTab05-2019.csv'));
    expect(find(t5, 'US', '12+')).toMatchObject({ indicator: 'first_use_of_marijuana', unit: 'percent_of_at_risk', estimate: 2.31 });
    expect(t5.table?.notes[0]).toContain('÷');
    const t27 = await load(path.join(FAMILY, 'NSDUHsaeExcelTab27-2019.csv'));
    expect(new Set(t27.rows.map((o) => o.age_group))).toEqual(new Set(['18+', '18-25', '26+']));
    expect(find(t27, 'UT', '18+')).toMatchObject({ indicator: 'any_mental_illness_past_year', estimate: 26.86 });
    expect(t27.indicators[0].definition).toContain('Fourth Edition');
  });

  it('reads a table saved as Windows-1252 the same as the UTF-8 one', async () => {
    const utf8 = readFileSync(path.join(FAMILY, 'NSDUHsaeExcelTab27-2019.csv'));
    const cp1252 = Buffer.from(utf8.toString('utf8').replace(/—/g, '\u0097'), 'latin1');
    const a = await ingest(utf8, { knownIndicators: new Set(), collect: true });
    const b = await ingest(cp1252, { knownIndicators: new Set(), collect: true });
    expect(b.encoding).toBe('windows-1252');
    expect(b.rows).toEqual(a.rows);
    expect(b.table?.notes).toEqual(a.table?.notes);
  });
});
