'use client';

import type { ReactNode } from 'react';
import { registerVocabulary, type VocabularyTable } from '@/lib/i18n/vocabulary-registry';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Hands the page's data vocabulary (Spanish place names, age groups, series, units) to the
 * browser's lib/i18n/vocabulary before any chart renders: it renders before its children, on the
 * server and in the browser alike. English pages pass none.
 */
export function VocabularyRegistrar({ locale, table, children }: { locale: Locale; table: VocabularyTable | null; children: ReactNode }) {
  if (table) registerVocabulary(locale, table);
  return children;
}
