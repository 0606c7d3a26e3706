/**
 * Conditional GET and CORS for the public data API: strong ETags, 304 Not Modified, and
 * `Cache-Control: public, no-cache` so clients always revalidate — a publish shows at once,
 * and an unchanged answer costs one small 304.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip as gzipCompress } from 'node:zlib';
import { namesEtag } from './etag-match.mjs';

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
  return namesEtag(request.headers.get('if-none-match'), etag);
}

export interface Representation {
  etag: string;
  contentType: string;
  body: () => string | Uint8Array;
  /** Offer the body as a file download with this name. */
  filename?: string;
}

/**
 * Bodies by content type, ETag and content coding, most recently used last. An ETag is a pure
 * function of the data's hash, the package version and the query, so a cached body can never be
 * stale: a publish changes the hash and with it every key. Bounded by total bytes; one body may
 * take up to a quarter (the largest dataset's CSV, about 30 MB, is served from memory).
 */
const BODY_CACHE_BYTES = 192 * 1024 * 1024;
const bodies = new Map<string, Uint8Array>();
let cachedBytes = 0;
const encoder = new TextEncoder();

function remember(key: string, body: Uint8Array): Uint8Array {
  if (body.byteLength > BODY_CACHE_BYTES / 4) return body;
  bodies.set(key, body);
  cachedBytes += body.byteLength;
  for (const [k, value] of bodies) {
    if (cachedBytes <= BODY_CACHE_BYTES) break;
    bodies.delete(k);
    cachedBytes -= value.byteLength;
  }
  return body;
}

/** A kept body, moved to the most recently used end. */
function recall(key: string): Uint8Array | undefined {
  const hit = bodies.get(key);
  if (hit) {
    bodies.delete(key);
    bodies.set(key, hit);
  }
  return hit;
}

export function cachedBody(key: string, make: () => string | Uint8Array): Uint8Array {
  const hit = recall(key);
  if (hit) return hit;
  const made = make();
  return remember(key, typeof made === 'string' ? encoder.encode(made) : made);
}

/** How many bodies and bytes the cache holds (for tests). */
export function bodyCacheSize(): { entries: number; bytes: number } {
  return { entries: bodies.size, bytes: cachedBytes };
}

export type Coding = 'br' | 'gzip' | 'identity';

/**
 * The content coding to answer with, from Accept-Encoding (RFC 9110 §12.5.3): brotli, then gzip,
 * each only when the client accepts it with q > 0; otherwise the bytes as they are.
 */
export function negotiateCoding(request: Request): Coding {
  const header = request.headers.get('accept-encoding');
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    q.set(name, weight ? Number(weight[1]) : 1);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** Types worth compressing: text and JSON. A ZIP is compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|csvm\+json|[\w.+-]*\+json))/;
/** Below this, compression saves less than the headers it costs. */
const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCompress);

/**
 * A body compressed once and kept: brotli at quality 9 (quality 5 above 4 MB, where 9 would keep
 * the first request waiting seconds), gzip at level 9 (6 above 4 MB). Concurrent first requests
 * share one compression, which runs on libuv's threads, not the event loop.
 */
const compressing = new Map<string, Promise<Uint8Array>>();
function compressedBody(key: string, coding: 'br' | 'gzip', plain: Uint8Array): Promise<Uint8Array> {
  const hit = recall(key);
  if (hit) return Promise.resolve(hit);
  const pending = compressing.get(key);
  if (pending) return pending;
  const large = plain.byteLength > 4 * 1024 * 1024;
  const work = (
    coding === 'br'
      ? brotli(plain, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: large ? 5 : 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } })
      : gzip(plain, { level: large ? 6 : 9 })
  )
    .then((buffer) => remember(key, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)))
    .finally(() => compressing.delete(key));
  compressing.set(key, work);
  return work;
}

/**
 * 304 when the client already has this representation, else 200 with the body — brotli- or
 * gzip-compressed when the client accepts it and the type is text, made once per ETag and kept.
 * Every answer says it varies with Accept-Encoding, so a shared cache keeps the codings apart.
 */
export async function conditionalResponse(request: Request, r: Representation): Promise<Response> {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: r.etag,
    'Cache-Control': CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  if (matches(request, r.etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = r.contentType;
  if (r.filename) headers['Content-Disposition'] = `attachment; filename="${r.filename.replace(/[^\w.-]/g, '_')}"`;
  const key = `${r.contentType} ${r.etag}`;
  const plain = cachedBody(key, r.body);
  // Next drops Content-Encoding from a route's response; the production server (lib/cli/serve.mjs)
  // restores it from X-Atlas-Content-Encoding. Under any other server the body goes as it is.
  const coding = process.env.ATLAS_SERVER_ENCODES && COMPRESSIBLE.test(r.contentType) && plain.byteLength >= MIN_COMPRESS_BYTES ? negotiateCoding(request) : 'identity';
  if (coding === 'identity') return new Response(plain as Uint8Array<ArrayBuffer>, { status: 200, headers });
  const body = await compressedBody(`${key} ${coding}`, coding, plain);
  headers['Content-Encoding'] = coding;
  headers['X-Atlas-Content-Encoding'] = coding;
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
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
