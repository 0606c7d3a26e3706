import type { Locale } from './locales';

/**
 * Whether a visitor reading the English site asked their browser for Spanish before English
 * (Accept-Language, by quality then order). Only ever used to offer a link: the address decides
 * the language, and nobody is redirected. A Spanish page never suggests English: its reader chose it.
 */
export function prefersOtherLanguage(locale: Locale, acceptLanguage: string | null): boolean {
  if (locale !== 'en' || !acceptLanguage) return false;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.q > 0 && (x.lang === 'en' || x.lang === 'es'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'es';
}
