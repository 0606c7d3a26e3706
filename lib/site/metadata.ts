/** Site-wide names and per-page metadata (title, description, canonical URL, Open Graph). */
import type { Metadata } from 'next';
import { LOCALES, localePath, OG_LOCALE, type Locale } from '../i18n/locales';

export const SITE_NAME = 'Substance Use Atlas';

/** The public address, for absolute links in Open Graph tags and the sitemap. */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? 'http://localhost:3000');
}

/**
 * A page's canonical address in its own language, and its alternates in every language (hreflang),
 * with English as x-default: search engines then send a Spanish reader to /es/….
 */
export function alternates(locale: Locale, path: string): NonNullable<Metadata['alternates']> {
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((l) => [l, localePath(l, path)]));
  return { canonical: localePath(locale, path), languages: { ...languages, 'x-default': path } };
}

/** `absolute` titles skip the " · Substance Use Atlas" suffix (the home page names the site itself). */
export function pageMetadata(title: string, description: string, path: string, absolute = false, locale: Locale = 'en'): Metadata {
  const url = localePath(locale, path);
  return {
    title: absolute ? { absolute: title } : title,
    description,
    alternates: alternates(locale, path),
    openGraph: { title: `${title} · ${SITE_NAME}`, description, url, siteName: SITE_NAME, type: 'website', locale: OG_LOCALE[locale] },
    twitter: { card: 'summary', title: `${title} · ${SITE_NAME}`, description },
  };
}

/** The main navigation: addresses without a language (Link adds /es), labels in messages common.nav. */
export const NAV = [
  { href: '/', key: 'dashboard' },
  { href: '/states', key: 'states' },
  { href: '/iop', key: 'iop' },
  { href: '/data', key: 'data' },
  { href: '/methodology', key: 'methodology' },
] as const;

/**
 * Where to get help now. Names, details and labels are in messages common.help; the numbers are
 * the same in both languages (the Helpline and 988 answer in Spanish, FindTreatment.gov has a
 * Spanish interface).
 */
export const HELP_LINES = [
  { key: 'helpline', href: 'tel:+18006624357' },
  { key: 'findTreatment', href: 'https://findtreatment.gov' },
  { key: 'lifeline', href: 'tel:988' },
] as const;
