/**
 * The charts' words: the `charts` message namespace (messages/{locale}/charts.json), as a
 * translator. Components get it from useTranslations('charts') and hand it, with the locale, to
 * the functions here that write sentences (summaries, tooltips, empty and gap notes). Callers that
 * pass none (server code and tests written before the Spanish pages) get English, as before.
 * Numbers are formatted before they reach a message (lib/format/numbers), never by ICU.
 */
import type { useTranslations } from 'next-intl';
import { ageLabel, comparePlaces, placeName } from '../i18n/vocabulary';
import type { Locale } from '../i18n/locales';
import { STATES_BY_NAME } from '../vocabulary/geography';

/** The `charts` namespace's translator, as useTranslations('charts') gives it to a component. */
export type ChartsT = ReturnType<typeof useTranslations<'charts'>>;

let english: ChartsT | undefined;

/**
 * The English translator: the default of every function that writes words. Server code and the
 * unit tests register it by importing lib/charts/english.ts; the browser always passes the page's
 * own translator, so the English messages stay out of the dashboard's script (bench:bundle).
 */
export function englishT(): ChartsT {
  if (!english) throw new Error('lib/charts: no translator given. Pass useTranslations("charts"), or import lib/charts/english (server code) for English defaults.');
  return english;
}

/** Called once by lib/charts/english.ts. */
export function registerEnglishT(t: ChartsT): void {
  english ??= t;
}

/** An age group inside a sentence: "aged 18–25", "de 18 a 25 años". */
export function whoOf(age: string, locale: Locale): string {
  return ageLabel(age, locale).toLowerCase();
}

const byName: Partial<Record<Locale, Array<{ code: string; name: string }>>> = {};

/** The states and DC in alphabetical order of their names in a language, for pickers (Nueva York under N in Spanish). */
export function statesByName(locale: Locale): Array<{ code: string; name: string }> {
  const compare = comparePlaces(locale);
  return (byName[locale] ??= [...STATES_BY_NAME].sort((a, b) => compare(a.code, b.code)).map((g) => ({ code: g.code, name: placeName(g.code, locale) })));
}

/** "trastorno-por-consumo" from "Trastorno por consumo": lower case, no accents, words joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
