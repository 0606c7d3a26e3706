import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_GROUPS } from '@/lib/vocabulary/age-groups';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { ingest } from '@/lib/import/ingest';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesListFor } from '@/lib/vocabulary/comparability';
import { canonicalCsvRow, FORMULA_TRIGGER, neutralizeFormula, toCanonicalCsv } from '@/lib/format/csv';

const INDICATORS = ['sud_past_year', 'aud_past_year', 'cocaine_use_past_year'];
const known = new Set(INDICATORS);

/**
 * Indicator, period and series triples that are valid under the comparability registry: single
 * years and consecutive pairs inside each of the measure's series (aud_past_year and
 * cocaine_use_past_year run 2002–2019 as one series; sud_past_year breaks in 2015).
 */
const periodArb = fc.constantFrom(
  ...INDICATORS.flatMap((indicator) =>
    seriesListFor(indicator).flatMap((s) => {
      const last = s.lastYear ?? 2024;
      const out: Array<[string, string, string]> = [];
      for (let y = s.firstYear; y <= last; y++) {
        out.push([indicator, String(y), s.name]);
        if (y < last) out.push([indicator, `${y}-${y + 1}`, s.name]);
      }
      return out;
    }),
  ),
);

/** A number written as a publisher would (up to 3 decimals, no trailing zeros). */
const amount = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);

// Free text may contain anything, but may not start like a spreadsheet formula (the schema refuses that).
const textArb = fc
  .string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', ';', 'é', '—', '\n', '😀', '=', '-', '<', '>'), maxLength: 30 })
  .filter((s) => !FORMULA_TRIGGER.test(s));

const observationArb: fc.Arbitrary<Observation> = fc
  .record({
    period: periodArb,
    geography: fc.constantFrom(...GEOGRAPHIES.map((g) => g.code)),
    age_group: fc.constantFrom(...AGE_GROUPS),
    unit: fc.constantFrom('percent', 'thousands', 'millions', 'persons'),
    values: fc.tuple(amount(100), amount(100), amount(100)).map((v) => v.sort((a, b) => a - b)),
    withInterval: fc.boolean(),
    revision: fc.nat({ max: 3 }),
    source: textArb.filter((s) => s.trim() !== ''),
    note: textArb,
  })
  .map((r) => ({
    indicator: r.period[0],
    period: r.period[1],
    geography: r.geography,
    age_group: r.age_group,
    unit: r.unit,
    estimate: r.values[1],
    ci_lower: r.withInterval ? r.values[0] : null,
    ci_upper: r.withInterval ? r.values[2] : null,
    interval_type: r.withInterval ? (r.geography === 'US' ? 'confidence' : 'credible') : null,
    series: r.period[2],
    revision: r.revision,
    qualifiers: [],
    source: r.source,
    note: r.note,
  }));

const keyOf = (o: Observation) => [o.indicator, o.period, o.geography, o.age_group, o.unit, o.revision].join('|');

describe('canonical CSV round trip', () => {
  it('convert(file) reproduces any valid canonical file byte for byte, and the same observations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(observationArb, { selector: keyOf, minLength: 1, maxLength: 40 }), async (observations) => {
        const csv = toCanonicalCsv(observations);
        const first = await ingest(Buffer.from(csv, 'utf8'), { knownIndicators: known, collect: true });
        expect(first.errors).toEqual([]);
        expect(first.rows).toEqual(observations);
        expect(toCanonicalCsv(first.rows)).toBe(csv);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('writes missing values as empty cells, never 0, and quotes text that needs it', () => {
    const row = canonicalCsvRow({
      indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions', estimate: 21.5,
      ci_lower: null, ci_upper: null, interval_type: null, series: 'DSM-IV_2002-2014', revision: 0, qualifiers: [],
      source: 'SAMHSA, Short Report 2790', note: 'said "approximately"',
    });
    expect(row).toBe('sud_past_year,2014,US,12+,millions,21.5,,,,DSM-IV_2002-2014,0,,"SAMHSA, Short Report 2790","said ""approximately"""');
  });
});

describe('CSV safety for spreadsheets', () => {
  const base: Observation = {
    indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions', estimate: 21.5,
    ci_lower: null, ci_upper: null, interval_type: null, series: 'DSM-IV_2002-2014', revision: 0, qualifiers: [], source: 's', note: '',
  };

  it('neutralizeFormula prefixes text that a spreadsheet would run, and nothing else', () => {
    expect(['=1+1', '+44 20 7946 0000', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '=1+1\nnote'].map(neutralizeFormula)).toEqual([
      "'=1+1", "'+44 20 7946 0000", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "'\n=1", "'=1+1\nnote",
    ]);
    // Leading blanks do not hide a formula (spreadsheets skip them), nor do full-width signs.
    expect([' =x', '  +1', '\u00a0-1', '\u3000@a', '\uff1d1+1', '\uff0b1', '\uff0d1', '\uff20SUM(A1)', ' \uff1dx', '\u22121'].map(neutralizeFormula)).toEqual([
      "' =x", "'  +1", "'\u00a0-1", "'\u3000@a", "'\uff1d1+1", "'\uff0b1", "'\uff0d1", "'\uff20SUM(A1)", "' \uff1dx", "'\u22121",
    ]);
    expect(['SAMHSA', ' SAMHSA', '1=1', 'a,b"c', 'x = 1', ''].map(neutralizeFormula)).toEqual(['SAMHSA', ' SAMHSA', '1=1', 'a,b"c', 'x = 1', '']);
  });

  it('a neutralised download quotes what needs quoting and leaves numbers alone', () => {
    const row = canonicalCsvRow({ ...base, estimate: 3.2, source: '=HYPERLINK("http://x","y")', note: 'a,b"c\nline two' }, { neutralize: true });
    expect(row).toBe('sud_past_year,2014,US,12+,millions,3.2,,,,DSM-IV_2002-2014,0,,"\'=HYPERLINK(""http://x"",""y"")","a,b""c\nline two"');
    // Any string either starts with a harmless character or with the apostrophe (property).
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutralizeFormula(text);
        expect(out === text ? !FORMULA_TRIGGER.test(text) : out === `'${text}`).toBe(true);
      }),
      { seed: 3 },
    );
  });
});
