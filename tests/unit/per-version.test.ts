/**
 * Work kept per version of the data (lib/data/per-version.ts) lasts exactly as long as that
 * version: the dashboard's first-view answers, cached per dataset rows and URL, change as soon
 * as the data do.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/data/dashboard';
import { sha256, type DataPackage } from '@/lib/data/package';
import { oncePerRows } from '@/lib/data/per-version';
import { forgetCachedData } from '@/lib/store/live';

const ROOT = path.resolve(__dirname, '..', '..');
let work: string;
let data: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-per-version-'));
  data = path.join(work, 'data');
  process.env.ATLAS_DATA_DIR = data;
  mkdirSync(data);
  for (const f of ['datapackage.json', 'national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv']) copyFileSync(path.join(ROOT, 'data', f), path.join(data, f));
  forgetCachedData();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete process.env.ATLAS_DATA_DIR;
  forgetCachedData();
});

describe('oncePerRows', () => {
  it('works a value out once per array, and again for a new array with the same contents', () => {
    let calls = 0;
    const count = oncePerRows((rows: number[]) => {
      calls++;
      return rows.length;
    });
    const rows = [1, 2, 3];
    expect([count(rows), count(rows)]).toEqual([3, 3]);
    expect(calls).toBe(1);
    expect(count([1, 2, 3])).toBe(3);
    expect(calls).toBe(2);
  });
});

describe('the dashboard’s first view', () => {
  it('answers from the data of the moment: a period taken out of a dataset leaves its answer', async () => {
    const national = (d: Awaited<ReturnType<typeof loadDashboard>>) => d.initial.find((i) => i.url.includes('/national-estimates'))?.observations ?? [];
    const before = national(await loadDashboard({}));
    // Twice: the second answer is the kept one, and the same.
    expect(national(await loadDashboard({}))).toBe(before);
    const period = before.find((o) => o.indicator === 'sud_past_year' && o.estimate !== null)?.period;
    expect(period).toBeTruthy();

    // A new version of the national file without that indicator's rows for that period.
    const pkg = JSON.parse(readFileSync(path.join(data, 'datapackage.json'), 'utf8')) as DataPackage;
    const resource = pkg.resources.find((r) => r.name === 'national-estimates');
    if (!resource) throw new Error('no national-estimates in datapackage.json');
    const lines = readFileSync(path.join(data, resource.path), 'utf8').split('\n');
    const kept = lines.filter((l) => !l.startsWith(`sud_past_year,${period},`));
    expect(kept.length).toBeLessThan(lines.length);
    const bytes = Buffer.from(kept.join('\n'));
    writeFileSync(path.join(data, resource.path), bytes);
    resource.bytes = bytes.length;
    resource.hash = sha256(bytes);
    writeFileSync(path.join(data, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    forgetCachedData();

    const after = national(await loadDashboard({}));
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((o) => o.indicator === 'sud_past_year' && o.period === period)).toBe(false);
    expect(before.some((o) => o.indicator === 'sud_past_year' && o.period === period)).toBe(true);
  });
});
