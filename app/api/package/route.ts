import type { NextRequest } from 'next/server';
import { csvwFiles } from '@/lib/data/csvw';
import { documentPaths, readDocument } from '@/lib/data/documents';
import { packageReadme } from '@/lib/data/package-readme';
import type { DataPackage } from '@/lib/data/package';
import { getPackage, readPackageFiles } from '@/lib/store/live';
import { createZip } from '@/lib/format/zip';
import { conditionalResponse, etagOf, matches, preflight } from '@/lib/http/cache';
import { internalError, parseLang } from '@/lib/http/json';
import type { Locale } from '@/lib/i18n/locales';
import { siteUrlFromHeaders } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

/** ZIPs kept at once: one per address the site is reached at (its README names the address). */
const KEEP = 4;

/**
 * The ZIP of the newest data version, built once and served from memory until the data (or the
 * date printed in its README) changes. Building one is ~100 ms of deflate; without this cache a
 * few requests a second would keep the server busy. Concurrent first requests share one build.
 */
const zips: Map<string, { data: string; zip: Promise<Uint8Array> }> = ((globalThis as { __atlasZipCache2?: Map<string, { data: string; zip: Promise<Uint8Array> }> }).__atlasZipCache2 ??= new Map());

function packageZip(etag: string, dataKey: string, pkg: DataPackage, site: string, today: Date, lang: Locale): Promise<Uint8Array> {
  const hit = zips.get(etag);
  if (hit) return hit.zip;
  const build = (async () => {
    const documents = await Promise.all(documentPaths(pkg).map(async (name) => ({ name, data: await readDocument(pkg, name) })));
    const files = [
      ...(await readPackageFiles()),
      ...csvwFiles(pkg),
      ...documents.flatMap((d) => (d.data ? [{ name: d.name, data: d.data }] : [])),
      { name: 'README.md', data: Buffer.from(packageReadme(pkg, site, today, lang), 'utf8') },
    ];
    const updated = new Date(pkg.resources.map((r) => r.lastModified).sort().at(-1) ?? pkg.created);
    return createZip(files, updated);
  })();
  // Only the newest version of the data is worth keeping, for a few addresses at most.
  for (const [key, entry] of zips) if (entry.data !== dataKey) zips.delete(key);
  while (zips.size >= KEEP) zips.delete(zips.keys().next().value as string);
  zips.set(etag, { data: dataKey, zip: build });
  build.catch(() => zips.delete(etag));
  return build;
}

/**
 * GET /api/package — the whole data package as one ZIP: datapackage.json, every dataset's CSV
 * (byte for byte the live files, matching the hashes in the descriptor), each CSV's CSVW
 * metadata, the documents the sources cite (sources/nsduh-national/quotes.md) and a README with
 * the definitions, the methodology breaks and citations (dated today and naming the site's
 * address, hence both in the ETag). `?lang=es`: the README in Spanish (datapackage.json holds both
 * languages either way).
 */
export async function GET(request: NextRequest) {
  try {
    const lang = parseLang(request.nextUrl.searchParams);
    if ('error' in lang) return lang.error;
    const pkg = await getPackage();
    const today = new Date();
    const site = siteUrlFromHeaders(request.headers).origin;
    const dataKey = etagOf('zip', pkg.version, today.toISOString().slice(0, 10), ...pkg.resources.map((r) => r.hash));
    const etag = etagOf(dataKey, site, lang.lang);
    const filename = lang.lang === 'es' ? `substance-use-atlas-datos_v${pkg.version}.zip` : `substance-use-atlas-data_v${pkg.version}.zip`;
    if (matches(request, etag)) return await conditionalResponse(request, { etag, contentType: 'application/zip', filename, body: () => '' });
    const zip = await packageZip(etag, dataKey, pkg, site, today, lang.lang);
    return await conditionalResponse(request, { etag, contentType: 'application/zip', filename, body: () => zip });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
