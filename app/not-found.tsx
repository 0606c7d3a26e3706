import Link from 'next/link';
import { SiteChrome } from './_components/site-chrome';

export default function NotFound() {
  return (
    <SiteChrome>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>
        <Link prefetch={false} href="/">Go to the dashboard</Link> or <Link prefetch={false} href="/data">browse the data</Link>.
      </p>
    </SiteChrome>
  );
}
