/**
 * Text cell → typed value, from the schema. Never guesses: a cell either is exactly the type the
 * schema names or becomes an error that says what is wrong with it and how to write it instead.
 */
import { ageGroupFromLabel } from './age-groups';
import { geographyCodeFromName } from './geography';
import { showText } from './issues';
import type { SchemaField } from './schema';

export type Cast<T> = { ok: true; value: T } | { ok: false; code: 'type-error' | 'constraint-error'; message: string };

const BARE_DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
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

const PATTERN_HELP: Partial<Record<string, string>> = {
  period: 'a survey year such as 2014 or two pooled years such as 2018-2019',
  indicator: 'a valid indicator identifier: lower-case letters, digits and underscores, starting with a letter (e.g. sud_past_year)',
  qualifiers: 'a list of qualifier codes separated by semicolons (e.g. rounded_to_zero)',
};

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
    if (!Number.isFinite(value) || (field.type === 'integer' && !Number.isSafeInteger(value))) {
      return { ok: false, code: 'type-error', message: `${showText(text)} is too large.` };
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
    const expected = PATTERN_HELP[field.name] ?? `the expected form for ${field.title.toLowerCase()}`;
    return { ok: false, code: 'constraint-error', message: `${showText(text)} is not ${expected}.` };
  }
  if (c.maxLength !== undefined && text.length > c.maxLength) {
    return { ok: false, code: 'constraint-error', message: `The ${field.title.toLowerCase()} is ${text.length} characters long; the limit is ${c.maxLength}.` };
  }
  return { ok: true, value: text };
}

/** Returned by a compiled cast when the cell is invalid; call `castCell` for the reason. */
export const INVALID = Symbol('invalid');

/**
 * Compiles a field's cast once for the hot loop: returns the value, or INVALID without building a
 * message (the caller asks `castCell` for the message only when there is a problem).
 */
export function compileCast(field: SchemaField): (text: string) => string | number | null | typeof INVALID {
  const c = field.constraints ?? {};
  const required = c.required === true;
  if (field.type === 'string') {
    const pattern = c.pattern ? new RegExp(c.pattern) : null;
    const allowed = c.enum ? new Set(c.enum) : null;
    const maxLength = c.maxLength ?? Infinity;
    return (text) => {
      if (text === '') return required ? INVALID : null;
      if ((allowed && !allowed.has(text)) || (pattern && !pattern.test(text)) || text.length > maxLength) return INVALID;
      return text;
    };
  }
  const pattern = field.type === 'integer' ? BARE_INTEGER : BARE_DECIMAL;
  const minimum = c.minimum ?? -Infinity;
  return (text) => {
    if (text === '') return required ? INVALID : null;
    if (!pattern.test(text)) return INVALID;
    const value = Number(text);
    if (value < minimum || !Number.isFinite(value) || (field.type === 'integer' && !Number.isSafeInteger(value))) return INVALID;
    return value === 0 ? 0 : value;
  };
}
