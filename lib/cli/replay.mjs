/**
 * A replay cache for the public read API, in front of Next (used by lib/cli/serve.mjs).
 *
 * An answer of the read API is a pure function of its address, the Accept-Encoding it was asked
 * with and the live data; the route already keeps its body made and compressed (lib/http/cache.ts).
 * What is left per request is Next's routing and its conversion of a web Response into a Node
 * stream, which cost more than sending the bytes. This keeps each answer's headers and
 * body and sends them again as they are, answering If-None-Match with 304 itself, until the data
 * change.
 *
 * When is a kept answer stale? With the PostgreSQL store, whenever the database's change counter
 * moves (watch-postgres.mjs). With the file store, every publish, rollback or recovery rewrites datapackage.json
 * (a new file renamed into place), so the file's identity — inode, size and modification time to
 * the nanosecond — is stamped on each answer, and an answer is sent again only while the stamp
 * holds. The data store behind the routes re-reads a changed file within half a second
 * (lib/store/live.ts, RECHECK_MS), so nothing is kept in the first PATIENCE_MS after the file
 * changed: an answer made from the old data in that window cannot be kept under the new stamp.
 *
 * Some answers also name the site's own address (taken from Host or the proxy's X-Forwarded-*
 * headers) or today's date (the package ZIP's README), so those headers are part of an answer's
 * key, and no answer is sent again after MAX_AGE_MS.
 *
 * Kept: GET answers with status 200, an ETag, `Cache-Control: public` and no Set-Cookie, under
 * /api/ but not /api/admin/. Everything else passes through untouched.
 */
import { statSync } from 'node:fs';
import { namesEtag } from '../http/etag-match.mjs';

const PATIENCE_MS = 1_000;
const MAX_AGE_MS = 60_000;
/** Request headers an answer may depend on besides its address. */
const KEY_HEADERS = ['accept-encoding', 'host', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded'];

/** Headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5), plus CORS and security. */
const NOT_MODIFIED_DROPS = new Set(['content-type', 'content-length', 'content-encoding', 'content-disposition', 'transfer-encoding']);

/**
 * The stamp of the file store's data: datapackage.json's identity, settled once it has held for
 * PATIENCE_MS.
 * @param {() => string} packageFile
 * @param {() => number} now
 */
export function fileStamp(packageFile, now = Date.now) {
  return () => {
    try {
      const info = statSync(packageFile(), { bigint: true });
      const changedMs = Number(info.mtimeNs / 1_000_000n);
      return { value: `${info.ino}:${info.size}:${info.mtimeNs}`, settled: now() - changedMs >= PATIENCE_MS };
    } catch {
      return { value: '', settled: false };
    }
  };
}

/**
 * The stamp of data whose changes are counted elsewhere (the PostgreSQL store's change counter):
 * `changedAt` is when this process learned of the current value.
 * @param {() => { value: string, changedAt: number } | null} current
 * @param {() => number} now
 */
export function counterStamp(current, now = Date.now) {
  return () => {
    const c = current();
    return c ? { value: c.value, settled: now() - c.changedAt >= PATIENCE_MS } : { value: '', settled: false };
  };
}

/**
 * @param {{ packageFile?: () => string, stamp?: () => { value: string, settled: boolean }, maxBytes?: number, maxBody?: number, now?: () => number }} options
 *   packageFile: the live datapackage.json (the file store), or stamp: the data's stamp (see
 *   counterStamp); maxBytes: all kept bodies together (default 160 MB);
 *   maxBody: the largest body kept (default 48 MB: the whole 2002–2019 state CSV, 30 MB, is kept;
 *   sent through Next it ran at 0.75–0.80× a static file of the same bytes, kept at 1.28×).
 */
export function createReplay({ packageFile, stamp: givenStamp, maxBytes = 160 * 1024 * 1024, maxBody = 48 * 1024 * 1024, now = Date.now }) {
  /** @type {Map<string, { stamp: string, at: number, headers: Record<string, string | string[]>, etag: string, body: Buffer }>} */
  const kept = new Map();
  let keptBytes = 0;
  let hits = 0;

  /** The data's stamp, and whether it has held long enough for answers to be kept under it. */
  const stamp = givenStamp ?? fileStamp(/** @type {() => string} */ (packageFile), now);

  function forget(key) {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    keptBytes -= entry.body.byteLength;
  }

  function keep(key, entry) {
    forget(key);
    kept.set(key, entry);
    keptBytes += entry.body.byteLength;
    for (const [k] of kept) {
      if (keptBytes <= maxBytes) break;
      forget(k);
    }
  }

  const eligible = (req) => req.method === 'GET' && typeof req.url === 'string' && req.url.startsWith('/api/') && !req.url.startsWith('/api/admin') && !req.headers.range;

  /**
   * Answers `req` from a kept answer and returns true, or, when none holds, arranges for the answer
   * `res` is about to get to be kept, and returns false: the caller then hands the request on.
   */
  function serve(req, res) {
    if (!eligible(req)) return false;
    const key = [req.url, ...KEY_HEADERS.map((name) => req.headers[name] ?? '')].join('\u0000');
    const current = stamp();
    const entry = kept.get(key);
    if (entry && entry.stamp === current.value && now() - entry.at < MAX_AGE_MS) {
      // Most recently used last, so the oldest go first when the cache is full.
      kept.delete(key);
      kept.set(key, entry);
      hits += 1;
      if (namesEtag(req.headers['if-none-match'], entry.etag)) {
        const headers = {};
        for (const [name, value] of Object.entries(entry.headers)) if (!NOT_MODIFIED_DROPS.has(name)) headers[name] = value;
        res.writeHead(304, headers);
        res.end();
      } else {
        res.writeHead(200, { ...entry.headers, 'content-length': String(entry.body.byteLength) });
        res.end(entry.body);
      }
      return true;
    }
    if (entry) forget(key);
    if (current.settled) record(key, current.value, res);
    return false;
  }

  /** Copies the answer's body as it is written, and keeps the answer if it qualifies. */
  function record(key, stampValue, res) {
    const chunks = [];
    let size = 0;
    let tooBig = false;
    const take = (chunk, encoding) => {
      if (tooBig || chunk == null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += buffer.byteLength;
      if (size > maxBody) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(Buffer.from(buffer));
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = (chunk, encoding, callback) => {
      take(chunk, encoding);
      return write(chunk, encoding, callback);
    };
    res.end = (chunk, encoding, callback) => {
      take(chunk, encoding);
      const result = end(chunk, encoding, callback);
      const headers = res.getHeaders();
      const etag = headers.etag;
      const cacheControl = String(headers['cache-control'] ?? '');
      if (!tooBig && res.statusCode === 200 && typeof etag === 'string' && /\bpublic\b/.test(cacheControl) && !headers['set-cookie']) {
        const copy = {};
        for (const [name, value] of Object.entries(headers)) if (name !== 'content-length' && name !== 'transfer-encoding' && value !== undefined) copy[name] = Array.isArray(value) ? value.map(String) : String(value);
        keep(key, { stamp: stampValue, at: now(), headers: copy, etag, body: Buffer.concat(chunks) });
      }
      return result;
    };
  }

  return {
    serve,
    /** Kept answers, their bytes and how many requests they answered (for tests and benchmarks). */
    stats: () => ({ entries: kept.size, bytes: keptBytes, hits }),
  };
}
