/**
 * The data's own words in the reader's language: place names, age groups, comparability series,
 * units and qualifiers (the canonical CSV's columns: lib/i18n/columns.ts). English comes from
 * lib/vocabulary; Spanish from data/sources/translations/es/vocabulary.json (the same text
 * data:build writes into datapackage.json beside the English). Indicator titles and definitions
 * reach pages through the localized package instead (lib/data/localize.ts).
 *
 * The Spanish table is registered, not imported, so it never weighs on an English page's script:
 * on the server by lib/i18n/vocabulary-data.ts (loaded with every request's configuration), and
 * in the browser by the layout's <VocabularyRegistrar> from the page's own data (Spanish pages only).
 */
import { ageGroupLabel, ageGroupShortLabel } from '../vocabulary/age-groups';
import { compareStatesByName, geographyName } from '../vocabulary/geography';
import { qualifierByCode } from '../vocabulary/qualifiers';
import { seriesByName } from '../vocabulary/series';
import { unitByName } from '../vocabulary/units';
import { INTL_LOCALE, type Locale } from './locales';
import { entry, vocabularyTable } from './vocabulary-registry';

export { registerVocabulary, type VocabularyTable } from './vocabulary-registry';

const ES = {
  get geography() {
    return vocabularyTable('es')?.geography ?? {};
  },
  get ageGroups() {
    return vocabularyTable('es')?.ageGroups ?? {};
  },
  get series() {
    return vocabularyTable('es')?.series ?? {};
  },
  get units() {
    return vocabularyTable('es')?.units ?? {};
  },
  get qualifiers() {
    return vocabularyTable('es')?.qualifiers ?? {};
  },
};

/** "New York" / "Nueva York"; "US" / "Estados Unidos". */
export function placeName(code: string, locale: Locale): string {
  return (locale === 'es' && entry(ES.geography, code)) || geographyName(code);
}

/** "Aged 18–25" / "De 18 a 25 años". */
export function ageLabel(code: string, locale: Locale): string {
  return (locale === 'es' && entry(ES.ageGroups, code)?.label) || ageGroupLabel(code);
}

/** "18–25" in both languages. */
export function ageShortLabel(code: string): string {
  return ageGroupShortLabel(code);
}

/** A comparability series' title, what changed when it began, and how it may be compared. */
export function seriesWords(name: string, locale: Locale): { title: string; change: string; comparability: string } | undefined {
  const s = seriesByName(name);
  if (!s) return undefined;
  const t = locale === 'es' ? entry(ES.series, name) : undefined;
  return t ?? { title: s.title, change: s.change, comparability: s.comparability };
}

/** A unit's label ("% of those needing treatment") and description. */
export function unitWords(name: string, locale: Locale): { label: string; description: string } | undefined {
  const u = unitByName(name);
  if (!u) return undefined;
  return (locale === 'es' ? entry(ES.units, name) : undefined) ?? { label: u.label, description: u.description };
}

/** A qualifier's label ("Derived re-publication") and description. */
export function qualifierWords(code: string, locale: Locale): { label: string; description: string } | undefined {
  const q = qualifierByCode(code);
  if (!q) return undefined;
  return (locale === 'es' ? entry(ES.qualifiers, code) : undefined) ?? { label: q.label, description: q.description };
}

const collators: Partial<Record<Locale, Intl.Collator>> = {};

/**
 * Orders two states (or DC) by their names in a language (Nueva York sorts under N in Spanish).
 * English uses the prebuilt order of lib/vocabulary/geography and no collator, whose first
 * construction costs tens of milliseconds on a slow phone.
 */
export function comparePlaces(locale: Locale): (a: string, b: string) => number {
  if (locale === 'en') return compareStatesByName;
  const collator = (collators[locale] ??= new Intl.Collator(INTL_LOCALE[locale]));
  return (a, b) => collator.compare(placeName(a, locale), placeName(b, locale));
}
