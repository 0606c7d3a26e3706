/**
 * The package in a reader's language. datapackage.json keeps each translatable object's other
 * languages beside its English: `{ "title": "…", "translations": { "es": { "title": "…" } } }`
 * (indicators, series, units, qualifiers, comparability evidence, resources and the package
 * itself; written by npm run data:build from data/sources/translations/). A localized copy
 * puts the translation in the primary fields and drops `translations`; what has none stays
 * English. Source titles, SAMHSA's quotations and notes are never translated.
 */
import type { Locale } from '../i18n/locales';
import type { DataPackage } from './package';

/** Other languages of an object's words, beside the English. */
export type Translations<T> = { translations?: Partial<Record<Exclude<Locale, 'en'>, Partial<T>>> };

function localizeValue(value: unknown, locale: Exclude<Locale, 'en'>): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeValue(v, locale));
  if (value === null || typeof value !== 'object') return value;
  const { translations, ...rest } = value as Record<string, unknown> & Translations<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) out[k] = localizeValue(v, locale);
  return { ...out, ...(translations?.[locale] ?? {}) };
}

const localized = new WeakMap<DataPackage, DataPackage>();

/** The package with its words in `locale` (the stored package itself for English). Made once per package. */
export function localizePackage(pkg: DataPackage, locale: Locale): DataPackage {
  if (locale === 'en') return pkg;
  let copy = localized.get(pkg);
  if (!copy) {
    copy = { ...(localizeValue(pkg, locale) as DataPackage), language: locale };
    localized.set(pkg, copy);
  }
  return copy;
}
