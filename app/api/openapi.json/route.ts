import type { NextRequest } from 'next/server';
import { getPackage } from '@/lib/store/live';
import { conditionalResponse, etagOf, preflight } from '@/lib/http/cache';
import { internalError } from '@/lib/http/json';
import { openApiDocument } from '@/lib/http/openapi';

export const dynamic = 'force-dynamic';

/** GET /api/openapi.json — the OpenAPI 3.1 description of this API. */
export async function GET(request: NextRequest) {
  try {
    const { version } = await getPackage();
    const body = JSON.stringify(openApiDocument(version), null, 2);
    return await conditionalResponse(request, { etag: etagOf('openapi', body), contentType: 'application/json; charset=utf-8', body: () => body });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
