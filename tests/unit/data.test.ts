import { execFileSync } from 'node:child_process';
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
    const state = (await live('state-estimates-2002-2019')).filter((o) => o.period === '2018-2019');
    expect(state).toHaveLength(14 * 2 * 56 * 5);
    const indicators = new Set(state.map((o) => o.indicator));
    expect(indicators.size).toBe(14);
    for (const i of indicators) expect(new Set(state.filter((o) => o.indicator === i).map((o) => o.unit))).toEqual(new Set(['percent', 'thousands']));
  });
});
