import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SITE_NAME } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';
import './globals.css';
import './styles/charts.css';
import './styles/dashboard.css';
import './styles/states.css';
import './styles/iop.css';
import './styles/embed.css';
import './styles/admin.css';

const DESCRIPTION = 'US substance use and treatment statistics from SAMHSA’s National Survey on Drug Use and Health, with their uncertainty and sources.';

/** Canonical and Open Graph addresses name the site as SITE_URL, or else the address the request came to. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await requestSiteBase()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: DESCRIPTION,
    openGraph: { siteName: SITE_NAME, type: 'website', locale: 'en_US', title: SITE_NAME, description: DESCRIPTION, url: '/' },
    twitter: { card: 'summary', title: SITE_NAME, description: DESCRIPTION },
    alternates: { canonical: '/' },
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

/** The document. Site pages add the header and footer in (site)/layout.tsx; embeds stay bare. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
