import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteFooter } from './_components/site-footer';
import { SiteNav } from './_components/site-nav';
import { NAV, SITE_NAME, siteUrl } from '@/lib/site/metadata';
import './globals.css';

const DESCRIPTION = 'US substance use and treatment statistics from SAMHSA’s National Survey on Drug Use and Health, with their uncertainty and sources.';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: DESCRIPTION,
  openGraph: { siteName: SITE_NAME, type: 'website', locale: 'en_US', title: SITE_NAME, description: DESCRIPTION, url: '/' },
  twitter: { card: 'summary', title: SITE_NAME, description: DESCRIPTION },
  alternates: { canonical: '/' },
};

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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link className="brand" href="/">
              Substance Use Atlas
            </Link>
            <SiteNav items={NAV} />
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
