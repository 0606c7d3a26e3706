/**
 * The languages of the public site, with no library behind them (lib/format and lib/charts use
 * these in the browser too). English lives at the root, Spanish under /es.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A page's [locale] segment as a Locale (the layout has already answered 404 for any other). */
export function pageLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * The locale numbers and dates are written in: US English, and US Spanish (a decimal point and
 * comma grouping, "21.5 millones", as US Spanish-language federal sites write them). Plain "es"
 * would write "21,5".
 */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/** Open Graph's form of the same. */
export const OG_LOCALE: Record<Locale, string> = { en: 'en_US', es: 'es_US' };

/** A site path in a language: localePath('es', '/states') → "/es/states"; English keeps the bare path. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : path.startsWith('/?') ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}
