/**
 * Reads SAMHSA's state-table Excel workbooks (one sheet per table, plus a contents sheet) into the
 * same records SAMHSA's CSV exports hold, so SamhsaTableReader reads either alike.
 *
 * Library: @e965/xlsx 0.20.3, an unmodified npm publication of SheetJS CE 0.20.3 (no dependencies,
 * Node ≥ 0.8), the release that fixes both advisories of the npm `xlsx` 0.18.5 (prototype
 * pollution, fixed in 0.19.3; ReDoS, fixed in 0.20.2); unlike exceljs and read-excel-file, which
 * return only stored values, it reads each cell's number format.
 *
 * Safety: an .xlsx is a ZIP. The bytes are first checked by our own readZip (member count, sizes,
 * compression ratio, zip-slip names, CRC-32), and the library is then handed a ZIP rebuilt from
 * those checked members only, so it never inflates anything readZip did not (its own ZIP reader
 * trusts local headers where ours trusts the table of contents). Password-protected workbooks (an
 * encrypted OLE/CFB file) and old .xls files are refused before any parsing.
 *
 * Cell text is what Excel shows, as SAMHSA's CSV exports print it: for the number formats these
 * workbooks use ("General", "0", "#,##0", "0.00%" and the like) it is rendered here with decimal
 * arithmetic — Excel's 15 significant digits, then half away from zero at the shown decimals — so
 * 0.074123 in "0.00%" is "7.41%" and 20331.4 in "#,##0" is "20,331", never 7.409999999999999;
 * any other format (dates, sections, literals) uses the library's own formatted text.
 */
import { read, type CellObject, type WorkBook } from '@e965/xlsx';
import { createZip } from '../format/zip';
import { isZip, readZip, ZipError, type UnzipLimits, type ZipMember } from './0-unzip';
import { looksLikeSamhsaTitle } from './3-import-samhsa-table';

/** A workbook that cannot be read, in words for the person who uploaded it. */
export class WorkbookError extends Error {}

export interface WorkbookTable {
  /** The sheet's name as its tab shows it ("Table 23"). */
  sheet: string;
  /**
   * The sheet's cells as text, row 1 first, column A first: rectangular up to the last row and
   * column holding any text, "" for an empty cell. Record i is the sheet's row i + 1.
   */
  records: string[][];
}

export interface WorkbookTables {
  /** Every sheet whose first non-empty cell is a table title ("Table N. …"), in tab order. */
  tables: WorkbookTable[];
  /** Names of the other sheets (contents, notes, charts), in tab order. */
  skipped: string[];
}

/**
 * Limits for the ZIP inside a workbook. SAMHSA's workbooks are under 1 MB with at most about 250
 * members, 2.1 MB uncompressed in all, 260 KB for the largest member (styles.xml) and a largest
 * compression ratio of 43 (styles.xml again); these leave wide room for a staff member's re-save.
 */
export const WORKBOOK_LIMITS: UnzipLimits = { maxMembers: 2000, maxMemberBytes: 20 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 250 };

/** Largest workbook file read (the staff upload limit). */
export const WORKBOOK_MAX_BYTES = 20 * 1024 * 1024;

/** Largest rows × columns of one table sheet (a SAMHSA table is about 63 × 17). */
export const MAX_SHEET_CELLS = 2_000_000;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Whether bytes start like an OLE compound file: an encrypted .xlsx, or an old .xls. */
export const isCompoundFile = (bytes: Uint8Array) => bytes.length >= 8 && CFB_MAGIC.equals(Buffer.from(bytes.buffer, bytes.byteOffset, 8));

/**
 * Every table sheet of an .xlsx workbook as the records SAMHSA's CSV export of that sheet holds,
 * ready for `SamhsaTableReader.consume(records, 1)`; the other sheets (contents, notes, charts) are
 * named in `skipped`. Throws ZipError when the ZIP itself is unsafe or damaged, and WorkbookError
 * for everything else: not an .xlsx, password-protected or .xls, unreadable, or no table sheet.
 */
export function readWorkbookTables(bytes: Buffer): WorkbookTables {
  if (bytes.length === 0) throw new WorkbookError('The file is empty.');
  if (bytes.length > WORKBOOK_MAX_BYTES) {
    throw new WorkbookError(`The workbook is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${WORKBOOK_MAX_BYTES / 1024 / 1024} MB are read (SAMHSA’s are under 2 MB).`);
  }
  if (isCompoundFile(bytes)) {
    throw new WorkbookError('This workbook is password-protected or an old .xls workbook; save it as .xlsx without a password.');
  }
  if (!isZip(bytes)) throw new WorkbookError('This file is not an Excel workbook (.xlsx): it does not start like one.');

  let members: ZipMember[];
  try {
    members = readZip(bytes, WORKBOOK_LIMITS);
  } catch (err) {
    if (err instanceof ZipError) throw new ZipError(`The workbook cannot be opened (an .xlsx file is a ZIP archive). ${err.message}`);
    throw err;
  }
  const names = new Set(members.map((m) => m.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw new WorkbookError('This is a binary Excel workbook (.xlsb); save it as .xlsx (Excel Workbook).');
    if (names.has('content.xml') && names.has('mimetype')) throw new WorkbookError('This is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel Workbook).');
    throw new WorkbookError('This ZIP archive is not an Excel workbook: it has no xl/workbook.xml.');
  }

  let book: WorkBook;
  try {
    // Only the members readZip checked, in a ZIP whose headers all agree (the date is irrelevant).
    const checked = createZip(members, new Date(Date.UTC(1980, 0, 1)));
    book = read(checked, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, sheetStubs: false, bookVBA: false });
  } catch (err) {
    throw new WorkbookError(`The workbook is damaged and cannot be read (${err instanceof Error ? err.message : String(err)}). Open it in Excel and save it again as .xlsx.`);
  }

  const tables: WorkbookTable[] = [];
  const skipped: string[] = [];
  for (const sheet of book.SheetNames) {
    const ws = book.Sheets[sheet];
    if (!ws) throw new WorkbookError(`The workbook is damaged: the sheet “${sheet}” is listed but its contents are missing. Open it in Excel and save it again as .xlsx.`);
    const records = sheetRecords(sheet, ws['!data']);
    if (records) tables.push({ sheet, records });
    else skipped.push(sheet);
  }
  if (tables.length === 0) {
    throw new WorkbookError(
      `The workbook has no SAMHSA table: no sheet starts with a title such as “Table 1. Illicit Drug Use in the Past Month, …” (sheets: ${book.SheetNames.slice(0, 10).join(', ') || 'none'}).`,
    );
  }
  return { tables, skipped };
}

/** The sheet's records if its first non-empty cell is a table title, else null. */
function sheetRecords(sheet: string, data: CellObject[][] | undefined): string[][] | null {
  if (!Array.isArray(data)) return null; // a chart sheet, or a sheet the library could not read
  const texts: Array<Array<[number, string]>> = [];
  let titleSeen = false;
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const cells: Array<[number, string]> = [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === '') continue;
      if (!titleSeen) {
        if (!looksLikeSamhsaTitle(text)) return null;
        titleSeen = true;
      }
      cells.push([c, text]);
      lastCol = Math.max(lastCol, c);
    }
    if (cells.length > 0) {
      texts[r] = cells;
      lastRow = r;
    }
  }
  if (!titleSeen) return null;
  const width = lastCol + 1;
  if ((lastRow + 1) * width > MAX_SHEET_CELLS) {
    throw new WorkbookError(`The sheet “${sheet}” spans ${lastRow + 1} rows and ${width} columns; a SAMHSA table is about 63 rows by 17 columns. Delete what is outside the table.`);
  }
  const records: string[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const record: string[] = new Array<string>(width).fill('');
    for (const [c, text] of texts[r] ?? []) record[c] = text;
    records.push(record);
  }
  return records;
}

/** A cell's text as Excel shows it (and as a CSV export prints it). */
export function cellText(cell: CellObject | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : (cell.w ?? '');
    case 'n':
      if (typeof cell.v !== 'number') return cell.w ?? '';
      return displayedNumber(cell.v, typeof cell.z === 'string' ? cell.z : 'General') ?? cell.w ?? String(cell.v);
    case 'b':
      return cell.w ?? (cell.v ? 'TRUE' : 'FALSE');
    case 'z':
      return '';
    default: // 'e' errors such as #N/A, 'd' dates
      return cell.w ?? (cell.v === undefined ? '' : String(cell.v));
  }
}

/** "0", "0.00", "#,##0", "#,##0.0", "0.00%", …: digits, optional thousands separators, decimals, percent. */
const PLAIN_FORMAT = /^(#,##)?0(?:\.(0+))?(%)?$/;

/**
 * The text Excel shows for `value` in a plain number format, exactly; null for a format this
 * function does not render (the caller then uses the library's text). Excel keeps 15 significant
 * digits and rounds half away from zero at the shown decimals.
 */
export function displayedNumber(value: number, format: string): string | null {
  if (!Number.isFinite(value)) return null;
  if (format === 'General') return Number.isInteger(value) && Math.abs(value) < 1e11 ? String(value) : null;
  const m = PLAIN_FORMAT.exec(format);
  if (!m) return null;
  const [, thousands, zeros, percent] = m;
  const decimals = zeros?.length ?? 0;
  if (decimals > 20) return null;

  // 15 significant digits as a digit string and the position of the decimal point within it.
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  const point = 1 + Number(exponent) + (percent ? 2 : 0);
  const keep = point + decimals; // digits before the rounding position
  let scaled = 0n;
  if (keep >= 0) {
    scaled = BigInt(digits.slice(0, keep).padEnd(keep, '0') || '0');
    if (keep < digits.length && digits[keep] >= '5') scaled += 1n;
  }
  const text = scaled.toString().padStart(decimals + 1, '0');
  let whole = text.slice(0, text.length - decimals);
  if (thousands) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && scaled !== 0n ? '-' : '';
  return `${sign}${whole}${decimals ? `.${text.slice(text.length - decimals)}` : ''}${percent ? '%' : ''}`;
}
