import type { MetadataRoute } from 'next';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { getPackage } from '@/lib/store/live';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = new URL(await requestSiteBase());
  const pkg = await getPackage();
  const updated = pkg.resources.map((r) => r.lastModified).sort().at(-1);
  const url = (path: string) => new URL(path, base).toString();
  return [
    ...['/', '/states', '/iop', '/data', '/api', '/methodology'].map((p) => ({ url: url(p), lastModified: updated })),
    ...pkg.resources.map((r) => ({ url: url(`/datasets/${r.name}`), lastModified: r.lastModified })),
    ...GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => ({ url: url(`/states/${g.code}`), lastModified: updated })),
  ];
}
