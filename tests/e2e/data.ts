/** Reads expected values from data/ so tests never hard-code a statistic. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const DATA = path.join(__dirname, '..', '..', 'data');

export type Row = Record<string, string>;

export function rows(file: string): Row[] {
  return Papa.parse<Row>(readFileSync(path.join(DATA, file), 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
}

export function findRow(file: string, match: Partial<Row>): Row {
  const found = rows(file).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (!found) throw new Error(`no row in ${file} matching ${JSON.stringify(match)}`);
  return found;
}
