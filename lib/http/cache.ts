/**
 * Conditional GET and CORS for the public data API: strong ETags, 304 Not Modified, and
 * `Cache-Control: public, no-cache` so clients always revalidate — a publish shows at once,
 * and an unchanged answer costs one small 304.
 */
import { createHash } from 'node:crypto';

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Disposition',
};

const CACHE_CONTROL = 'public, no-cache';

/** A strong ETag for a response that is a pure function of `parts`. */
export function etagOf(...parts: string[]): string {
  return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 requires for If-None-Match). */
export function matches(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export interface Representation {
  etag: string;
  contentType: string;
  body: () => string | Uint8Array;
  /** Offer the body as a file download with this name. */
  filename?: string;
}

/**
 * Encoded bodies by content type and ETag, most recently used last. An ETag is a pure function of the data's
 * hash, the package version and the query, so a cached body can never be stale: a publish
 * changes the hash and with it every key. Bounded by total bytes.
 */
const BODY_CACHE_BYTES = 64 * 1024 * 1024;
const bodies = new Map<string, Uint8Array>();
let cachedBytes = 0;
const encoder = new TextEncoder();

export function cachedBody(key: string, make: () => string | Uint8Array): Uint8Array {
  const hit = bodies.get(key);
  if (hit) {
    bodies.delete(key);
    bodies.set(key, hit);
    return hit;
  }
  const made = make();
  const body = typeof made === 'string' ? encoder.encode(made) : made;
  if (body.byteLength > BODY_CACHE_BYTES / 4) return body;
  bodies.set(key, body);
  cachedBytes += body.byteLength;
  for (const [key, value] of bodies) {
    if (cachedBytes <= BODY_CACHE_BYTES) break;
    bodies.delete(key);
    cachedBytes -= value.byteLength;
  }
  return body;
}

/** How many bodies and bytes the cache holds (for tests). */
export function bodyCacheSize(): { entries: number; bytes: number } {
  return { entries: bodies.size, bytes: cachedBytes };
}

/** 304 when the client already has this representation, else 200 with the body. */
export function conditionalResponse(request: Request, r: Representation): Response {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: r.etag,
    'Cache-Control': CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
  };
  if (matches(request, r.etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = r.contentType;
  if (r.filename) headers['Content-Disposition'] = `attachment; filename="${r.filename.replace(/[^\w.-]/g, '_')}"`;
  return new Response(cachedBody(`${r.contentType} ${r.etag}`, r.body) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** Answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match, Accept',
      'Access-Control-Max-Age': '86400',
    },
  });
}
