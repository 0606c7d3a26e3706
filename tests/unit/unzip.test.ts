/**
 * SAMHSA's CSV zips: the same figures through a CSV and through an archive, and archives that
 * must be refused with a clear reason — zip-slip names, bombs, truncation, passwords, damage.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseUpload } from '@/lib/admin/uploads';
import { createZip } from '@/lib/format/zip';
import { readZip, unsafeMemberName, UNZIP_LIMITS, ZipError } from '@/lib/import/0-unzip';
import { ingest, ingestArchive } from '@/lib/import/ingest';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const INFO_ZIP = readFileSync(path.join(FIXTURES, 'zips', 'samhsa-2021-three-tables.zip'));
const table = (name: string) => readFileSync(path.join(ROOT, 'data', 'sources', 'samhsa-sae-2021', name.endsWith('.csv') ? 'percentages' : '', name));
const options = { knownIndicators: new Set<string>(), collect: true };

/** The message readZip refuses an archive with. */
function refusal(zip: Buffer, limits = UNZIP_LIMITS): string {
  try {
    readZip(zip, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(ZipError);
    return (err as Error).message;
  }
  throw new Error('the archive was accepted');
}

/** Offset of the central-directory entry of the archive's first member. */
const centralEntry = (zip: Buffer) => zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));

describe('readZip', () => {
  it('reads an Info-ZIP archive byte for byte, folders and text members included', () => {
    const members = readZip(INFO_ZIP);
    expect(members.map((m) => m.name)).toEqual(['NSDUHsaeExcelTab01-2021.csv', 'NSDUHsaeExcelTab25-2021.csv', 'CSV-File-Description.txt']);
    for (const m of members) expect(m.data.equals(table(m.name))).toBe(true);
  });

  it('gives the same observations through the archive as through each CSV', async () => {
    const { tables, skipped } = await ingestArchive(INFO_ZIP, options);
    expect(skipped).toEqual(['CSV-File-Description.txt']);
    for (const { member, result } of tables) {
      const direct = await ingest(table(member), options);
      expect(result.ok).toBe(true);
      expect(result.rows).toEqual(direct.rows);
      expect(result.rows).toHaveLength(280);
    }
  });

  it('refuses member names that would climb out of a folder, whatever else the archive holds', () => {
    for (const name of ['../evil.csv', 'tables/../../evil.csv', '/etc/passwd', 'C:/evil.csv', 'tables\\evil.csv', 'a\u0000.csv']) {
      expect(unsafeMemberName(name), name).not.toBeNull();
      const zip = createZip([{ name: 'ok.csv', data: table('NSDUHsaeExcelTab01-2021.csv') }, { name, data: Buffer.from('x') }], new Date('2021-01-01'));
      expect(refusal(zip)).toMatch(/refused/);
    }
    expect(unsafeMemberName('tables/2021/NSDUHsaeExcelTab01-2021.csv')).toBeNull();
  });

  it('refuses a bomb before inflating it: too large, too compressed, or larger than declared', () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const bomb = createZip([{ name: 'zeros.csv', data: zeros }], new Date('2021-01-01'));
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb)).toMatch(/expands \d+-fold/);
    expect(refusal(bomb, { ...UNZIP_LIMITS, maxMemberBytes: 10 * 1024 * 1024 })).toMatch(/MB uncompressed; at most 10 MB/);
    expect(refusal(bomb, { ...UNZIP_LIMITS, maxRatio: 1e9, maxTotalBytes: 1024 * 1024 })).toMatch(/more than 1 MB uncompressed/);

    // A member that declares 1 kB but inflates to 20 MB stops at the declared size.
    const liar = Buffer.from(bomb);
    const at = centralEntry(liar);
    liar.writeUInt32LE(1024, at + 24);
    expect(refusal(liar, { ...UNZIP_LIMITS, maxRatio: 1e9 })).toMatch(/damaged or larger than its table of contents says/);
  });

  it('refuses a truncated archive, a password-protected member, an unknown method and a bad checksum', () => {
    expect(refusal(INFO_ZIP.subarray(0, INFO_ZIP.length - 200))).toMatch(/incomplete|damaged/);
    expect(refusal(INFO_ZIP.subarray(0, 4000))).toMatch(/incomplete/);

    const locked = Buffer.from(INFO_ZIP);
    locked.writeUInt16LE(locked.readUInt16LE(centralEntry(locked) + 8) | 1, centralEntry(locked) + 8);
    expect(refusal(locked)).toMatch(/password-protected/);

    const bzip = Buffer.from(INFO_ZIP);
    bzip.writeUInt16LE(12, centralEntry(bzip) + 10);
    expect(refusal(bzip)).toMatch(/method this reader does not know \(12\)/);

    const stored = createZip([{ name: 'a.csv', data: Buffer.from('indicator\n') }], new Date('2021-01-01'));
    const damaged = Buffer.from(stored);
    damaged[40] ^= 0xff; // inside the deflated data
    expect(refusal(damaged)).toMatch(/damaged/);
  });

  it('refuses what is not a ZIP, and an archive without a CSV', async () => {
    expect(refusal(table('NSDUHsaeExcelTab01-2021.csv'))).toBe('This is not a ZIP archive.');
    const textOnly = createZip([{ name: 'readme.txt', data: Buffer.from('hello') }], new Date('2021-01-01'));
    await expect(ingestArchive(textOnly, options)).rejects.toThrow(/holds no CSV files \(only readme\.txt\)/);
  });

  it('adds up the members: many ordinary tables can exceed the total limit, and too many members are refused', () => {
    const ok = table('NSDUHsaeExcelTab01-2021.csv');
    const many = createZip(Array.from({ length: 3 }, (_, i) => ({ name: `t${i}.csv`, data: ok })), new Date('2021-01-01'));
    expect(refusal(many, { ...UNZIP_LIMITS, maxTotalBytes: ok.length * 2 })).toMatch(/uncompressed; split it/);
    expect(refusal(many, { ...UNZIP_LIMITS, maxMembers: 2 })).toMatch(/holds 3 members; at most 2/);
    expect(readZip(many).map((m) => m.name)).toEqual(['t0.csv', 't1.csv', 't2.csv']);
  });
});

describe('npm run data:check on a ZIP', () => {
  it('checks every CSV member as a file of its own', () => {
    const r = spawnSync('npm', ['run', '--silent', 'data:check', '--', 'tests/fixtures/zips/samhsa-2021-three-tables.zip'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OK tests/fixtures/zips/samhsa-2021-three-tables.zip › NSDUHsaeExcelTab01-2021.csv (samhsa-state-table, 280 observations)');
    expect(r.stdout).toContain('OK tests/fixtures/zips/samhsa-2021-three-tables.zip › NSDUHsaeExcelTab25-2021.csv (samhsa-state-table, 280 observations)');
  });
});

describe('npm run data:convert on a ZIP', () => {
  it('prints the canonical CSV of every table in the archive, header first', () => {
    const r = spawnSync('npm', ['run', '--silent', 'data:convert', '--', 'tests/fixtures/zips/samhsa-2021-three-tables.zip'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('indicator,period,geography,age_group,unit,estimate,ci_lower,ci_upper,interval_type,series,revision,qualifiers,source,note');
    expect(lines).toHaveLength(1 + 560);
    expect(lines).toContain('sud_past_year,2021,US,12+,percent,16.53,15.99,17.08,confidence,DSM-5_2021+,0,,"SAMHSA, 2021 NSDUH State Estimates, Table 25. Substance Use Disorder in the Past Year: Percentages",');
  });
});

describe('uploading a ZIP of SAMHSA tables', () => {
  it('adds every table of the archive as one change, and refuses an archive whose members overlap or hold a canonical file', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'atlas-zip-upload-'));
    process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
    process.env.ATLAS_DATA_DIR = path.join(work, 'data');
    mkdirSync(process.env.ATLAS_DATA_DIR);
    for (const f of ['datapackage.json', 'national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv']) copyFileSync(path.join(ROOT, 'data', f), path.join(work, 'data', f));
    try {
      const upload = (bytes: Buffer) => analyseUpload({ bytes, fileName: 'release.zip', dataset: 'state-estimates-2002-2019', mode: 'replace', user: 'ed@example.org' });

      const report = await upload(INFO_ZIP);
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.diff).toMatchObject({ added: 560, removed: 0, changed: 0 });
      expect(report.scope).toMatch(/^These 2 SAMHSA tables \(Table 1, Table 25; percent, 2021\) replace/);

      const twice = createZip(
        [
          { name: 'a/NSDUHsaeExcelTab01-2021.csv', data: table('NSDUHsaeExcelTab01-2021.csv') },
          { name: 'b/NSDUHsaeExcelTab01-2021.csv', data: table('NSDUHsaeExcelTab01-2021.csv') },
        ],
        new Date('2021-01-01'),
      );
      const overlap = await upload(twice);
      expect(overlap.ok).toBe(false);
      expect(overlap.errors[0].message).toMatch(/^b\/NSDUHsaeExcelTab01-2021\.csv and a\/NSDUHsaeExcelTab01-2021\.csv both hold illicit_drug_use_past_month/);

      const canonical = createZip([{ name: 'national.csv', data: readFileSync(path.join(ROOT, 'data', 'national-estimates.csv')) }], new Date('2021-01-01'));
      expect((await upload(canonical)).errors.map((e) => e.message)).toContain('national.csv: a canonical CSV is a whole dataset; upload it on its own, not inside an archive or workbook of SAMHSA tables.');

      const slip = createZip([{ name: '../../etc/NSDUHsaeExcelTab01-2021.csv', data: table('NSDUHsaeExcelTab01-2021.csv') }], new Date('2021-01-01'));
      expect((await upload(slip)).errors[0].message).toMatch(/climbs out of its folder/);
    } finally {
      rmSync(work, { recursive: true, force: true });
      delete process.env.ATLAS_PRIVATE_DIR;
      delete process.env.ATLAS_DATA_DIR;
    }
  });
});
