/**
 * Writes observations as canonical CSV: the columns of the schema in order, LF line endings,
 * UTF-8 without a byte-order mark, numbers in plain decimal, empty cells for missing values.
 * Whatever this writes, the importer reads back to the same observations.
 */
import { CANONICAL_COLUMNS, type Observation } from '../vocabulary/schema';

/** A number in plain decimal notation (never 1e-7 or 1e+21), as the importer requires. */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** Quotes a text cell when it holds a comma, quote, line break, or edge whitespace (RFC 4180). */
export function quoteCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text a spreadsheet may run as a formula (OWASP CSV injection): a cell that starts with =, +, -
 * or @ — also after leading spaces, tabs or other blanks, which Excel and LibreOffice skip, and
 * in the full-width forms (＝＋－＠) that some spreadsheets fold to ASCII — or with a tab or a
 * line break.
 */
export const FORMULA_TRIGGER = /^(?:[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\u2212\ufe62\ufe63\ufe66]|[\t\r\n])/;

/**
 * Prefixes a text cell that would start a spreadsheet formula with an apostrophe, which Excel
 * and others show as plain text. Numbers are written from numbers and never pass through here.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Neutralise formula-like text cells (for files people open in spreadsheets). */
  neutralize?: boolean;
}

function cell(o: Observation, column: (typeof CANONICAL_COLUMNS)[number], options: CsvOptions): string {
  const value = o[column];
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  const text = Array.isArray(value) ? value.join(';') : value;
  return quoteCell(options.neutralize ? neutralizeFormula(text) : text);
}

export const CANONICAL_HEADER = CANONICAL_COLUMNS.join(',');

export function canonicalCsvRow(o: Observation, options: CsvOptions = {}): string {
  return CANONICAL_COLUMNS.map((c) => cell(o, c, options)).join(',');
}

export function toCanonicalCsv(observations: Iterable<Observation>, options: CsvOptions = {}): string {
  const lines = [CANONICAL_HEADER];
  for (const o of observations) lines.push(canonicalCsvRow(o, options));
  return `${lines.join('\n')}\n`;
}
