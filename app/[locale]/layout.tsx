import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { clientMessages } from '@/lib/i18n/messages';
import { SPANISH_VOCABULARY } from '@/lib/i18n/vocabulary-data';
import { VocabularyRegistrar } from '@/app/_components/vocabulary-registrar';
import { isLocale, OG_LOCALE } from '@/lib/i18n/locales';
import { alternates } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';
import '../globals.css';
import '../styles/charts.css';
import '../styles/dashboard.css';
import '../styles/states.css';
import '../styles/iop.css';
import '../styles/embed.css';
import '../styles/admin.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/** Canonical and Open Graph addresses name the site as SITE_URL, or else the address the request came to. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: 'common' });
  const name = t('siteName');
  const description = t('siteDescription');
  return {
    metadataBase: new URL(await requestSiteBase()),
    title: { default: name, template: `%s · ${name}` },
    description,
    openGraph: { siteName: name, type: 'website', locale: OG_LOCALE[locale], title: name, description, url: '/' },
    twitter: { card: 'summary', title: name, description },
    alternates: alternates(locale, '/'),
  };
}

// Every page reads the live data (and gets a fresh CSP nonce), so nothing is prerendered.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111418' },
  ],
};

/**
 * The document of every public page, in the language of its address (/es/… in Spanish). Site
 * pages add the header and footer in (site)/layout.tsx; embeds stay bare. Client components get
 * only the messages they use (CLIENT_NAMESPACES), and on a Spanish page the data vocabulary.
 */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={clientMessages(locale)} timeZone="UTC">
          <VocabularyRegistrar locale={locale} table={locale === 'es' ? SPANISH_VOCABULARY : null}>
            {children}
          </VocabularyRegistrar>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
