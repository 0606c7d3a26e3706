/**
 * The data's own words in the reader's language: place names, age groups, comparability series,
 * units, qualifiers and the canonical CSV's columns. English comes from lib/vocabulary; Spanish from
 * data/sources/translations/es/vocabulary.json (the same text data:build writes into
 * datapackage.json beside the English). Small and free of server code, so charts use it in the
 * browser. Indicator titles and definitions are larger and reach pages through the localized
 * package instead (lib/data/localize.ts).
 */
import es from '@/data/sources/translations/es/vocabulary.json';
import { ageGroupLabel, ageGroupShortLabel } from '../vocabulary/age-groups';
import { GEOGRAPHIES, geographyName } from '../vocabulary/geography';
import { qualifierByCode } from '../vocabulary/qualifiers';
import { CANONICAL_SCHEMA } from '../vocabulary/schema';
import { seriesByName } from '../vocabulary/series';
import { unitByName } from '../vocabulary/units';
import { INTL_LOCALE, type Locale } from './locales';

type Table<T> = Record<string, T | undefined>;
const ES = {
  geography: es.geography as Table<string>,
  ageGroups: es.ageGroups as Table<{ label: string; shortLabel: string }>,
  series: es.series as Table<{ title: string; change: string; comparability: string }>,
  units: es.units as Table<{ label: string; description: string }>,
  qualifiers: es.qualifiers as Table<{ label: string; description: string }>,
  fields: es.fields as Table<{ title: string; description: string }>,
};

/** "New York" / "Nueva York"; "US" / "Estados Unidos". */
export function placeName(code: string, locale: Locale): string {
  return (locale === 'es' && ES.geography[code]) || geographyName(code);
}

/** "Aged 18–25" / "De 18 a 25 años". */
export function ageLabel(code: string, locale: Locale): string {
  return (locale === 'es' && ES.ageGroups[code]?.label) || ageGroupLabel(code);
}

/** "18–25" in both languages. */
export function ageShortLabel(code: string): string {
  return ageGroupShortLabel(code);
}

/** A comparability series' title, what changed when it began, and how it may be compared. */
export function seriesWords(name: string, locale: Locale): { title: string; change: string; comparability: string } | undefined {
  const s = seriesByName(name);
  if (!s) return undefined;
  const t = locale === 'es' ? ES.series[name] : undefined;
  return t ?? { title: s.title, change: s.change, comparability: s.comparability };
}

/** A unit's label ("% of those needing treatment") and description. */
export function unitWords(name: string, locale: Locale): { label: string; description: string } | undefined {
  const u = unitByName(name);
  if (!u) return undefined;
  return (locale === 'es' ? ES.units[name] : undefined) ?? { label: u.label, description: u.description };
}

/** A qualifier's label ("Derived re-publication") and description. */
export function qualifierWords(code: string, locale: Locale): { label: string; description: string } | undefined {
  const q = qualifierByCode(code);
  if (!q) return undefined;
  return (locale === 'es' ? ES.qualifiers[code] : undefined) ?? { label: q.label, description: q.description };
}

/** A column of the canonical CSV: its title ("Estimate") and description, for schema tables and READMEs. */
export function fieldWords(name: string, locale: Locale): { title: string; description: string } | undefined {
  const f = CANONICAL_SCHEMA.fields.find((x) => x.name === name);
  if (!f) return undefined;
  return (locale === 'es' ? ES.fields[name] : undefined) ?? { title: f.title ?? f.name, description: f.description ?? '' };
}

const collators: Partial<Record<Locale, Intl.Collator>> = {};

/** Orders two places by their names in a language (Nueva York sorts under N in Spanish). */
export function comparePlaces(locale: Locale): (a: string, b: string) => number {
  const collator = (collators[locale] ??= new Intl.Collator(INTL_LOCALE[locale]));
  return (a, b) => collator.compare(placeName(a, locale), placeName(b, locale));
}

/** Every code the Spanish file must name (tests/unit/messages.test.ts checks it does). */
export const VOCABULARY_CODES = { geography: GEOGRAPHIES.map((g) => g.code) };
