'use client';

import Link from 'next/link';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>This page could not be shown. The problem has been logged on the server; no data was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link prefetch={false} href="/">go to the dashboard</Link>.
      </p>
    </>
  );
}
