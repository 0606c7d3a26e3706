/**
 * SAMHSA's state-table workbooks: every table sheet becomes the records SAMHSA's CSV export would
 * hold (displayed text per number format, header line breaks kept, rectangular rows), checked cell
 * by cell against the stored values read separately from the sheets' XML, and fed to the SAMHSA
 * table importer. Workbooks that must be refused (truncated, ZIP bombs, password-protected, not a
 * workbook) are built in memory.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { createZip } from '@/lib/format/zip';
import { readZip, ZipError } from '@/lib/import/0-unzip';
import { displayedNumber, readWorkbookTables, WorkbookError, WORKBOOK_LIMITS, type WorkbookTables } from '@/lib/import/0-xlsx';
import { ingest, ingestArchive, ingestRecords } from '@/lib/import/ingest';

/** SAMHSA's workbooks as kept in data/sources (the build reads the same bytes), by file name. */
const BOOKS = path.resolve(__dirname, '..', '..', 'data', 'sources', 'samhsa-sae-workbooks');
const PERIOD_OF = new Map(readdirSync(BOOKS).filter((p) => /^\d{4}-\d{4}$/.test(p)).flatMap((p) => readdirSync(path.join(BOOKS, p)).map((f) => [f, p] as const)));
const bookPath = (file: string) => path.join(BOOKS, PERIOD_OF.get(file) ?? 'missing', file);
const PERCENT_2017 = 'NSDUHsaeExcelTabs2017.xlsx';
const COUNTS_2016 = 'NSDUHsaeTotals2016.xlsx';
const COUNTS_2022 = '2022-nsduh-sae-totals-tables.xlsx';
const COUNTS_2014 = 'NSDUHsaeTotals2014.xlsx';
const COUNTS_2015 = 'NSDUHsaeTotals2015.xlsx';

const bytesCache = new Map<string, Buffer>();
const bytes = (file: string) => bytesCache.get(file) ?? bytesCache.set(file, readFileSync(bookPath(file))).get(file)!;
const readCache = new Map<string, WorkbookTables>();
const workbook = (file: string) => readCache.get(file) ?? readCache.set(file, readWorkbookTables(bytes(file))).get(file)!;

/** Reads a sheet's records with the importer, as ingestArchive does for every table sheet. */
const importTable = (records: string[][]) => ingestRecords(records, { knownIndicators: new Set(), collect: true });

/** The error a workbook is refused with. */
function refusal(data: Buffer): Error {
  try {
    readWorkbookTables(data);
  } catch (err) {
    expect(err instanceof WorkbookError || err instanceof ZipError, String(err)).toBe(true);
    return err as Error;
  }
  throw new Error('the workbook was accepted');
}

// ---- the stored values, read without the library: our ZIP reader and a minimal look at the XML ----

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()],
  );
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
};

interface RawCell {
  type: string | null;
  value: string;
}

/** Sheet name → cell reference ("C7") → the stored cell: its t attribute and its <v> (shared strings resolved). */
function storedCells(file: string): Map<string, Map<string, RawCell>> {
  const members = new Map(readZip(bytes(file), WORKBOOK_LIMITS).map((m) => [m.name, m.data.toString('utf8')]));
  const strings = [...(members.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join(''),
  );
  const targets = new Map(
    [...members.get('xl/_rels/workbook.xml.rels')!.matchAll(/<Relationship\b[^>]*>/g)].map((r) => {
      const target = attr(r[0], 'Target')!;
      return [attr(r[0], 'Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`];
    }),
  );
  const sheets = new Map<string, Map<string, RawCell>>();
  for (const s of members.get('xl/workbook.xml')!.matchAll(/<sheet\b[^>]*>/g)) {
    const xml = members.get(targets.get(attr(s[0], 'r:id')!)!)!;
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = attr(c[2], 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
      if (v === undefined) continue;
      cells.set(c[1], { type, value: type === 's' ? strings[Number(v)] : decodeXml(v) });
    }
    sheets.set(attr(s[0], 'name')!, cells);
  }
  return sheets;
}

/** round(stored × 10^shift), half up, from the stored decimal text ("4.4582506248590807E-3"). */
function roundStored(text: string, shift: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new Error(`not a non-negative number: ${text}`);
  const digits = BigInt(m[1] + (m[2] ?? ''));
  const k = Number(m[3] ?? 0) - (m[2] ?? '').length + shift;
  if (k >= 0) return digits * 10n ** BigInt(k);
  const div = 10n ** BigInt(-k);
  return digits / div + (2n * (digits % div) >= div ? 1n : 0n);
}
/** A stored proportion as SAMHSA prints it: ×100, two decimals, a % sign. */
const asPercent = (stored: string) => {
  const hundredths = roundStored(stored, 4);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
};
/** A stored count as SAMHSA prints it: whole thousands with separators. */
const asCount = (stored: string) => roundStored(stored, 0).toLocaleString('en-US');

const columnName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const PLACES = ['Total U.S.', 'Alabama', 'California', 'Wyoming'];

/** Checks Total U.S., Alabama, California and Wyoming of every table; returns the number of cells checked. */
function checkAgainstStored(file: string, show: (stored: string) => string): number {
  const stored = storedCells(file);
  let checked = 0;
  for (const { sheet, records } of workbook(file).tables) {
    const cells = stored.get(sheet)!;
    const header = records.findIndex((r) => r.includes('State'));
    expect(header, sheet).toBeGreaterThan(0);
    const stateCol = records[header].indexOf('State');
    for (const place of PLACES) {
      const index = records.findIndex((r) => r[stateCol] === place);
      expect(index, `${sheet}: ${place}`).toBeGreaterThan(header);
      const row = index + 1; // record i is the sheet's row i + 1
      expect(cells.get(`${columnName(stateCol)}${row}`)?.value, `${sheet} ${place}`).toBe(place);
      expect(records[index][0], `${sheet} ${place} Order`).toBe(cells.get(`A${row}`)?.value);
      for (let col = stateCol + 1; col < records[header].length; col++) {
        const ref = `${columnName(col)}${row}`;
        const cell = cells.get(ref);
        const expected = !cell ? '' : cell.type === 's' || cell.type === 'str' || cell.type === 'inlineStr' ? cell.value : show(cell.value);
        expect(records[index][col], `${sheet}!${ref} (${place}, ${records[header][col].replace(/\n/g, ' ')}) stored ${cell?.value}`).toBe(expected);
        checked++;
      }
    }
  }
  return checked;
}

describe('readWorkbookTables on SAMHSA’s workbooks', () => {
  it('reads every table sheet and skips the contents sheet', () => {
    const expected: Array<[string, number, string]> = [
      [PERCENT_2017, 31, 'TOC'],
      [COUNTS_2016, 30, 'Contents'],
      [COUNTS_2022, 37, 'TOC'],
      [COUNTS_2014, 26, 'Contents'],
      [COUNTS_2015, 15, 'Contents'],
    ];
    for (const [file, count, contents] of expected) {
      const { tables, skipped } = workbook(file);
      expect(skipped, file).toEqual([contents]);
      expect(tables.map((t) => t.sheet), file).toEqual(Array.from({ length: count }, (_, i) => `Table ${i + 1}`));
      for (const { sheet, records } of tables) {
        expect(records[0][0], `${file} ${sheet}`).toMatch(new RegExp(`^${sheet}\\. `));
        // Rectangular up to the last column that holds anything, and that column is used.
        const width = records[0].length;
        for (const r of records) expect(r.length, `${file} ${sheet}`).toBe(width);
        expect(records.some((r) => r[width - 1] !== ''), `${file} ${sheet}`).toBe(true);
        expect(records[records.length - 1].some((c) => c !== ''), `${file} ${sheet}: last record`).toBe(true);
        // 56 places: Total U.S., 4 regions, 50 states and DC.
        const header = records.findIndex((r) => r.includes('State'));
        expect(records.length - header - 1, `${file} ${sheet}`).toBe(56);
      }
    }
  });

  it('keeps header line breaks and shows numbers as the CSV exports do', () => {
    const pct = workbook(PERCENT_2017).tables[0].records;
    expect(pct[5].slice(0, 5)).toEqual(['Order', 'State', '12 or Older\nEstimate', '12 or Older\n95% CI (Lower)', '12 or Older\n95% CI (Upper)']);
    expect(pct[6].slice(0, 5)).toEqual(['1', 'Total U.S.', '10.90%', '10.64%', '11.17%']);
    expect(pct[0][1]).toBe('');

    const counts = workbook(COUNTS_2016).tables[0].records;
    expect(counts[6][2]).toBe('12 or Older\nEstimate');
    expect(counts[7].slice(0, 3)).toEqual(['1', 'Total U.S.', '27,822']);

    const recent = workbook(COUNTS_2022).tables[0].records;
    expect(recent[0][0]).toMatch(/^Table 1\. Illicit Drug Use in the Past Month: Among People Aged 12 or Older; by Age Group and State, Annual Average Numbers \(in Thousands\), 2021 and 2022/);
    expect(recent[6].slice(2, 5)).toEqual(['12+\nEstimate', '12+\n95% CI (Lower)', '12+\n95% CI (Upper)']);
    // A withheld figure stays as SAMHSA printed it.
    expect(workbook(COUNTS_2022).tables[8].records.flat()).toContain('--');
  });

  it('shows each stored proportion ×100 at two decimals, exactly (Total U.S., Alabama, California, Wyoming of every table)', () => {
    // 4 places × the numeric columns: 25 tables of five age groups (15), Tables 27-30 of adults (9),
    // Table 31 (12), Table 16 of two measures for ages 12 to 20 (6).
    expect(checkAgainstStored(PERCENT_2017, asPercent)).toBe(4 * (25 * 15 + 4 * 9 + 12 + 6));
  });

  it('shows each stored count rounded, with thousands separators (2015-2016, 2013-2014 and 2021-2022 layouts)', () => {
    for (const file of [COUNTS_2016, COUNTS_2014, COUNTS_2022]) expect(checkAgainstStored(file, asCount), file).toBeGreaterThan(1000);
  });
});

describe('displayedNumber (Excel’s text for plain number formats)', () => {
  it('rounds at the shown decimals without floating-point noise', () => {
    const cases: Array<[number, string, string]> = [
      [0.074123, '0.00%', '7.41%'],
      [0.07405, '0.00%', '7.41%'], // 7.405 is 7.404999… in binary; Excel shows 7.41%
      [0.074049999, '0.00%', '7.40%'],
      [0.10902329811320022, '0.00%', '10.90%'],
      [0, '0.00%', '0.00%'],
      [1, '0.00%', '100.00%'],
      [20331.4, '#,##0', '20,331'],
      [20331.5, '#,##0', '20,332'],
      [999.5, '#,##0', '1,000'],
      [1234567.891, '#,##0.0', '1,234,567.9'],
      [1.005, '0.00', '1.01'],
      [0.3, '0', '0'],
      [-0.3, '0', '0'],
      [-1234.5, '#,##0', '-1,235'],
      [56, 'General', '56'],
    ];
    for (const [value, format, text] of cases) expect(displayedNumber(value, format), `${value} ${format}`).toBe(text);
  });

  it('leaves other formats to the library', () => {
    for (const format of ['0.0E+00', 'mm/dd/yyyy', '#,##0;(#,##0)', '0.00_)', '@']) expect(displayedNumber(1.5, format), format).toBeNull();
    expect(displayedNumber(0.5, 'General')).toBeNull();
  });
});

describe('SAMHSA’s importer reading the workbooks’ tables', () => {
  /** Imports every table sheet of a workbook; returns sheet → result. */
  const importAll = (file: string) => new Map(workbook(file).tables.map((t) => [t.sheet, importTable(t.records)]));
  const groups = (records: string[][]) => records.find((r) => r.includes('State'))!.filter((c) => /estimate/i.test(c)).length;

  it('imports every table of 2015-2016 (counts) and 2016-2017 (percentages): 56 places × each column group', () => {
    for (const file of [COUNTS_2016, PERCENT_2017]) {
      const results = importAll(file);
      for (const { sheet, records } of workbook(file).tables) {
        const r = results.get(sheet)!;
        expect(r.errors, `${file} ${sheet}`).toEqual([]);
        expect(r.observations, `${file} ${sheet}`).toBe(56 * groups(records));
      }
    }
  });

  it('imports all 37 tables of 2021-2022, Table 24 with its one unnamed column group read as the title’s ages (12 to 20)', () => {
    const results = importAll(COUNTS_2022);
    expect([...results].filter(([, r]) => !r.ok)).toEqual([]);
    expect(workbook(COUNTS_2022).tables[23].records[6]).toEqual(['Order', 'State', 'Estimate', ' 95% CI (Lower)', ' 95% CI (Upper)']);
    const t24 = results.get('Table 24');
    expect(t24?.rows).toHaveLength(56);
    expect(new Set(t24?.rows.map((o) => `${o.indicator} ${o.age_group} ${o.period}`))).toEqual(new Set(['aud_past_year 12-20 2021-2022']));
  });

  it('imports 25 of the 26 tables of 2013-2014; Table 13 is refused for SAMHSA’s mislabelled last column', () => {
    const results = importAll(COUNTS_2014);
    const refused = [...results].filter(([, r]) => !r.ok);
    expect(refused.map(([sheet]) => sheet)).toEqual(['Table 13']);
    expect(refused[0][1].errors[0].message).toMatch(/two upper columns for “26 or Older”/);
  });

  it('imports 14 of the 15 tables of 2014-2015 (measures comparable across 2015); Table 8 is refused for the same mislabelled column', () => {
    const results = importAll(COUNTS_2015);
    const refused = [...results].filter(([, r]) => !r.ok);
    expect(refused.map(([sheet]) => sheet)).toEqual(['Table 8']);
    // The sheet holds an Excel table, whose headers must be unique, so Excel appended a "2".
    expect(refused[0][1].errors[0].message).toMatch(/Column “26 or Older\\n95% CI \(Upper\)2” is not an “… Estimate”/);
  });
});

describe('workbooks that are refused or skipped', () => {
  const csvZip = () => createZip([{ name: 'NSDUHsaeExcelTab01-2021.csv', data: Buffer.from('Table 1. x\n') }], new Date('2021-01-01'));

  it('refuses a truncated workbook', () => {
    const full = bytes(COUNTS_2015);
    const err = refusal(full.subarray(0, Math.floor(full.length / 2)));
    expect(err).toBeInstanceOf(ZipError);
    expect(err.message).toMatch(/^The workbook cannot be opened \(an \.xlsx file is a ZIP archive\)\. The archive is incomplete/);
  });

  it('refuses ZIP bombs before anything is inflated: a 50 MB member, and a member that expands a thousandfold', () => {
    const types = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') };
    const big = createZip([types, { name: 'xl/workbook.xml', data: Buffer.alloc(50 * 1024 * 1024) }], new Date('2021-01-01'));
    expect(big.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    const err = refusal(big);
    expect(err).toBeInstanceOf(ZipError);
    expect(err.message).toMatch(/“xl\/workbook\.xml” is 50 MB uncompressed; at most 20 MB are read/);
    expect(Date.now() - started).toBeLessThan(1000);

    const dense = createZip([types, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x20) }], new Date('2021-01-01'));
    expect(refusal(dense).message).toMatch(/“xl\/worksheets\/sheet1\.xml” expands \d+-fold, far more than a table does/);
  });

  it('refuses a member name that climbs out of its folder', () => {
    const members = readZip(bytes(COUNTS_2015), WORKBOOK_LIMITS);
    const evil = createZip([...members, { name: '../evil.xml', data: Buffer.from('x') }], new Date('2021-01-01'));
    expect(refusal(evil).message).toMatch(/The member "\.\.\/evil\.xml" climbs out of its folder with "\.\."; the archive was refused/);
  });

  it('refuses a workbook whose sheet is listed but missing, and one whose workbook part is not XML', () => {
    const members = readZip(bytes(COUNTS_2015), WORKBOOK_LIMITS);
    const missing = createZip(members.filter((m) => m.name !== 'xl/worksheets/sheet2.xml'), new Date('2021-01-01'));
    expect(refusal(missing).message).toMatch(/^The workbook is damaged: the sheet “Table 1” is listed but its contents are missing/);
    const garbage = createZip(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('not XML') },
      ],
      new Date('2021-01-01'),
    );
    const err = refusal(garbage);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err.message).toMatch(/^The workbook is damaged and cannot be read \(.+\)\. Open it in Excel and save it again as \.xlsx\.$/);
  });

  it('refuses a password-protected (OLE/CFB) workbook and an old .xls with one clear message', () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    const err = refusal(cfb);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err.message).toBe('This workbook is password-protected or an old .xls workbook; save it as .xlsx without a password.');
  });

  it('refuses a ZIP that is not a workbook, a CSV, and an empty file', () => {
    expect(refusal(csvZip()).message).toBe('This ZIP archive is not an Excel workbook: it has no xl/workbook.xml.');
    expect(refusal(Buffer.from('Table 1. Illicit Drug Use,,,\n')).message).toMatch(/not an Excel workbook \(\.xlsx\)/);
    expect(refusal(Buffer.alloc(0)).message).toBe('The file is empty.');
  });

  it('skips sheets that are not tables, and refuses a workbook that has none', () => {
    const table = workbook(PERCENT_2017).tables[0].records;
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['Contents'], ['Table 1. Illicit Drug Use in the Past Month (see the next sheet)']]), 'Contents');
    utils.book_append_sheet(book, utils.aoa_to_sheet(table), 'Table 1');
    utils.book_append_sheet(book, utils.aoa_to_sheet([]), 'Empty');
    utils.book_append_sheet(book, utils.aoa_to_sheet([[], ['', 'Notes'], ['', 'Table 2. is not here']]), 'Notes');
    const { tables, skipped } = readWorkbookTables(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(skipped).toEqual(['Contents', 'Empty', 'Notes']);
    expect(tables).toEqual([{ sheet: 'Table 1', records: table }]);
    expect(importTable(tables[0].records).ok).toBe(true);

    const none = utils.book_new();
    utils.book_append_sheet(none, utils.aoa_to_sheet([['Contents']]), 'Contents');
    const err = refusal(write(none, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err.message).toMatch(/The workbook has no SAMHSA table: no sheet starts with a title such as “Table 1\. .*\(sheets: Contents\)/);
  });
});

describe('one table through a workbook, a CSV and a ZIP', () => {
  it('gives identical observations every way, and data:check reads a workbook sheet by sheet', async () => {
    const { tables } = workbook(PERCENT_2017);
    const sheet = tables[0];
    // The sheet written out as SAMHSA's CSV export would be (every cell quoted).
    const csv = Buffer.from(`${sheet.records.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`, 'utf8');
    const options = { knownIndicators: new Set<string>(), collect: true };
    const fromSheet = importTable(sheet.records);
    const fromCsv = await ingest(csv, options);
    const fromZip = (await ingestArchive(createZip([{ name: 'NSDUHsaeExcelTab01-2017.csv', data: csv }], new Date('2018-01-01')), options)).tables[0].result;
    const fromWorkbook = (await ingestArchive(bytes(PERCENT_2017), options)).tables[0].result;
    expect(fromSheet.ok).toBe(true);
    expect(fromSheet.rows.length).toBeGreaterThan(200);
    for (const other of [fromCsv, fromZip, fromWorkbook]) expect(other.rows).toEqual(fromSheet.rows);

    const r = spawnSync('npm', ['run', '--silent', 'data:check', '--', path.relative(path.resolve(__dirname, '..', '..'), bookPath(COUNTS_2016))], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith(`OK ${path.relative(path.resolve(__dirname, '..', '..'), bookPath(COUNTS_2016))} › Table `))).toHaveLength(workbook(COUNTS_2016).tables.length);
  });
});
