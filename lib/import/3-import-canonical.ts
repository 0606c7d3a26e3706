/**
 * Reads the canonical tidy CSV: checks the header against the schema (names, not order), casts
 * every cell from the schema, and hands complete observations to the shared rules.
 */
import { castCell, castFast, compileField, INVALID } from './3-cast';
import { showText, type IssueLog } from './issues';
import type { ObservationRules } from './4-validate';
import { CANONICAL_SCHEMA, type FieldName, type IntervalType, type Observation } from '../vocabulary/schema';

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
const SPECS = FIELDS.map((f) => compileField(f));
// Local aliases: when this module runs as CommonJS (tsx, the CLI), every use of an imported
// binding goes through a getter, which costs ~10% of the time at a million rows.
const cast = castFast;
const invalid: typeof INVALID = INVALID;
const EXPECTED = FIELDS.map((f) => f.name).join(', ');
/** Position of each field in the schema. */
const P = Object.fromEntries(FIELDS.map((f, k) => [f.name, k])) as Record<FieldName, number>;

export class CanonicalReader {
  /** Column index of each schema field in the file, or -1 when missing. */
  private readonly index = new Array<number>(FIELDS.length).fill(-1);
  private labels: string[] = [];
  /** Cast values of the current row, in schema order (reused from row to row). */
  private readonly values: Array<string | number | null> = new Array(FIELDS.length).fill(null);
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
    this.rules.finish();
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
    let valid = true;
    const values = this.values;
    for (let k = 0; k < FIELDS.length; k++) {
      const i = this.index[k];
      if (i === -1) continue;
      const value = cast(SPECS[k], record[i]);
      if (value === invalid) {
        valid = false;
        const problem = castCell(FIELDS[k], record[i]);
        if (!problem.ok) this.log.error(row, this.labels[i], problem.code, problem.message);
      } else {
        values[k] = value;
      }
    }
    if (!valid || !this.headerComplete) return;
    const qualifiers = values[P.qualifiers] as string | null;
    const o: Observation = {
      indicator: this.intern(values[P.indicator] as string),
      period: this.intern(values[P.period] as string),
      geography: this.intern(values[P.geography] as string),
      age_group: this.intern(values[P.age_group] as string),
      unit: this.intern(values[P.unit] as string),
      estimate: values[P.estimate] as number | null,
      ci_lower: values[P.ci_lower] as number | null,
      ci_upper: values[P.ci_upper] as number | null,
      interval_type: values[P.interval_type] as IntervalType | null,
      series: this.intern(values[P.series] as string),
      revision: values[P.revision] as number,
      qualifiers: qualifiers ? this.qualifierList(qualifiers) : NO_QUALIFIERS,
      source: this.intern(values[P.source] as string),
      note: this.intern((values[P.note] as string | null) ?? ''),
    };
    if (this.rules.check(o, row, sameName)) {
      this.observations++;
      this.sink?.(o, row);
    }
  }

  /**
   * One copy of each repeated text (a source is the same on thousands of rows): a large dataset
   * then holds each source once in memory, not once per row.
   */
  private texts = new Map<string, string>();
  private intern(text: string): string {
    const had = this.texts.get(text);
    if (had !== undefined) return had;
    if (this.texts.size < INTERN_MAX) this.texts.set(text, text);
    return text;
  }

  private qualifierLists = new Map<string, string[]>();
  /** Rows with the same qualifiers share one frozen list. */
  private qualifierList(text: string): string[] {
    let list = this.qualifierLists.get(text);
    if (!list) {
      list = Object.freeze(text.split(';')) as unknown as string[];
      if (this.qualifierLists.size < 1000) this.qualifierLists.set(text, list);
    }
    return list;
  }
}

const sameName = (field: FieldName) => field as string;
/** At most this many distinct texts are shared per file; past it, texts are kept as read. */
const INTERN_MAX = 50_000;
/** Shared by every row without qualifiers (most of them); frozen so no one can add to it. */
const NO_QUALIFIERS = Object.freeze([]) as unknown as string[];

function isBlank(record: string[]): boolean {
  const first = record[0];
  if (first.length > 0 && first.charCodeAt(0) > 32) return false; // the common case, without trimming every cell
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

