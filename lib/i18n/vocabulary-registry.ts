/**
 * Where a language's data vocabulary is registered (lib/i18n/vocabulary.ts reads it). Nothing
 * else lives here, so the layout's registrar adds almost nothing to every page's script.
 */
import type { Locale } from './locales';

export type Table<T> = Record<string, T | undefined>;

/** A language's words for the data's codes, as data/sources/translations/{locale}/vocabulary.json holds them. */
export interface VocabularyTable {
  geography: Table<string>;
  ageGroups: Table<{ label: string; shortLabel: string }>;
  series: Table<{ title: string; change: string; comparability: string }>;
  units: Table<{ label: string; description: string }>;
  qualifiers: Table<{ label: string; description: string }>;
}

const tables: Partial<Record<Locale, VocabularyTable>> = {};

/** Makes a language's table available (the same table for every request, so once is enough). */
export function registerVocabulary(locale: Locale, table: VocabularyTable): void {
  tables[locale] ??= table;
}

export function vocabularyTable(locale: Locale): VocabularyTable | undefined {
  return tables[locale];
}

/**
 * A table's entry for a code, or undefined: only the table's own keys, so a code such as
 * "constructor" (from an address, say) never finds Object.prototype's members.
 */
export function entry<T>(table: Table<T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
