import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '@/lib/import/ingest';
import { IssueLog } from '@/lib/import/issues';
import { checkPackage, readPackage } from '@/lib/data/package';
import type { Observation } from '@/lib/vocabulary/schema';

const ROOT = path.join(__dirname, '..', '..');
const DATA = path.join(ROOT, 'data');

async function live(name: string): Promise<Observation[]> {
  const pkg = await readPackage(DATA);
  const res = pkg.resources.find((r) => r.name === name);
  if (!res) throw new Error(name);
  const result = await ingest(readFileSync(path.join(DATA, res.path)), { knownIndicators: new Set(pkg.indicators.map((i) => i.name)), collect: true, encoding: 'utf-8' });
  expect(result.errors).toEqual([]);
  return result.rows;
}

describe('the live data in data/', () => {
  it('is exactly what data:build produces from the original SAMHSA files in data/sources', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'atlas-build-'));
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lib', 'cli', 'build-data.ts'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
    for (const file of readdirSync(out)) {
      expect(readFileSync(path.join(out, file), 'utf8'), `${file} differs from a fresh build; run npm run data:build`).toBe(readFileSync(path.join(DATA, file), 'utf8'));
    }
  });

  it('passes the package check: descriptor, sizes, hashes and schema', async () => {
    const log = new IssueLog();
    await checkPackage(await readPackage(DATA), DATA, log);
    expect(log.errors).toEqual([]);
  });

  it('holds the 2014 figure: 21.5 million people aged 12 or older with a past-year substance use disorder', async () => {
    const national = await live('national-estimates');
    expect(national.find((o) => o.indicator === 'sud_past_year' && o.period === '2014' && o.age_group === '12+' && o.unit === 'millions')).toMatchObject({
      estimate: 21.5,
      geography: 'US',
      series: 'DSM-IV_2002-2014',
      source: expect.stringContaining('Short Report 2790'),
    });
  });

  it('keeps every national figure as published: one row per source row, nothing added, 2020 absent', async () => {
    const national = await live('national-estimates');
    const sourceRows = readFileSync(path.join(DATA, 'sources', 'nsduh-national', 'headline-figures.csv'), 'utf8').trim().split('\n').length - 1;
    expect(national).toHaveLength(sourceRows);
    expect(national.some((o) => o.period.startsWith('2020'))).toBe(false);
    const revised = national.filter((o) => o.revision > 0);
    expect(revised.length).toBeGreaterThan(0);
    for (const o of revised) expect(o.note).toMatch(/revised/);
    // Both the first-published and the revised 2021 adolescent figure are kept, never averaged.
    const teen2021 = national.filter((o) => o.indicator === 'sud_past_year' && o.period === '2021' && o.age_group === '12-17' && o.unit === 'percent');
    expect(teen2021.map((o) => [o.revision, o.estimate])).toEqual([[0, 8.5], [1, 9.2]]);
  });

  it('holds all 14 SAMHSA 2018-2019 state tables, percentages and counts, for 56 places and 5 age groups', async () => {
    const state = (await live('state-estimates-2002-2019')).filter((o) => o.period === '2018-2019' && !o.qualifiers.includes('derived'));
    expect(state).toHaveLength(14 * 2 * 56 * 5);
    const indicators = new Set(state.map((o) => o.indicator));
    expect(indicators.size).toBe(14);
    for (const i of indicators) expect(new Set(state.filter((o) => o.indicator === i).map((o) => o.unit))).toEqual(new Set(['percent', 'thousands']));
  });
});

describe('every state period the original files cover', () => {
  // One read of each dataset for the whole block (140,000 rows).
  const before = live('state-estimates-2002-2019');
  const after = live('state-estimates-2021-on');
  const kind = (o: Observation) => (o.qualifiers.includes('derived') ? 'derived' : / \(web page\)/.test(o.source) ? 'web page' : 'table');
  const periodsOf = (rows: Observation[], keep: (o: Observation) => boolean) => [...new Set(rows.filter(keep).map((o) => o.period))].sort();
  const isCount = (o: Observation) => o.unit === 'thousands';
  const isPercent = (o: Observation) => o.unit.startsWith('percent');
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-${from + i + 1}`);

  it('counts for every period from 2009-2010 to 2018-2019, and 2021-2022', async () => {
    const samhsa = (await before).filter((o) => kind(o) !== 'derived');
    expect(periodsOf(samhsa, isCount)).toEqual(years(2009, 2018));
    expect(periodsOf(await after, isCount)).toEqual(['2021-2022', '2022']);
  });

  it('percentages with SAMHSA’s 95% intervals for 2015-2016 to 2018-2019 and 2021; from the web pages without intervals for 2011-2012 to 2014-2015', async () => {
    const rows = await before;
    const withInterval = (o: Observation) => isPercent(o) && o.ci_lower !== null && o.age_group !== '18+';
    expect(periodsOf(rows, (o) => withInterval(o) && kind(o) === 'table')).toEqual(years(2015, 2018));
    expect(periodsOf(await after, (o) => isPercent(o) && o.ci_lower !== null)).toEqual(['2021']);
    expect(periodsOf(rows, (o) => isPercent(o) && kind(o) === 'web page' && o.ci_lower === null)).toEqual(years(2011, 2014));
  });

  it('keeps SAMHSA’s own change tests of 2008-2009 against 2009-2010 (adults), the p value in the note', async () => {
    const tested = (await before).filter((o) => o.qualifiers.some((q) => q.startsWith('change_')));
    expect(new Set(tested.map((o) => `${o.period} ${o.age_group}`))).toEqual(new Set(['2009-2010 18+']));
    for (const o of tested) expect(o.note).toMatch(/^SAMHSA's test of the change from 2008-2009: p = \d\.\d{3}\.$/);
    expect(tested.filter((o) => o.qualifiers.includes('change_significant')).length).toBeGreaterThan(0);
  });

  it('takes a derived figure only where no SAMHSA original has it, and marks every one with its source', async () => {
    const rows = await before;
    const derived = rows.filter((o) => kind(o) === 'derived');
    expect(periodsOf(derived, () => true)).toEqual([...years(2002, 2010), '2018-2019']);
    for (const o of derived) expect(o.source).toMatch(/^CORGIS drugs dataset .*derived from SAMHSA/);
    // 2011-2012 to 2017-2018: SAMHSA's pages, tables and workbooks hold every one of the 8 measures.
    expect(derived.some((o) => o.period >= '2011' && o.period < '2018')).toBe(false);
    // 2018-2019: only measures that SAMHSA's 14 tables here lack.
    const samhsa2019 = new Set(rows.filter((o) => o.period === '2018-2019' && kind(o) === 'table').map((o) => o.indicator));
    for (const o of derived.filter((d) => d.period === '2018-2019')) expect(samhsa2019.has(o.indicator)).toBe(false);
  });

  it('gives national two-year averages with design-based intervals from the Total U.S. rows', async () => {
    const us = (await before).filter((o) => o.geography === 'US' && o.indicator === 'cocaine_use_past_year' && o.age_group === '12+' && o.unit === 'percent');
    expect(us.map((o) => o.period).sort()).toEqual(years(2011, 2018));
    for (const o of us.filter((x) => x.period >= '2015')) expect(o.interval_type).toBe('confidence');
  });

  it('records every original file with its SHA-256, and the two tables SAMHSA mislabelled', async () => {
    const pkg = await readPackage(DATA);
    const files = pkg.resources.flatMap((r) => r.sourceFiles ?? []);
    // 28 CSVs of 2018-2019, 13 of 2021, 9 workbooks, 9 web pages and the derived file.
    expect(files).toHaveLength(60);
    for (const f of files) {
      const bytes = readFileSync(path.join(DATA, f.path));
      expect(bytes.length).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(f.origin).not.toBe('');
    }
    expect(files.map((f) => f.path)).toContain('sources/derived/corgis-drugs/drugs.csv');
    expect(files.filter((f) => f.path.endsWith('.html'))).toHaveLength(9);
    expect(files.filter((f) => f.path.endsWith('.xlsx'))).toHaveLength(9);
    expect(pkg.resources.flatMap((r) => r.notImported ?? []).map((n) => `${n.file} ${n.table}`)).toEqual([
      'sources/samhsa-sae-workbooks/2013-2014/NSDUHsaeTotals2014.xlsx Table 13',
      'sources/samhsa-sae-workbooks/2014-2015/NSDUHsaeTotals2015.xlsx Table 8',
    ]);
  });

  it('splits the datasets where methods split for every measure, and says so in their scope and coverage', async () => {
    const pkg = await readPackage(DATA);
    const res = (name: string) => pkg.resources.find((r) => r.name === name);
    expect(res('state-estimates-2002-2019')?.scope?.series).toEqual(['DSM-IV_2002-2014', 'DSM-IV_2015-2019', 'NSDUH_2002-2019']);
    expect(res('state-estimates-2021-on')?.scope?.series).toEqual(['DSM-5_2021+']);
    expect(res('state-estimates-2002-2019')?.coverage?.periods.at(-1)).toBe('2018-2019');
    expect(res('state-estimates-2021-on')?.coverage?.periods[0]).toBe('2021');
    for (const o of await after) expect(o.series).toBe('DSM-5_2021+');
  });
});
