'use client';

import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { usePathname } from '@/lib/i18n/navigation';
import { localePath, type Locale } from '@/lib/i18n/locales';

/**
 * A link to this same view in the other language: the same page and the same query (chosen
 * measure, state, years…), so a shared or bookmarked view survives the switch. It is a plain
 * link (the document, <html lang> and every server-written word change with it) and works
 * without JavaScript. `suggest` (the browser asked for Spanish first) adds a line in Spanish
 * offering the Spanish page; nothing ever redirects.
 */
export function LanguageSwitch({ suggest = false }: { suggest?: boolean }) {
  const t = useTranslations('common.language');
  const locale = useLocale();
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = localePath(other, pathname) + (query ? `?${query}` : '');
  return (
    <>
      <a className="language-switch" href={href} hrefLang={other} lang={other} aria-label={t('switchToLong')}>
        {t('switchTo')}
      </a>
      {suggest ? (
        <p className="language-suggestion" lang={other}>
          {t('suggestion')}{' '}
          <a href={href} hrefLang={other}>
            {t('suggestionAction')}
          </a>
        </p>
      ) : null}
    </>
  );
}
