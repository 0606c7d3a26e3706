import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const TABLE23 = 'data/sources/samhsa-sae-2018-2019/percentages/NSDUHsaeExcelTab23-2019.csv';

/** Runs an npm script exactly as the README documents it. */
function npm(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run data:check', () => {
  it('validates the data package and every dataset, exit 0', () => {
    const r = npm('data:check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK data\/datapackage\.json/m);
    for (const f of ['national-estimates', 'state-estimates-2002-2019', 'state-estimates-2021-on']) expect(r.stdout).toMatch(new RegExp(`^OK data/${f}\\.csv \\(canonical, \\d+ observations\\)`, 'm'));
  });

  it('checks given files in either format, prints OK/FAIL then "row R, column "C": message", exit 1 on any failure', () => {
    const bad = path.join('tests', 'fixtures', 'csv', 'V8-percent-sign.csv');
    const r = npm('data:check', '--', TABLE23, bad);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`OK ${TABLE23} (samhsa-state-table, 280 observations)`);
    expect(lines[1]).toMatch(new RegExp(`^FAIL ${bad.replace(/[.]/g, '\\.')} `));
    expect(lines[2]).toMatch(/^row 2, column "estimate": “7\.41%” is not a plain number/);
  });

  it('--json prints only a JSON array of {file, ok, format, observations, errors[{row, column, code, message}]}', () => {
    const bad = path.join('tests', 'fixtures', 'csv', 'R3-duplicate-row.csv');
    const r = npm('data:check', '--', '--json', TABLE23, bad);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(report).toHaveLength(2);
    expect(report[0]).toMatchObject({ file: TABLE23, ok: true, format: 'samhsa-state-table', observations: 280, errors: [] });
    expect(report[1]).toMatchObject({ ok: false, format: 'canonical', errors: [{ row: 5, column: null, code: 'primary-key', message: expect.stringContaining('repeats row 2') }] });
  });

  it('changes nothing: the checked file and data/ are byte-identical afterwards', () => {
    const before = readFileSync(path.join(ROOT, 'data', 'datapackage.json'));
    const file = path.join(FIXTURES, 'csv', 'S4-samhsa-interval-reversed.csv');
    const bytes = readFileSync(file);
    expect(npm('data:check', '--', file).code).toBe(1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(path.join(ROOT, 'data', 'datapackage.json')).equals(before)).toBe(true);
  });
});

describe('npm run data:convert', () => {
  it('prints the canonical CSV of a SAMHSA table, header first', () => {
    const r = npm('data:convert', '--', TABLE23);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('indicator,period,geography,age_group,unit,estimate,ci_lower,ci_upper,interval_type,series,revision,qualifiers,source,note');
    expect(lines).toHaveLength(281);
    expect(lines[1]).toBe('sud_past_year,2018-2019,US,12+,percent,7.41,7.2,7.62,confidence,DSM-IV_2015-2019,0,,"SAMHSA, 2018-2019 NSDUH State Estimates, Table 23. Substance Use Disorder in the Past Year: Percentages",');
  });

  it('exits 1 with the errors on stderr and nothing on stdout for an invalid file', () => {
    const r = npm('data:convert', '--', path.join('tests', 'fixtures', 'csv', 'S2-samhsa-unknown-state.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/row 14, column "State": “Puerto Rico” is not a state/);
  });

  it('produces a file that data:check accepts with the same observations (round trip)', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-cli-')), 'table23.csv');
    writeFileSync(out, npm('data:convert', '--', TABLE23).stdout);
    const r = npm('data:check', '--', '--json', out);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ ok: true, format: 'canonical', observations: 280 });
    expect(npm('data:convert', '--', out).stdout).toBe(readFileSync(out, 'utf8'));
  });
});
