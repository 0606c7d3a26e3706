'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export interface NavItem {
  href: string;
  label: string;
}

/**
 * Main navigation. On a narrow screen it folds behind a Menu button once JavaScript runs; without
 * JavaScript the links simply stay visible.
 */
export function SiteNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // True once hydrated in the browser; false on the server, so the no-JavaScript page keeps its links visible.
  const enhanced = useSyncExternalStore(subscribe, () => true, () => false);
  // The menu is open for the page it was opened on; navigating closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav className={`site-nav${enhanced ? ' enhanced' : ''}${open ? ' open' : ''}`} aria-label="Main">
      {enhanced ? (
        <button type="button" className="menu-button" aria-expanded={open} aria-controls="main-menu" onClick={() => setOpenOn(open ? null : pathname)}>
          Menu
        </button>
      ) : null}
      <ul id="main-menu">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
