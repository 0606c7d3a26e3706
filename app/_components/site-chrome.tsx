import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';
import { SiteNav } from './site-nav';
import { NAV } from '@/lib/site/metadata';

/** Skip link, header with the main navigation, main landmark and footer: every page but embeds. */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="wrap">
          <Link prefetch={false} className="brand" href="/">
            Substance Use Atlas
          </Link>
          <SiteNav items={NAV} />
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
