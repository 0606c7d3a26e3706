/**
 * Text cell → typed value, from the schema. Never guesses: a cell either is exactly the type the
 * schema names or becomes an error that says what is wrong with it and how to write it instead.
 */
import { ageGroupFromLabel } from '../vocabulary/age-groups';
import { geographyCodeFromName } from '../vocabulary/geography';
import { showText } from './issues';
import type { SchemaField } from '../vocabulary/schema';

export type Cast<T> = { ok: true; value: T } | { ok: false; code: 'type-error' | 'constraint-error'; message: string };

const BARE_DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** No NSDUH figure comes near this (the US population is about 3.4 × 10^8); it keeps numbers in plain notation. */
const MAX_MAGNITUDE = 1e15;
const BARE_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Why `text` is not a bare decimal number, in words a spreadsheet user can act on. */
function numberProblem(text: string): string {
  const t = showText(text);
  if (/^\s|\s$/.test(text)) return `${t} has spaces around it; remove them.`;
  if (/%$/.test(text)) return `${t} is not a plain number: write it without the % sign (the unit column says what it measures).`;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return `${t} has a thousands separator: write it as ${text.replace(/,/g, '')}.`;
  if (/^-?\d+,\d+$/.test(text)) return `${t} uses a decimal comma: write it with a point, as ${text.replace(',', '.')}.`;
  if (/^-?[\d.]+e[+-]?\d+$/i.test(text)) return `${t} is in scientific notation: write the number out in full.`;
  if (/^\+/.test(text)) return `${t} starts with a plus sign: write it without the sign.`;
  if (/^-?\.\d+$/.test(text)) return `${t} needs a digit before the decimal point: write it as ${text.replace('.', '0.')}.`;
  if (/^-?0\d/.test(text)) return `${t} has a leading zero: write it as ${String(Number(text))}.`;
  if (/^-?\d+\.$/.test(text)) return `${t} ends with a decimal point: write it as ${text.slice(0, -1)}.`;
  if (/^[$€£]/.test(text)) return `${t} has a currency sign; write only the number.`;
  return `${t} is not a number.`;
}

const PATTERN_HELP = new Map<string, string>([
  ['period', 'a survey year such as 2014 or two pooled years such as 2018-2019'],
  ['indicator', 'a valid indicator identifier: lower-case letters, digits and underscores, starting with a letter (e.g. sud_past_year)'],
  ['qualifiers', 'a list of qualifier codes separated by semicolons (e.g. rounded_to_zero)'],
  ['source', 'allowed to start with =, +, -, @, a tab or a line break: spreadsheets run such text as a formula. Start it with a word (or put it in quotes inside the text)'],
  ['note', 'allowed to start with =, +, -, @, a tab or a line break: spreadsheets run such text as a formula. Start it with a word'],
]);

/** Hints that know the domain: a state's name where its code belongs, an age label where a code belongs. */
function domainHint(field: string, text: string): string | undefined {
  if (field === 'geography') {
    const code = geographyCodeFromName(text);
    if (code) return ` Use its code “${code}”.`;
    return ' Use US, a census region (Northeast, Midwest, South, West) or a two-letter state code such as CA.';
  }
  if (field === 'age_group') {
    const code = ageGroupFromLabel(text);
    if (code && code !== text) return ` Write it as “${code}”.`;
  }
  return undefined;
}

function enumHint(text: string, allowed: readonly string[]): string {
  const folded = text.trim().toLowerCase();
  const near = allowed.find((a) => a.toLowerCase() === folded);
  if (near) return ` Did you mean “${near}”?`;
  const list = allowed.length <= 12 ? allowed.join(', ') : `${allowed.slice(0, 10).join(', ')}, …`;
  return ` Allowed values: ${list}.`;
}

/** Casts one cell. Empty text is "missing": allowed unless the field is required. */
export function castCell(field: SchemaField, text: string): Cast<string | number | null> {
  const c = field.constraints ?? {};
  if (text === '') {
    return c.required
      ? { ok: false, code: 'constraint-error', message: `A value is required in column “${field.name}”.` }
      : { ok: true, value: null };
  }
  if (field.type === 'number' || field.type === 'integer') {
    const pattern = field.type === 'integer' ? BARE_INTEGER : BARE_DECIMAL;
    if (!pattern.test(text)) {
      const message =
        field.type === 'integer' && BARE_DECIMAL.test(text) ? `${showText(text)} must be a whole number.` : numberProblem(text);
      return { ok: false, code: 'type-error', message };
    }
    const value = Number(text);
    if (Math.abs(value) >= MAX_MAGNITUDE || (field.type === 'integer' && !Number.isSafeInteger(value))) {
      return { ok: false, code: 'type-error', message: `${showText(text)} is implausibly large for a survey estimate.` };
    }
    if (c.minimum !== undefined && value < c.minimum) {
      return {
        ok: false,
        code: 'constraint-error',
        message: c.minimum === 0 ? `${showText(text)} is negative; estimates and intervals cannot be below 0.` : `${showText(text)} is below the minimum ${c.minimum}.`,
      };
    }
    return { ok: true, value: value === 0 ? 0 : value }; // never -0
  }
  if (c.enum && !c.enum.includes(text)) {
    return {
      ok: false,
      code: 'constraint-error',
      message: `${showText(text)} is not a known ${field.title.toLowerCase()}.${domainHint(field.name, text) ?? enumHint(text, c.enum)}`,
    };
  }
  if (c.pattern && !new RegExp(c.pattern).test(text)) {
    const expected = PATTERN_HELP.get(field.name) ?? `the expected form for ${field.title.toLowerCase()}`;
    return { ok: false, code: 'constraint-error', message: `${showText(text)} is not ${expected}.` };
  }
  if (c.maxLength !== undefined && text.length > c.maxLength) {
    return { ok: false, code: 'constraint-error', message: `The ${field.title.toLowerCase()} is ${text.length} characters long; the limit is ${c.maxLength}.` };
  }
  return { ok: true, value: text };
}

/** Returned by `castFast` when the cell is invalid; call `castCell` for the reason. */
export const INVALID = Symbol('invalid');

/** A field's constraints, prepared once for the hot loop. */
export interface FieldSpec {
  numeric: boolean;
  integer: boolean;
  required: boolean;
  minimum: number;
  maxLength: number;
  allowed: ReadonlySet<string> | null;
  pattern: RegExp | null;
  /** Values that already passed the pattern (the same indicator or period recurs on thousands of rows). */
  passed: Set<string> | null;
  /** The last text that passed, since neighbouring rows often repeat it. */
  last: string;
}

export function compileField(field: SchemaField): FieldSpec {
  const c = field.constraints ?? {};
  const numeric = field.type !== 'string';
  return {
    numeric,
    integer: field.type === 'integer',
    required: c.required === true,
    minimum: c.minimum ?? -Infinity,
    maxLength: c.maxLength ?? Infinity,
    allowed: c.enum ? new Set(c.enum) : null,
    pattern: !numeric && c.pattern ? new RegExp(c.pattern) : null,
    passed: !numeric && c.pattern ? new Set() : null,
    last: '',
  };
}

/**
 * Casts a cell without building a message: the value, or INVALID (then `castCell` explains).
 * One plain function for every field keeps the call site monomorphic, which matters at a million rows.
 */
export function castFast(spec: FieldSpec, text: string): string | number | null | typeof INVALID {
  if (text === '') return spec.required ? INVALID : null;
  if (spec.numeric) {
    const value = bareNumber(text, spec.integer);
    if (value !== value || value < spec.minimum || Math.abs(value) >= MAX_MAGNITUDE || (spec.integer && !Number.isSafeInteger(value))) return INVALID;
    return value === 0 ? 0 : value;
  }
  if (text === spec.last) return text;
  if (spec.allowed !== null && !spec.allowed.has(text)) return INVALID;
  if (text.length > spec.maxLength) return INVALID;
  const passed = spec.passed;
  if (passed !== null && !passed.has(text)) {
    if (!(spec.pattern as RegExp).test(text)) return INVALID;
    if (passed.size < 10_000) passed.add(text);
  }
  if (text.length < 64) spec.last = text;
  return text;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The hot-path twin of BARE_DECIMAL / BARE_INTEGER, returning the value or NaN: an optional minus,
 * digits without a leading zero, and (for decimals) a point followed by digits. With at most 15
 * digits the value is digits ÷ 10^k, which IEEE division rounds exactly as Number() would
 * (both operands are exact doubles); longer numbers go through Number().
 */
function bareNumber(text: string, integer: boolean): number {
  const n = text.length;
  const negative = text.charCodeAt(0) === 45; // '-'
  let i = negative ? 1 : 0;
  if (i === n) return NaN;
  const first = text.charCodeAt(i);
  if (first < 48 || first > 57) return NaN;
  if (first === 48 && i + 1 < n && text.charCodeAt(i + 1) !== 46) return NaN; // leading zero
  let digits = 0;
  let mantissa = 0;
  let scale = 0;
  let point = false;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      if (point) scale++;
    } else if (ch === 46 && !point && !integer && i + 1 < n) {
      point = true;
    } else {
      return NaN;
    }
  }
  const value = digits <= 15 && scale < POWERS_OF_TEN.length ? mantissa / POWERS_OF_TEN[scale] : Number(text);
  return negative ? -value : value;
}
