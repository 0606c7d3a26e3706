/**
 * Reads the canonical tidy CSV: checks the header against the schema (names, not order), casts
 * every cell from the schema, and hands complete observations to the shared rules.
 */
import { compileCast, castCell, INVALID } from './cast';
import { showText, type IssueLog } from './issues';
import type { ObservationRules } from './rules';
import { CANONICAL_SCHEMA, type FieldName, type IntervalType, type Observation } from './schema';

export type ObservationSink = (o: Observation, row: number) => void;

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const normalise = (label: string) =>
  label
    .replace(/[\u00a0\u200b-\u200f\ufeff]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const FIELDS = CANONICAL_SCHEMA.fields;
const CASTS = FIELDS.map((f) => compileCast(f));
const EXPECTED = FIELDS.map((f) => f.name).join(', ');

export class CanonicalReader {
  /** Column index of each schema field in the file, or -1 when missing. */
  private readonly index = new Array<number>(FIELDS.length).fill(-1);
  private labels: string[] = [];
  private headerSeen = false;
  private headerComplete = false;
  private dataRows = 0;
  observations = 0;

  constructor(
    private readonly log: IssueLog,
    private readonly rules: ObservationRules,
    private readonly sink?: ObservationSink,
  ) {}

  /** Takes consecutive records; returns false when reading should stop. */
  consume(records: string[][], firstRow: number): boolean {
    let start = 0;
    if (!this.headerSeen) {
      this.headerSeen = true;
      if (!this.readHeader(records[0], firstRow)) return false;
      start = 1;
    }
    for (let i = start; i < records.length; i++) {
      this.readRow(records[i], firstRow + i);
      if (this.log.full) return false;
    }
    return true;
  }

  finish(): void {
    if (this.headerSeen && this.dataRows === 0 && this.log.ok) {
      this.log.error(1, null, 'format-error', 'The file has column names but no data rows.');
    }
  }

  private readHeader(labels: string[], row: number): boolean {
    this.labels = labels;
    if (/^sep=.?$/i.test(labels.join(','))) {
      this.log.error(row, null, 'format-error', 'The first line is an Excel “sep=” instruction, not the column names. Delete that line.');
      return false;
    }
    if (labels.length === 1) {
      const only = labels[0];
      const sep = only.includes(';') ? 'semicolons' : only.includes('\t') ? 'tabs' : only.includes('|') ? 'vertical bars' : null;
      if (sep) {
        this.log.error(row, null, 'format-error', `The columns are separated by ${sep}, not commas. Save the file as "CSV UTF-8 (Comma delimited)".`);
        return false;
      }
    }
    const seen = new Map<string, number>();
    labels.forEach((label, i) => {
      const column = label.trim() === '' ? `column ${columnLetter(i)}` : label;
      if (label.trim() === '') {
        this.log.error(row, column, 'blank-label', `Column ${columnLetter(i)} has no name. Name it, or delete the column if it is empty.`);
        return;
      }
      if (seen.has(label)) {
        this.log.error(row, label, 'duplicate-label', `Column name ${showText(label)} appears twice (columns ${columnLetter(seen.get(label) as number)} and ${columnLetter(i)}). Keep one.`);
        return;
      }
      seen.set(label, i);
      const exact = FIELDS.findIndex((f) => f.name === label);
      if (exact !== -1) {
        this.index[exact] = i;
        return;
      }
      const near = FIELDS.find((f) => f.name === normalise(label));
      if (near) {
        this.log.error(row, label, 'incorrect-label', `Column ${showText(label)} should be named exactly “${near.name}” (lower case, no spaces).`);
      } else {
        this.log.error(row, label, 'extra-label', `Column ${showText(label)} is not part of the canonical format. Remove or rename it. Expected columns: ${EXPECTED}.`);
      }
    });
    FIELDS.forEach((f, k) => {
      const misnamed = labels.some((l) => l !== f.name && normalise(l) === f.name);
      if (this.index[k] === -1 && !misnamed) {
        this.log.error(row, f.name, 'missing-label', `The required column “${f.name}” is missing.`);
      }
    });
    this.headerComplete = this.index.every((i) => i !== -1) && this.log.ok;
    return true;
  }

  private readRow(record: string[], row: number): void {
    if (isBlank(record)) {
      this.log.error(row, null, 'blank-row', 'This row is empty. Delete it.');
      return;
    }
    this.dataRows++;
    const width = this.labels.length;
    if (record.length !== width) {
      if (record.length > width) {
        this.log.error(
          row,
          `column ${columnLetter(width)}`,
          'extra-cell',
          `This row has ${record.length} values but the header has ${width} columns. A comma inside a value needs the value in double quotes.`,
        );
      } else {
        const column = this.labels[record.length] ?? `column ${columnLetter(record.length)}`;
        this.log.error(row, column, 'missing-cell', `This row has ${record.length} values but the header has ${width} columns; “${column}” and any columns after it are missing.`);
      }
      return;
    }
    const values: Array<string | number | null> = new Array(FIELDS.length);
    let valid = true;
    for (let k = 0; k < FIELDS.length; k++) {
      const i = this.index[k];
      if (i === -1) continue;
      const text = record[i];
      const value = CASTS[k](text);
      if (value === INVALID) {
        valid = false;
        const problem = castCell(FIELDS[k], text);
        if (!problem.ok) this.log.error(row, this.labels[i], problem.code, problem.message);
      } else {
        values[k] = value;
      }
    }
    if (!valid || !this.headerComplete) return;
    const o = toObservation(values);
    const at = (field: FieldName) => ({ row, column: field as string });
    if (this.rules.check(o, at)) {
      this.observations++;
      this.sink?.(o, row);
    }
  }
}

function isBlank(record: string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

const POS = Object.fromEntries(FIELDS.map((f, k) => [f.name, k])) as Record<FieldName, number>;

/** Builds an observation from cast values in schema order. */
function toObservation(v: Array<string | number | null>): Observation {
  const get = (name: FieldName) => v[POS[name]];
  const qualifiers = get('qualifiers') as string | null;
  return {
    indicator: get('indicator') as string,
    period: get('period') as string,
    geography: get('geography') as string,
    age_group: get('age_group') as string,
    unit: get('unit') as string,
    estimate: get('estimate') as number | null,
    ci_lower: get('ci_lower') as number | null,
    ci_upper: get('ci_upper') as number | null,
    interval_type: get('interval_type') as IntervalType | null,
    series: get('series') as string,
    revision: get('revision') as number,
    qualifiers: qualifiers ? qualifiers.split(';') : [],
    source: get('source') as string,
    note: (get('note') as string | null) ?? '',
  };
}
