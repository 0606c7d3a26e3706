/**
 * The floor for npm run bench:lighthouse: a bare Next.js page from the same Next.js and React the
 * site uses (this folder has no packages of its own; it resolves them from the repository's
 * node_modules). One heading and one paragraph, rendered per request like every page of the site.
 */
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Floor', description: 'A bare Next.js page: the floor the site is measured against.' };

export default function Layout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
