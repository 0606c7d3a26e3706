/**
 * Numbers for people: "21.5 million", "7.4%", "20,331 thousand"; in US Spanish "21.5 millones"
 * (the same digits: a decimal point and comma grouping). `published` keeps every digit the
 * publisher printed; `short` rounds for headlines and axes. A count SAMHSA printed as 0 because it
 * is under half a unit reads "fewer than 500", never "0". The words are in messages/{locale}/format.json.
 */
import { createTranslator } from 'next-intl';
import enFormat from '../../messages/en/format.json';
import esFormat from '../../messages/es/format.json';
import { unitByName } from '../vocabulary/units';
import { plainNumber } from './csv';
import { INTL_LOCALE, type Locale } from '../i18n/locales';

type FormatKey = keyof typeof enFormat;
type Words = (key: FormatKey, values?: Record<string, string>) => string;

const translators: Partial<Record<Locale, Words>> = {};

/** The format words of a locale, through next-intl's translator (made once per locale). */
function words(locale: Locale): Words {
  return (translators[locale] ??= createTranslator({ locale, messages: { format: locale === 'es' ? esFormat : enFormat }, namespace: 'format' }) as unknown as Words);
}

export type Precision = 'published' | 'short';

/**
 * `value` in en-US digits: thousands grouped with commas, `digits` decimals (or as many as the
 * number has). The same text as Intl.NumberFormat('en-US') (tests/unit/numbers.test.ts compares
 * them), written out by hand because a phone spends a noticeable part of drawing the dashboard
 * inside Intl for its hundreds of labels, tooltips and table cells.
 */
export function en(value: number, digits?: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return value.toLocaleString('en-US', digits === undefined ? { maximumFractionDigits: 20 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Intl rounds the number's shortest decimal form (9.995 → "10.00"), not its binary value as
  // toFixed does ("9.99"), so the rounding is done on the digits.
  const text = plainNumber(Math.abs(value));
  const point = text.indexOf('.');
  let whole = point === -1 ? text : text.slice(0, point);
  let fraction = point === -1 ? '' : text.slice(point + 1);
  const most = digits ?? 20;
  if (fraction.length > most) {
    const up = fraction.charCodeAt(most) >= 53; // "5" or more: half away from zero
    let kept = whole + fraction.slice(0, most);
    if (up) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === '9') i--;
      kept = i < 0 ? `1${'0'.repeat(kept.length)}` : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(kept.length - i - 1);
    }
    whole = kept.slice(0, kept.length - most) || '0';
    fraction = kept.slice(kept.length - most);
  }
  fraction = digits === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(digits, '0');
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? `,${grouped}` : '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + grouped + (fraction ? `.${fraction}` : '');
}

/** People represented by a count in `unit` (thousands → × 1000); null for percentages. */
export function toPeople(value: number, unit: string): number | null {
  const u = unitByName(unit);
  return u?.kind === 'count' ? value * u.multiplier : null;
}

/** "21.5 million", "306 thousand", "7,748,000" for a number of people ("21.5 millones", "306 mil"). */
export function formatPeople(people: number, locale: Locale = 'en'): string {
  if (people >= 1e6) return words(locale)('million', { value: en(people / 1e6, 1) });
  if (people >= 1e4) return words(locale)('thousand', { value: en(Math.round(people / 1e3)) });
  return en(Math.round(people));
}

/** Decimal places written in a number (7.41 → 2, 22 → 0). */
export function decimalsOf(value: number): number {
  const text = plainNumber(value);
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** Publishers print percentages and millions with at least one decimal ("5.0%", "22.0 million"). */
function minimumDecimals(unit: string): number {
  return unit === 'millions' || unitByName(unit)?.kind === 'percent' ? 1 : 0;
}

/**
 * Decimal places to show for an observation's estimate and interval together: as many as the most
 * precise of them, so 7.41 (7.2 to 7.62) reads "7.41% (7.20% to 7.62%)" as SAMHSA printed it.
 */
export function displayDecimals(values: Array<number | null>, unit: string): number {
  let d = minimumDecimals(unit);
  for (const v of values) if (v !== null) d = Math.max(d, decimalsOf(v));
  return d;
}

export interface FormatOptions {
  precision?: Precision;
  /** A count printed as 0 stands for a value under half the unit. */
  roundedToZero?: boolean;
  /** Decimal places for `published` precision; defaults to the value's own (at least the unit's minimum). */
  decimals?: number;
  /** The language of the words ("million", "millones"); digits are the same in both. */
  locale?: Locale;
}

export function formatValue(value: number, unit: string, options: FormatOptions = {}): string {
  const { precision = 'published', roundedToZero = false, locale = 'en' } = options;
  const u = unitByName(unit);
  if (roundedToZero && value === 0 && u?.kind === 'count') {
    return words(locale)('fewerThan', { value: en(u.multiplier / 2) });
  }
  const decimals = options.decimals ?? displayDecimals([value], unit);
  if (!u || u.kind === 'percent') return `${en(value, precision === 'short' ? 1 : decimals)}%`;
  if (precision === 'short') return formatPeople(value * u.multiplier, locale);
  if (u.name === 'millions') return words(locale)('million', { value: en(value, decimals) });
  if (u.name === 'thousands') return words(locale)('thousand', { value: en(value, decimals) });
  return en(value, decimals);
}

/** "7.20% to 7.62%" ("de 7.20% a 7.62%") — an interval in the unit of its estimate. */
export function formatInterval(lower: number, upper: number, unit: string, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? displayDecimals([lower, upper], unit);
  return words(options.locale ?? 'en')('interval', { lower: formatValue(lower, unit, { ...options, decimals }), upper: formatValue(upper, unit, { ...options, decimals }) });
}

type Formattable = { estimate: number | null; ci_lower: number | null; ci_upper: number | null; unit: string; qualifiers: readonly string[] };
type Formatted = { estimate: string; interval: string | null };

/**
 * The text of each observation, by locale and precision, made once: a dashboard writes the same
 * figure in a chart, its tooltip, its accessible name, its summary and its table. Observations are
 * never changed once loaded, so an object's text cannot go stale.
 */
const formatted = new WeakMap<object, Partial<Record<`${Locale}:${Precision}`, Formatted>>>();

/** An observation's estimate and interval, formatted together at one precision. */
export function formatObservation(o: Formattable, precision: Precision = 'published', locale: Locale = 'en'): Formatted {
  let byPrecision = formatted.get(o);
  if (!byPrecision) {
    byPrecision = {};
    formatted.set(o, byPrecision);
  }
  return (byPrecision[`${locale}:${precision}`] ??= formatFresh(o, precision, locale));
}

function formatFresh(o: Formattable, precision: Precision, locale: Locale): Formatted {
  const options: FormatOptions = {
    precision,
    roundedToZero: o.qualifiers.includes('rounded_to_zero'),
    decimals: displayDecimals([o.estimate, o.ci_lower, o.ci_upper], o.unit),
    locale,
  };
  return {
    estimate: o.estimate === null ? words(locale)('notPublished') : formatValue(o.estimate, o.unit, options),
    interval: o.ci_lower !== null && o.ci_upper !== null ? formatInterval(o.ci_lower, o.ci_upper, o.unit, options) : null,
  };
}

/** "2018–2019" for a pooled period (an en dash between years), "2014" for a single year. */
export function formatPeriod(period: string): string {
  return period.replace('-', '–');
}

/**
 * What a period is, in words: "the annual average of 2018 and 2019" for a pooled period,
 * "2021" for a single survey year.
 */
export function describePeriod(period: string, locale: Locale = 'en'): string {
  const m = /^(\d{4})-(\d{4})$/.exec(period);
  return m ? words(locale)('annualAverage', { first: m[1]!, second: m[2]! }) : period;
}

/** "a, b and c" ("a, b y c"): the site's lists have no serial comma. */
export function formatList(items: readonly string[], locale: Locale = 'en'): string {
  return items.length < 2 ? (items[0] ?? '') : words(locale)('list', { rest: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** "2009–2010", "2009–2010 and 2021–2022", "2009–2010, 2013–2014 and 2021–2022". */
export function formatPeriodList(periods: readonly string[], locale: Locale = 'en'): string {
  return formatList(periods.map(formatPeriod), locale);
}

/** "November 26, 2026", "26 de noviembre de 2026" (UTC, so server and browser agree). */
export function formatDate(iso: string, locale: Locale = 'en'): string {
  return new Date(iso).toLocaleDateString(INTL_LOCALE[locale], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** "Nov 26, 2026, 23:09 UTC"; "26 nov 2026, 23:09 (hora UTC)". */
export function formatDateTime(iso: string, locale: Locale = 'en'): string {
  return words(locale)('utc', { time: new Date(iso).toLocaleString(INTL_LOCALE[locale], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }) });
}
