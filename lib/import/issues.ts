/**
 * Problems found while reading a file. Errors are values: every problem carries the row and
 * column a person can find in a spreadsheet, a stable code, and a plain-English message.
 */

/** Codes follow Frictionless Data's error names where one fits. */
export type IssueCode =
  | 'encoding-error'
  | 'format-error'
  | 'blank-label'
  | 'duplicate-label'
  | 'missing-label'
  | 'extra-label'
  | 'incorrect-label'
  | 'blank-row'
  | 'extra-cell'
  | 'missing-cell'
  | 'type-error'
  | 'constraint-error'
  | 'primary-key'
  | 'package-error';

export type WarningCode = 'encoding-fallback' | 'interval-type-assumed' | 'missing-geographies' | 'unused-metadata';

export interface Issue<Code extends string = IssueCode> {
  /** 1-based row as a spreadsheet shows it (the header is row 1); null when the problem is the whole file. */
  row: number | null;
  /** Column name as written in the file, or null when the problem is not about one column. */
  column: string | null;
  code: Code;
  message: string;
}

export type Warning = Issue<WarningCode>;

/** Keeps the first `limit` errors and counts the rest, so a broken 1 GB file cannot exhaust memory. */
export class IssueLog {
  readonly errors: Issue[] = [];
  readonly warnings: Warning[] = [];
  errorCount = 0;

  constructor(readonly limit = 500) {}

  error(row: number | null, column: string | null, code: IssueCode, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.limit) this.errors.push({ row, column, code, message });
  }

  warn(row: number | null, column: string | null, code: WarningCode, message: string): void {
    if (this.warnings.length < this.limit) this.warnings.push({ row, column, code, message });
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }

  get full(): boolean {
    return this.errors.length >= this.limit;
  }
}

/** Shows invisible characters (non-breaking spaces, zero-width spaces, tabs) so a message can point at them. */
export function showText(value: string, max = 60): string {
  const visible = value.replace(/[\u0000-\u001f\u007f-\u009f\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === '\t') return '\\t';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
  const clipped = visible.length > max ? `${visible.slice(0, max)}…` : visible;
  return `“${clipped}”`;
}

/** The first problem of a list, in a sentence: "(row 3, column ci_lower): The lower bound …". */
export function firstProblem(errors: readonly Issue[]): string {
  const e = errors[0];
  if (!e) return 'unknown problem';
  const where = [e.row != null ? `row ${e.row}` : null, e.column ? `column ${e.column}` : null].filter(Boolean).join(', ');
  return `${where ? `(${where}): ` : ''}${e.message}`;
}
