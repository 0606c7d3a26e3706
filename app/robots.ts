import type { MetadataRoute } from 'next';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/admin'] }],
    sitemap: new URL('/sitemap.xml', await requestSiteBase()).toString(),
  };
}
