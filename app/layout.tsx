import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteFooter } from './_components/site-footer';
import { SiteNav } from './_components/site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Substance Use Atlas', template: '%s · Substance Use Atlas' },
  description: 'US substance use and treatment statistics from SAMHSA’s National Survey on Drug Use and Health, with their uncertainty and sources.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

const NAV = [
  { href: '/', label: 'Dashboard' },
  { href: '/data', label: 'Data' },
];

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
