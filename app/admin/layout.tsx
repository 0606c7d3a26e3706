import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { clientMessages } from '@/lib/i18n/messages';
import { currentStaff } from '@/lib/admin/guard';
import '../globals.css';
import '../styles/charts.css';
import '../styles/dashboard.css';
import '../styles/states.css';
import '../styles/iop.css';
import '../styles/embed.css';
import '../styles/admin.css';

export const metadata: Metadata = { title: { default: 'Staff', template: '%s · Staff · Substance Use Atlas' }, robots: { index: false, follow: false } };

export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * The staff area's frame. It shows who is signed in but guards nothing: every page and every
 * admin API route checks the session itself. It is a document of its own (the public pages'
 * is app/[locale]/layout.tsx): staff pages are in English only.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  // Where the public pages have their Español link, staff pages say why they have none.
  const staffOnly = (await getTranslations({ locale: 'en', namespace: 'common.language' }))('staffOnly');
  return (
    <html lang="en">
      <body>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header admin-header">
        <div className="wrap">
          <Link prefetch={false} className="brand" href="/admin">
            Substance Use Atlas · Staff
          </Link>
          <nav aria-label="Staff" className="admin-nav">
            {staff ? (
              <>
                <Link prefetch={false} href="/admin">Datasets</Link>
                <Link prefetch={false} href="/admin/audit">Audit log</Link>
              </>
            ) : null}
            <Link prefetch={false} href="/">Public site</Link>
            <span className="language-absent" lang="en">
              {staffOnly}
            </span>
            {staff ? (
              <form method="post" action="/api/admin/logout" className="sign-out">
                <span className="signed-in-as">{staff.email}</span>
                <button type="submit" className="secondary">
                  Sign out
                </button>
              </form>
            ) : null}
          </nav>
        </div>
      </header>
      <main id="main" className="wrap admin" tabIndex={-1}>
        {/* The upload preview draws the public charts, which take their words from next-intl. */}
        <NextIntlClientProvider locale="en" messages={clientMessages('en')} timeZone="UTC">
          {children}
        </NextIntlClientProvider>
      </main>
      </body>
    </html>
  );
}
