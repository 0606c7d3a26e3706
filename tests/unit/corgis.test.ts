/**
 * The CORGIS "drugs" dataset (a derived re-publication of SAMHSA's state small-area estimates)
 * → canonical observations marked derived: counts, literal round trips against drugs.csv cells,
 * an exact check against SAMHSA's own 2016-2017 workbooks where the two overlap, the rule that a
 * derived figure never overrides an original, and the errors for a file that is not as expected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORGIS_SOURCE, preferOriginals, proportionToPercent, readCorgisDrugs } from '@/lib/import/3-import-corgis';
import { ingestArchive } from '@/lib/import/ingest';
import type { Observation } from '@/lib/vocabulary/schema';

const ROOT = path.resolve(__dirname, '..', '..');
const CSV = readFileSync(path.join(ROOT, 'data/sources/derived/corgis-drugs/drugs.csv'));
const WORKBOOKS = path.join(ROOT, 'data/sources/samhsa-sae-workbooks/2016-2017');

const INDICATORS = [
  'alcohol_use_past_month',
  'aud_past_year',
  'cigarette_use_past_month',
  'cocaine_use_past_year',
  'first_use_of_marijuana',
  'marijuana_use_past_month',
  'marijuana_use_past_year',
  'tobacco_product_use_past_month',
];
const PERIODS = Array.from({ length: 17 }, (_, i) => `${2002 + i}-${2003 + i}`);

const key = (o: Observation) => `${o.indicator}|${o.period}|${o.geography}|${o.age_group}|${o.unit}|${o.revision}`;

let derived: Observation[] = [];
let byKey = new Map<string, Observation>();
const find = (indicator: string, period: string, geography: string, age: string, unit: string) => {
  const o = byKey.get(`${indicator}|${period}|${geography}|${age}|${unit}|0`);
  if (!o) throw new Error(`no observation ${indicator} ${period} ${geography} ${age} ${unit}`);
  return o;
};

beforeAll(async () => {
  derived = await readCorgisDrugs(CSV);
  byKey = new Map(derived.map((o) => [key(o), o]));
});

describe('readCorgisDrugs', () => {
  it('turns every cell of the 867 rows into one observation: 867 × 8 measures × 3 ages × 2 units', () => {
    expect(derived).toHaveLength(867 * 8 * 3 * 2); // 41,616: no cell is empty, none is left out
    expect(byKey.size).toBe(derived.length);
    expect([...new Set(derived.map((o) => o.period))].sort()).toEqual(PERIODS);
    expect([...new Set(derived.map((o) => o.indicator))].sort()).toEqual(INDICATORS);
    expect([...new Set(derived.map((o) => o.age_group))].sort()).toEqual(['12-17', '18-25', '26+']);
    expect(new Set(derived.map((o) => o.geography)).size).toBe(51);
    expect(derived.some((o) => o.geography === 'DC')).toBe(true);
    expect(derived.some((o) => o.geography === 'US' || ['Northeast', 'Midwest', 'South', 'West'].includes(o.geography))).toBe(false);
    expect([...new Set(derived.map((o) => o.unit))].sort()).toEqual(['percent', 'percent_of_at_risk', 'thousands']);
    // First use is a percentage of the at-risk population, as in SAMHSA's own tables.
    // Each rule lists the observations that break it (one expect per rule keeps the test fast).
    const breaking = (rule: (o: Observation) => boolean) => derived.filter((o) => !rule(o)).slice(0, 3);
    expect(breaking((o) => (o.unit === 'percent_of_at_risk') === (o.indicator === 'first_use_of_marijuana' && o.unit !== 'thousands'))).toEqual([]);
    expect(breaking((o) => o.qualifiers[0] === 'derived' && o.qualifiers.slice(1).every((q) => q === 'rounded_to_zero'))).toEqual([]);
    expect(breaking((o) => o.ci_lower === null && o.ci_upper === null && o.interval_type === null)).toEqual([]);
    expect(breaking((o) => o.series === 'NSDUH_2002-2019' && o.revision === 0)).toEqual([]);
    expect(breaking((o) => o.note === (o.period === '2010-2011' ? 'Revised 2010-2011 estimates.' : ''))).toEqual([]);
    expect(breaking((o) => o.source === `CORGIS drugs dataset (corgis-edu/corgis, commit c3f0bf0), derived from SAMHSA's NSDUH state small-area estimates, ${o.period}`)).toEqual([]);
    // rounded_to_zero exactly on the 156 totals printed as 0.
    const zeros = derived.filter((o) => o.qualifiers.includes('rounded_to_zero'));
    expect(zeros).toHaveLength(156);
    expect(zeros.every((o) => o.unit === 'thousands' && o.estimate === 0)).toBe(true);
    expect(derived.filter((o) => o.unit === 'thousands' && o.estimate === 0)).toHaveLength(156);
    // Every percent has at most four decimals: the six of the proportion, shifted by two.
    expect(breaking((o) => o.unit === 'thousands' || /^\d{1,3}(\.\d{1,4})?$/.test(String(o.estimate)))).toEqual([]);
    expect(breaking((o) => o.unit !== 'thousands' || Number.isInteger(o.estimate))).toEqual([]);
  });

  it('copies drugs.csv cells exactly (rates moved two decimal places, totals as printed)', () => {
    // Alabama 2002: Rates/Totals.Alcohol.Use Disorder Past Year.12-17 = 0.048336 / 18.
    expect(find('aud_past_year', '2002-2003', 'AL', '12-17', 'percent')).toMatchObject({ estimate: 4.8336, qualifiers: ['derived'], note: '' });
    expect(find('aud_past_year', '2002-2003', 'AL', '12-17', 'thousands')).toMatchObject({ estimate: 18, qualifiers: ['derived'] });
    // Alabama 2002: Rates.Alcohol.Use Past Month.18-25 = 0.509551; Totals.Alcohol.Use Past Month.26+ = 1048.
    expect(find('alcohol_use_past_month', '2002-2003', 'AL', '18-25', 'percent').estimate).toBe(50.9551);
    expect(find('alcohol_use_past_month', '2002-2003', 'AL', '26+', 'thousands').estimate).toBe(1048);
    // Alabama 2002: Rates.Marijuana.Used Past Year.18-25 = 0.23788 (five decimals printed).
    expect(find('marijuana_use_past_year', '2002-2003', 'AL', '18-25', 'percent').estimate).toBe(23.788);
    // Alaska 2002: Totals.Marijuana.New Users.26+ = 0, Rates.Marijuana.New Users.26+ = 0.001625.
    expect(find('first_use_of_marijuana', '2002-2003', 'AK', '26+', 'thousands')).toMatchObject({ estimate: 0, qualifiers: ['derived', 'rounded_to_zero'] });
    expect(find('first_use_of_marijuana', '2002-2003', 'AK', '26+', 'percent_of_at_risk').estimate).toBe(0.1625);
    // Alaska 2002: Rates.Illicit Drugs.Cocaine Used Past Year.12-17 = 0.0244.
    expect(find('cocaine_use_past_year', '2002-2003', 'AK', '12-17', 'percent').estimate).toBe(2.44);
    // Oklahoma 2006: Rates.Tobacco.Cigarette Past Month.26+ = 0.31 (two decimals printed).
    expect(find('cigarette_use_past_month', '2006-2007', 'OK', '26+', 'percent').estimate).toBe(31);
    // The two cells CORGIS prints with a floating-point tail: New Jersey 2005 0.1328679999999999, Delaware 2011 0.0332169999999999.
    expect(find('marijuana_use_past_year', '2005-2006', 'NJ', '12-17', 'percent').estimate).toBe(13.2868);
    expect(find('aud_past_year', '2011-2012', 'DE', '12-17', 'percent').estimate).toBe(3.3217);
    // District of Columbia 2010 (revised 2010-2011): Totals/Rates.Illicit Drugs.Cocaine Used Past Year.12-17 = 0 / 0.003167.
    expect(find('cocaine_use_past_year', '2010-2011', 'DC', '12-17', 'thousands')).toMatchObject({ estimate: 0, qualifiers: ['derived', 'rounded_to_zero'], note: 'Revised 2010-2011 estimates.' });
    expect(find('cocaine_use_past_year', '2010-2011', 'DC', '12-17', 'percent')).toMatchObject({ estimate: 0.3167, note: 'Revised 2010-2011 estimates.' });
    // Wyoming 2018 (2018-2019): Totals/Rates.Tobacco.Use Past Month.26+ = 107 / 0.282912.
    expect(find('tobacco_product_use_past_month', '2018-2019', 'WY', '26+', 'thousands').estimate).toBe(107);
    expect(find('tobacco_product_use_past_month', '2018-2019', 'WY', '26+', 'percent').estimate).toBe(28.2912);
  });

  it('moves the decimal point on the text, never by multiplying', () => {
    // Multiplying by 100 would add digits to 5,655 of the file's 20,808 rates, as here.
    expect(0.13649 * 100).toBe(13.649000000000001);
    expect(find('aud_past_year', '2002-2003', 'AL', '18-25', 'percent').estimate).toBe(13.649); // Alabama 2002, 0.13649
    const cases: Array<[string, string]> = [
      ['0.048336', '4.8336'],
      ['0.13649', '13.649'],
      ['0.0244', '2.44'],
      ['0.31', '31'],
      ['0.000553', '0.0553'],
      ['0.5', '50'],
      ['0', '0'],
      ['1', '100'],
      ['1.000000', '100'],
      ['0.1328679999999999', '13.2868'],
      ['0.0332169999999999', '3.3217'],
      ['0.1234560000000001', '12.3456'],
    ];
    for (const [text, percent] of cases) expect(proportionToPercent(text), text).toBe(percent);
    for (const bad of ['', '4.8336', '1.2', '-0.1', '0.1234567', '.5', '0.5e-3', '0,5', ' 0.5', 'NA']) expect(proportionToPercent(bad), bad).toBeNull();
  });

  it('names its source: CORGIS and SAMHSA, at the exact commit', () => {
    expect(CORGIS_SOURCE.title).toMatch(/CORGIS/);
    expect(CORGIS_SOURCE.title).toMatch(/SAMHSA/);
    expect(CORGIS_SOURCE.path).toBe('https://github.com/corgis-edu/corgis/blob/c3f0bf0e157f9295099873b2730fb60fc4246c25/website/datasets/csv/drugs/drugs.csv');
    expect(CORGIS_SOURCE.version).toBe('c3f0bf0e157f9295099873b2730fb60fc4246c25');
  });
});

describe('against SAMHSA’s 2016-2017 workbooks', () => {
  const originals: Observation[] = [];
  beforeAll(async () => {
    for (const file of ['NSDUHsaeExcelTabs2017.xlsx', 'NSDUHsaeTotals2017.xlsx']) {
      const { tables } = await ingestArchive(readFileSync(path.join(WORKBOOKS, file)), { knownIndicators: new Set(), collect: true });
      for (const { member, result } of tables) {
        expect(result.ok, `${file} › ${member}`).toBe(true);
        originals.push(...result.rows);
      }
    }
  });

  it('agrees on every overlapping figure: counts exactly, percents as SAMHSA’s rounding of the same value', () => {
    const overlap = originals.filter((o) => byKey.has(key(o)));
    // 8 measures × 51 states × 3 ages × (percent + thousands): every derived 2016-2017 figure has an original.
    expect(overlap).toHaveLength(2448);
    expect(derived.filter((o) => o.period === '2016-2017')).toHaveLength(2448);
    let maxCountDiff = 0;
    let maxPercentDiff = 0;
    let ties = 0;
    for (const o of overlap) {
      const d = byKey.get(key(o)) as Observation;
      const s = o.estimate as number;
      const x = d.estimate as number;
      if (o.unit === 'thousands') {
        maxCountDiff = Math.max(maxCountDiff, Math.abs(x - s));
        continue;
      }
      maxPercentDiff = Math.max(maxPercentDiff, Math.abs(x - s));
      // The workbook shows two decimals of the percent (Excel's half-away-from-zero rounding of the
      // full-precision value); CORGIS has that value rounded to six decimals of the proportion, four
      // of the percent. So SAMHSA's figure must be what rounding some value within half a unit of
      // CORGIS's last digit gives: in units of 0.00005 %, the rounding of 2X − 1 or 2X + 1.
      const twiceX = 2 * Math.round(x * 10_000);
      const toHundredths = (halfUnits: number) => Math.floor((halfUnits + 100) / 200);
      const shown = Math.round(s * 100);
      expect(shown >= toHundredths(twiceX - 1) && shown <= toHundredths(twiceX + 1), `${key(o)}: SAMHSA ${s}, CORGIS ${x}`).toBe(true);
      if (shown !== toHundredths(twiceX)) ties++; // CORGIS rounded x.xx5 up from a value SAMHSA rounds down
    }
    expect(maxCountDiff).toBe(0);
    expect(maxPercentDiff).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(maxPercentDiff).toBeGreaterThan(0.00499); // the bound is reached: it cannot be tightened
    expect(ties).toBe(4); // KY 18-25 and MD 26+ past-year marijuana, IN 18-25 cocaine, MT 12-17 AUD
  });

  it('preferOriginals drops exactly the derived figures SAMHSA published itself', () => {
    const { kept, dropped } = preferOriginals(originals, derived);
    expect(dropped).toBe(2448);
    expect(kept).toHaveLength(derived.length - 2448);
    expect(kept.some((o) => o.period === '2016-2017')).toBe(false);
    const originalKeys = new Set(originals.map(key));
    expect(kept.some((o) => originalKeys.has(key(o)))).toBe(false);
    // Kept observations are the same objects, in the same order.
    expect(kept).toEqual(derived.filter((o) => o.period !== '2016-2017'));
    // A key differing only in revision is not the same figure.
    const restated = { ...originals[0], revision: 1 };
    expect(preferOriginals([restated], derived.filter((o) => key(o) === key(originals[0]))).dropped).toBe(0);
    expect(preferOriginals([], derived).dropped).toBe(0);
  });
});

describe('a file that is not as expected', () => {
  const text = CSV.toString('utf8');
  const withText = (from: string, to: string) => {
    expect(text.includes(from)).toBe(true);
    return Buffer.from(text.replace(from, to), 'utf8');
  };

  it('refuses a header column it does not know, naming it', async () => {
    await expect(readCorgisDrugs(withText('"Totals.Alcohol.Use Past Month.12-17"', '"Totals.Heroin.Used Past Year.12-17"'))).rejects.toThrow(
      /^CORGIS drugs\.csv, row 1, column “Totals\.Heroin\.Used Past Year\.12-17” \(L\): Unexpected column/,
    );
    await expect(readCorgisDrugs(withText('"Population.26+"', '"Population.65+"'))).rejects.toThrow(/row 1, column “Population\.65\+” \(E\): Unexpected column/);
    // Known columns in another order, and a missing one.
    await expect(readCorgisDrugs(withText('"Population.12-17","Population.18-25"', '"Population.18-25","Population.12-17"'))).rejects.toThrow(
      /row 1, column “Population\.18-25” \(C\): The columns are not in CORGIS's order: expected “Population\.12-17” here/,
    );
    await expect(readCorgisDrugs(withText(',"Population.26+"', ''))).rejects.toThrow(/row 1, column .*: Column “Population\.26\+” is missing/);
  });

  it('refuses a rate that is not a proportion and a total that is not a whole number, naming row and column', async () => {
    await expect(readCorgisDrugs(withText('"0.048336"', '"n/a"'))).rejects.toThrow(
      /^CORGIS drugs\.csv, row 2, column “Rates\.Alcohol\.Use Disorder Past Year\.12-17” \(I\): “n\/a” is not a proportion/,
    );
    await expect(readCorgisDrugs(withText('"0.048336"', '"4.8336"'))).rejects.toThrow(/row 2, column “Rates\.Alcohol\.Use Disorder Past Year\.12-17” \(I\)/);
    await expect(readCorgisDrugs(withText('"0.048336"', '""'))).rejects.toThrow(/row 2, column “Rates\.Alcohol\.Use Disorder Past Year\.12-17” \(I\): “” is not a proportion/);
    await expect(readCorgisDrugs(withText('"Alabama","2002","380805","499453","2812905","18"', '"Alabama","2002","380805","499453","2812905","1.5"'))).rejects.toThrow(
      /row 2, column “Totals\.Alcohol\.Use Disorder Past Year\.12-17” \(F\): “1\.5” is not a whole number/,
    );
  });

  it('refuses an unknown state, a year outside 2002-2018 and a repeated row', async () => {
    await expect(readCorgisDrugs(withText('"Alabama","2002"', '"Total U.S.","2002"'))).rejects.toThrow(/row 2, column “State” \(A\): “Total U\.S\.” is not one of the 50 states/);
    await expect(readCorgisDrugs(withText('"Alabama","2002"', '"Alabama","2019"'))).rejects.toThrow(/row 2, column “Year” \(B\): “2019” is not a year from 2002 to 2018/);
    await expect(readCorgisDrugs(withText('"Alaska","2002"', '"Alabama","2002"'))).rejects.toThrow(/row 3, column “State” \(A\): Alabama 2002 is already on row 2/);
  });
});
