import type { NextRequest } from 'next/server';
import { packageReadme } from '@/lib/data/package-readme';
import type { DataPackage } from '@/lib/data/package';
import { getPackage, readPackageFiles } from '@/lib/data/store';
import { createZip } from '@/lib/format/zip';
import { conditionalResponse, etagOf, matches, preflight } from '@/lib/http/cache';
import { internalError } from '@/lib/http/json';
import { siteUrl } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

/**
 * The ZIP of the newest data version, built once and served from memory until the data (or the
 * date printed in its README) changes. Building one is ~100 ms of deflate; without this cache a
 * few requests a second would keep the server busy. Concurrent first requests share one build.
 */
const zips: Map<string, Promise<Uint8Array>> = ((globalThis as { __atlasZipCache?: Map<string, Promise<Uint8Array>> }).__atlasZipCache ??= new Map());

function packageZip(etag: string, pkg: DataPackage, today: Date): Promise<Uint8Array> {
  const hit = zips.get(etag);
  if (hit) return hit;
  const build = (async () => {
    const files = [...(await readPackageFiles()), { name: 'README.md', data: Buffer.from(packageReadme(pkg, siteUrl().toString(), today), 'utf8') }];
    const updated = new Date(pkg.resources.map((r) => r.lastModified).sort().at(-1) ?? pkg.created);
    return createZip(files, updated);
  })();
  zips.clear(); // only the newest version is worth keeping
  zips.set(etag, build);
  build.catch(() => zips.delete(etag));
  return build;
}

/**
 * GET /api/package — the whole data package as one ZIP: datapackage.json, every dataset's CSV
 * (byte for byte the live files, matching the hashes in the descriptor) and a README with the
 * definitions, the methodology breaks and citations (dated today, hence in the ETag).
 */
export async function GET(request: NextRequest) {
  try {
    const pkg = await getPackage();
    const today = new Date();
    const etag = etagOf('zip', pkg.version, today.toISOString().slice(0, 10), ...pkg.resources.map((r) => r.hash));
    const filename = `substance-use-atlas-data_v${pkg.version}.zip`;
    if (matches(request, etag)) return conditionalResponse(request, { etag, contentType: 'application/zip', filename, body: () => '' });
    const zip = await packageZip(etag, pkg, today);
    return conditionalResponse(request, { etag, contentType: 'application/zip', filename, body: () => zip });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
