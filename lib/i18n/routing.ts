import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE, LOCALES } from './locales';

export { LOCALES, DEFAULT_LOCALE, INTL_LOCALE, OG_LOCALE, isLocale, localePath, type Locale } from './locales';

/** next-intl's routing: /states in English, /es/states in Spanish; /en/states redirects to /states. */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'as-needed',
  // The address alone picks the language: Accept-Language only suggests (lib/i18n/suggest.ts),
  // and no cookie remembers a choice behind the visitor's back.
  localeDetection: false,
  localeCookie: false,
  // Alternates are written in each page's <head> (pageMetadata), not in a Link header as well.
  alternateLinks: false,
});
