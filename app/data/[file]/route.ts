import type { NextRequest } from 'next/server';
import { csvwFileOf, csvwMetadata } from '@/lib/data/csvw';
import { PACKAGE_FILE } from '@/lib/data/package';
import { getPackage, readPackageFiles } from '@/lib/store/live';
import { conditionalResponse, etagOf, preflight } from '@/lib/http/cache';
import { internalError, jsonError } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/**
 * GET /data/datapackage.json and /data/{dataset}.csv — the live package files byte for byte, so
 * Frictionless tools can read the package from its URL (resource paths are relative to it) —
 * and /data/{dataset}.csv-metadata.json, the CSVW description of each CSV, generated from its
 * Table Schema (where CSVW tools look for it).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  try {
    const { file } = await params;
    const pkg = await getPackage();
    const described = pkg.resources.find((r) => csvwFileOf(r) === file);
    if (described) {
      const body = `${JSON.stringify(csvwMetadata(pkg, described), null, 2)}\n`;
      return await conditionalResponse(request, { etag: etagOf('csvw', body), contentType: 'application/csvm+json; charset=utf-8', body: () => body });
    }
    const resource = pkg.resources.find((r) => r.path === file);
    if (file !== PACKAGE_FILE && !resource) return jsonError(404, 'not-found', `There is no file “${file}” in the data package.`, 'file');
    const data = (await readPackageFiles()).find((f) => f.name === file)?.data;
    if (!data) return jsonError(404, 'not-found', `There is no file “${file}” in the data package.`, 'file');
    return await conditionalResponse(request, {
      etag: etagOf(file, resource?.hash ?? data.toString('base64')),
      contentType: file === PACKAGE_FILE ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      filename: file === PACKAGE_FILE ? undefined : file,
      body: () => data,
    });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
