import type { NextRequest } from 'next/server';
import { documentPaths, documentType, readDocument } from '@/lib/data/documents';
import { getPackage } from '@/lib/store/live';
import { conditionalResponse, etagOf, preflight } from '@/lib/http/cache';
import { internalError, jsonError } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/**
 * GET /data/sources/… — the documents the package's sources cite by a path relative to
 * datapackage.json (such as sources/nsduh-national/quotes.md), and nothing else.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  try {
    const file = ['sources', ...(await params).path].join('/');
    const pkg = await getPackage();
    const data = await readDocument(pkg, file);
    if (!data) return jsonError(404, 'not-found', `There is no document “${file}” in the data package. Documents: ${documentPaths(pkg).join(', ') || 'none'}.`, 'file');
    return await conditionalResponse(request, { etag: etagOf(file, data.toString('base64')), contentType: documentType(file), body: () => data });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
