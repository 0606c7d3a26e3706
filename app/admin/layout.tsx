import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentStaff } from '@/lib/admin/guard';

export const metadata: Metadata = { title: { default: 'Staff', template: '%s · Staff · Substance Use Atlas' }, robots: { index: false, follow: false } };

export const dynamic = 'force-dynamic';

/**
 * The staff area's frame. It shows who is signed in but guards nothing: every page and every
 * admin API route checks the session itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
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
        {children}
      </main>
    </>
  );
}
