/**
 * The staff upload report reads like help: a repeated row is one error in the file's own words,
 * a Windows-1252 file shows the text it read, the live file again is a note and not an error, a
 * restore is previewed before it is confirmed, and the public changelog names a correction as one.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLabel } from '@/lib/admin/changes';
import { DATASET_NAME, DATASET_NAME_PATTERN } from '@/lib/admin/dataset-name';
import { analyseUpload } from '@/lib/admin/uploads';
import { ByteDecoder } from '@/lib/import/1-decode';
import { ingest } from '@/lib/import/ingest';

const ROOT = path.resolve(__dirname, '..', '..');
const TABLE_23 = path.join(ROOT, 'data', 'sources', 'samhsa-sae-2018-2019', 'percentages', 'NSDUHsaeExcelTab23-2019.csv');
const known = new Set(['sud_past_year']);

/** SAMHSA's Table 23 with the lines (1-based) listed in `repeat` written twice, each right after itself. */
function table23Repeating(...repeat: number[]): Buffer {
  const lines = readFileSync(TABLE_23, 'latin1').split('\n');
  const out = lines.flatMap((line, i) => (repeat.includes(i + 1) ? [line, line] : [line]));
  return Buffer.from(out.join('\n'), 'latin1');
}

describe('ObservationRules.finish() reports a repeated row once, in the file’s words', () => {
  it('a state listed twice in a SAMHSA table (five age groups) is one error naming both rows and the state', async () => {
    const delaware = readFileSync(TABLE_23, 'latin1').split('\n').findIndex((l) => /^\d+,Delaware,/.test(l)) + 1;
    expect(delaware).toBeGreaterThan(1);
    const result = await ingest(table23Repeating(delaware), { knownIndicators: known });
    expect(result.ok).toBe(false);
    const repeats = result.errors.filter((e) => e.code === 'primary-key');
    expect(repeats).toHaveLength(1);
    expect(result.errorCount).toBe(1);
    expect(repeats[0]).toMatchObject({ row: delaware + 1, column: null });
    expect(repeats[0].message).toMatch(new RegExp(`^Row ${delaware + 1} repeats row ${delaware} \\(Delaware\\): `));
    expect(repeats[0].message).toContain('ages 12+, 12-17, 18-25, 26+, 18+');
    expect(repeats[0].message).not.toContain('revision');
  });

  it('counts mistakes, not cells: two repeated states are two errors', async () => {
    const lines = readFileSync(TABLE_23, 'latin1').split('\n');
    const at = (name: string) => lines.findIndex((l) => new RegExp(`^\\d+,${name},`).test(l)) + 1;
    const result = await ingest(table23Repeating(at('Delaware'), at('Ohio')), { knownIndicators: known });
    expect(result.errorCount).toBe(2);
    expect(result.errors.map((e) => e.message.slice(0, e.message.indexOf(':')))).toEqual([
      `Row ${at('Delaware') + 1} repeats row ${at('Delaware')} (Delaware)`,
      `Row ${at('Ohio') + 2} repeats row ${at('Ohio') + 1} (Ohio)`,
    ]);
  });

  it('a repeated canonical row names the place and the key as the file writes it', async () => {
    const result = await ingest(readFileSync(path.join(ROOT, 'tests/fixtures/csv/R3-duplicate-row.csv')), { knownIndicators: known });
    expect(result.errorCount).toBe(1);
    expect(result.errors[0].message).toBe('Row 5 repeats row 2 (United States): both hold sud_past_year for US, ages 12+, 2018-2019, in percent. Keep one of them.');
  });
});

describe('ByteDecoder samples what it read as Windows-1252', () => {
  const file = Buffer.concat([
    Buffer.from('a,b\r\nplain,ascii\r\n', 'latin1'),
    Buffer.from([0x4d, 0x6f, 0x6e, 0x74, 0x72, 0xe9, 0x61, 0x6c, 0x2c, 0x6f, 0x6b, 0x0d, 0x0a]), // Montréal,ok CRLF
    Buffer.from('x,"Nuevo M', 'latin1'),
    Buffer.from([0xe9, 0x78, 0x69, 0x63, 0x6f, 0x20, 0x97, 0x20, 0x4e, 0x4d, 0x22, 0x0a]), // éxico — NM"
  ]);

  it('keeps the line and the cell of each character beyond ASCII, whatever the chunks', () => {
    for (const size of [1, 3, 7, file.length]) {
      // Byte by byte, a cell is never cut at a chunk's edge, and a CRLF split in two is one line break.
      const d = new ByteDecoder('auto');
      let text = '';
      for (let i = 0; i < file.length; i += size) text += d.decode(file.subarray(i, i + size));
      text += d.end();
      expect(d.fellBack).toBe(true);
      expect(text).toContain('Montréal');
      expect(d.samples, `chunks of ${size} bytes`).toEqual([
        { line: 3, text: 'Montréal' },
        { line: 4, text: 'Nuevo México — NM' },
      ]);
    }
  });

  it('the file warning quotes them', async () => {
    const result = await ingest(readFileSync(path.join(ROOT, 'tests/fixtures/csv/E3a-valid-windows-1252.csv')), { knownIndicators: known, collect: true });
    expect(result.ok).toBe(true);
    const warning = result.warnings.find((w) => w.code === 'encoding-fallback');
    expect(warning?.message).toContain('line 4: “Montréal — ok”');
  });
});

describe('changeLabel(change) says what a publish did', () => {
  it('calls a correction of existing values a correction, not new data', () => {
    expect(changeLabel({ kind: 'publish', added: 0, removed: 0, changed: 3 })).toBe('corrections to figures already published');
    expect(changeLabel({ kind: 'publish', added: 0, removed: 0, changed: 1 })).toBe('a correction to figures already published');
    expect(changeLabel({ kind: 'publish', added: 40, removed: 0, changed: 0 })).toBe('new data');
    expect(changeLabel({ kind: 'publish', added: 0, removed: 2, changed: 0 })).toBe('figures taken out');
    expect(changeLabel({ kind: 'publish', added: 5, removed: 1, changed: 2 })).toBe('corrections to figures already published, new data and a figure taken out');
    expect(changeLabel({ kind: 'rollback', added: 0, removed: 0, changed: 1 })).toBe('an earlier version restored');
  });
});

describe('DATASET_NAME_PATTERN', () => {
  it('compiles with the v flag browsers use for the pattern attribute, and agrees with the server', () => {
    const browser = new RegExp(`^(?:${DATASET_NAME_PATTERN})$`, 'v');
    for (const name of ['state-estimates', 'abc', 'a1-b2', 'Bad', 'no_underscore', '-dash', 'dash-', 'ab']) expect(browser.test(name), name).toBe(DATASET_NAME.test(name));
    expect(DATASET_NAME.test('state-estimates-2030')).toBe(true);
    expect(DATASET_NAME.test('State')).toBe(false);
  });
});

describe('analyseUpload(the live file)', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'atlas-staff-report-'));
    process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
    process.env.ATLAS_DATA_DIR = path.join(work, 'data');
    mkdirSync(process.env.ATLAS_DATA_DIR);
    for (const f of ['datapackage.json', 'national-estimates.csv']) copyFileSync(path.join(ROOT, 'data', f), path.join(work, 'data', f));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    delete process.env.ATLAS_PRIVATE_DIR;
    delete process.env.ATLAS_DATA_DIR;
  });

  it('is a note that there is nothing to publish, not an error', async () => {
    const bytes = readFileSync(path.join(work, 'data', 'national-estimates.csv'));
    const report = await analyseUpload({ bytes, fileName: 'same.csv', dataset: 'national-estimates', mode: 'replace', user: 'ed@example.org' });
    expect(report).toMatchObject({ ok: false, sameAsLive: true, errorCount: 0, errors: [], warnings: [] });
  });
});
