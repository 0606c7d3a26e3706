import type { MetadataRoute } from 'next';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { getPackage } from '@/lib/store/live';
import { LOCALES, localePath } from '@/lib/i18n/locales';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

/** Every public page in every language, each entry naming its alternates (hreflang). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = new URL(await requestSiteBase());
  const pkg = await getPackage();
  const updated = pkg.resources.map((r) => r.lastModified).sort().at(-1);
  const url = (path: string) => new URL(path, base).toString();
  const pages: Array<{ path: string; lastModified: string | undefined }> = [
    ...['/', '/states', '/iop', '/data', '/api', '/methodology'].map((path) => ({ path, lastModified: updated })),
    ...pkg.resources.map((r) => ({ path: `/datasets/${r.name}`, lastModified: r.lastModified })),
    ...GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => ({ path: `/states/${g.code}`, lastModified: updated })),
  ];
  return LOCALES.flatMap((locale) =>
    pages.map(({ path, lastModified }) => ({
      url: url(localePath(locale, path)),
      lastModified,
      alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l, url(localePath(l, path))])) },
    })),
  );
}
