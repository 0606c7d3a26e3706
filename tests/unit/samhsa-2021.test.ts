/**
 * SAMHSA's state tables in the layout used from the 2021 release on: every table imports, and
 * the figures equal the source cells (Total U.S. and three states per table, checked against the
 * file read independently of the importer).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '@/lib/import/ingest';
import { parseSamhsaTitle } from '@/lib/import/3-import-samhsa-table';

const DIR = path.join(__dirname, '..', '..', 'data', 'sources', 'samhsa-sae-2021', 'percentages');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.csv'));

/** The file's cells, read the simplest way this layout allows (every cell is quoted). */
function cells(file: string): string[][] {
  return readFileSync(path.join(DIR, file), 'latin1')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => line.replace(/^"|"$/g, '').split('","'));
}

const pct = (text: string) => Number(text.replace('%', ''));

describe('parseSamhsaTitle, titles from 2021 on', () => {
  it('reads measure, unit and a single year', () => {
    expect(parseSamhsaTitle('Table 25. Substance Use Disorder in the Past Year: Among People Aged 12 or Older; by Age Group and State, Percentages, 2021')).toMatchObject({
      table: { number: '25', measure: 'Substance Use Disorder in the Past Year', unit: 'percent', period: '2021', statistic: 'Percentages' },
    });
  });

  it('reads pooled years and counts in thousands', () => {
    expect(parseSamhsaTitle('Table 1. Illicit Drug Use in the Past Month: Among People Aged 12 or Older; by Age Group and State, Annual Average Numbers (in Thousands), 2021 and 2022')).toMatchObject({
      table: { measure: 'Illicit Drug Use in the Past Month', unit: 'thousands', period: '2021-2022' },
    });
  });

  it('reads who is counted: an at-risk population, ages 12 to 20, adults', () => {
    expect(parseSamhsaTitle('Table 5. First Use of Marijuana in the Past Year: Among People Aged 12 or Older at Risk for Initiation of Marijuana Use; by Age Group and State, Percentages, 2021')).toMatchObject({
      table: { unit: 'percent_of_at_risk', period: '2021' },
    });
    expect(parseSamhsaTitle('Table 17. Alcohol Use and Binge Alcohol Use in the Past Month: Among People Aged 12 to 20; by State, Percentages, 2021')).toMatchObject({
      table: { measure: 'Alcohol Use and Binge Alcohol Use in the Past Month' },
      population: '12-20',
    });
    expect(parseSamhsaTitle('Table 30. Serious Mental Illness in the Past Year: Among People Aged 18 or Older; by Age Group and State, Percentages, 2021')).toMatchObject({ population: '18+' });
  });

  it('explains an unknown title by naming both layouts it knows', () => {
    const problem = parseSamhsaTitle('Table 3. Marijuana Use by State in 2021');
    expect(problem).toMatch(/Among People Aged 12 or Older; by Age Group and State, Percentages, 2021/);
    expect(problem).toMatch(/Annual Averages Based on 2018 and 2019 NSDUHs/);
  });
});

describe('importing the 2021 state tables as published', () => {
  it('has the 13 tables SAMHSA published that are kept here', () => {
    expect(FILES).toHaveLength(13);
  });

  for (const file of FILES) {
    it(`${file}: 56 places × 5 age groups, 2021, DSM-5 series, equal to the source cells`, async () => {
      const r = await ingest(readFileSync(path.join(DIR, file)), { knownIndicators: new Set(), collect: true });
      expect(r.errors).toEqual([]);
      expect(r.format).toBe('samhsa-state-table');
      expect(r.encoding).toBe('windows-1252');
      expect(r.rows).toHaveLength(280);
      expect(new Set(r.rows.map((o) => o.period))).toEqual(new Set(['2021']));
      expect(new Set(r.rows.map((o) => o.series))).toEqual(new Set(['DSM-5_2021+']));
      expect(new Set(r.rows.map((o) => o.age_group))).toEqual(new Set(['12+', '12-17', '18-25', '26+', '18+']));
      // Curly quotes in the notes arrive as curly quotes, not replacement characters.
      expect(r.table?.notes.join(' ')).not.toContain('\uFFFD');

      const rows = cells(file);
      const header = rows.find((c) => c[0] === 'Order') as string[];
      const ages: Array<[string, string]> = [['12+', '12+'], ['18-25', '18-25']];
      for (const [name, code] of [['Total U.S.', 'US'], ['Alabama', 'AL'], ['California', 'CA'], ['Wyoming', 'WY']]) {
        const source = rows.find((c) => c[1] === name) as string[];
        for (const [label, age] of ages) {
          const o = r.rows.find((x) => x.geography === code && x.age_group === age);
          const at = (suffix: string) => source[header.indexOf(`${label} ${suffix}`)];
          if (at('Estimate') === '--') {
            // Withheld by SAMHSA (too few respondents): a gap with its reason, never a zero.
            expect(o, `${file} ${code} ${age}`).toMatchObject({ estimate: null, ci_lower: null, ci_upper: null, qualifiers: ['suppressed'] });
            continue;
          }
          expect(o, `${file} ${code} ${age}`).toMatchObject({ estimate: pct(at('Estimate')), ci_lower: pct(at('95% CI (Lower)')), ci_upper: pct(at('95% CI (Upper)')), unit: 'percent' });
          expect(o?.interval_type).toBe(code === 'US' ? 'confidence' : 'credible');
        }
      }
    });
  }

  it('lines the 2021 substance use disorder table up with the national indicator', async () => {
    const r = await ingest(readFileSync(path.join(DIR, 'NSDUHsaeExcelTab25-2021.csv')), { knownIndicators: new Set(), collect: true });
    expect(r.rows.find((o) => o.geography === 'US' && o.age_group === '12+')).toMatchObject({ indicator: 'sud_past_year', estimate: 16.53, ci_lower: 15.99, ci_upper: 17.08 });
  });
});
