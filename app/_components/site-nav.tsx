'use client';

import { Link, usePathname } from '@/lib/i18n/navigation';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * Main navigation: a row of links on wider screens; on a phone, a native disclosure ("Menu")
 * that works without JavaScript and renders collapsed from the start, so nothing shifts when
 * the page hydrates. CSS shows one of the two lists at each width. Addresses have no language:
 * Link adds /es on a Spanish page, and usePathname leaves it out.
 */
export function SiteNav({ items, label, menu }: { items: NavItem[]; label: string; menu: string }) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const links = () =>
    items.map((item) => (
      <li key={item.href}>
        <Link prefetch={false} href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
          {item.label}
        </Link>
      </li>
    ));
  return (
    <nav className="site-nav" aria-label={label}>
      <ul className="nav-row">{links()}</ul>
      <details
        className="nav-menu"
        onClick={(e) => {
          // Following a link closes the menu (the layout, and so this element, stays mounted).
          if ((e.target as HTMLElement).closest('a')) e.currentTarget.open = false;
        }}
      >
        <summary>{menu}</summary>
        <ul>{links()}</ul>
      </details>
    </nav>
  );
}
