import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { prefersOtherLanguage } from '@/lib/i18n/suggest';
import { NAV } from '@/lib/site/metadata';
import { LanguageSwitch } from './language-switch';
import { SiteFooter } from './site-footer';
import { SiteNav } from './site-nav';

/** Skip link, header with the main navigation and the language switch, main landmark and footer: every page but embeds. */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  const locale = await getLocale();
  const suggest = prefersOtherLanguage(locale, (await headers()).get('accept-language'));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="wrap">
          <Link prefetch={false} className="brand" href="/">
            {t('siteName')}
          </Link>
          <SiteNav items={NAV.map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }))} label={t('nav.label')} menu={t('nav.menu')} />
          <LanguageSwitch suggest={suggest} />
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
