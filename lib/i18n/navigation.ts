import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/** Links and hooks that keep the current language: <Link href="/states"> goes to /es/states on a Spanish page. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
