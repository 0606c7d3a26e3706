#!/usr/bin/env node
/**
 * Serves the production build (run `next build` first), as `next start` does, plus two things
 * Next leaves to the deployment:
 *
 * - The client's socket address reaches the route handlers in a header that carries a secret
 *   made at start-up (`x-atlas-peer: <secret> <address>`), overwritten on every request, so a
 *   client cannot forge it. X-Forwarded-For is trusted only as far as ATLAS_TRUSTED_PROXIES says
 *   (lib/admin/requests.ts). Without this server (`next dev`), per-address limits see "unknown".
 * - Strict-Transport-Security on every response when SITE_URL is https.
 * - A replay cache for the public read API (lib/cli/replay.mjs): an answer is sent again from
 *   memory until the data change: datapackage.json's identity with the file store, the
 *   database's change counter (lib/cli/watch-postgres.mjs) with PostgreSQL. ATLAS_REPLAY=0 turns
 *   it off.
 *
 * Usage: node lib/cli/serve.mjs [-p PORT] [-H HOST]   (defaults: PORT or 3000, HOST or 0.0.0.0)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { counterStamp, createReplay } from './replay.mjs';
import { watchPostgres } from './watch-postgres.mjs';

const args = process.argv.slice(2);
const option = (short, long) => {
  const i = args.findIndex((a) => a === short || a === long);
  return i === -1 ? undefined : args[i + 1];
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${port}`);
  process.exit(2);
}

const secret = randomBytes(24).toString('base64url');
process.env.ATLAS_PEER_SECRET = secret;
let https = false;
try {
  https = new URL(process.env.SITE_URL ?? 'http://localhost:3000').protocol === 'https:';
} catch {
  console.error(`SITE_URL is not an address: ${process.env.SITE_URL}`);
  process.exit(2);
}
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Next names a loopback address "localhost" in the proxy's request URL (NextURL), so a rewrite
 * built from it (the language step: /states → /en/states) reads as another origin when Next was
 * told "127.0.0.1", and is fetched over HTTP instead of served: a redirect loop. Next is told
 * "localhost" for a loopback address; the socket still listens where asked.
 */
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\])$/;
const app = next({ dev: false, hostname: LOOPBACK.test(hostname) ? 'localhost' : hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

// Next drops Content-Encoding from a route handler's response (it assumes the body was decoded
// by fetch). The API's precompressed bodies name their coding in X-Atlas-Content-Encoding too;
// this server turns that back into Content-Encoding, which also keeps Next from compressing the
// body a second time. lib/http/cache.ts compresses only when this server runs it.
process.env.ATLAS_SERVER_ENCODES = '1';
const ENCODING_MARK = 'x-atlas-content-encoding';
function restoreContentEncoding(res) {
  for (const method of ['setHeader', 'appendHeader']) {
    const original = res[method].bind(res);
    res[method] = (name, value) => (String(name).toLowerCase() === ENCODING_MARK ? res.setHeader('Content-Encoding', value) : original(name, value));
  }
}

// The live data folder, as lib/store/paths.ts finds it.
const packageFile = () => path.join(process.env.ATLAS_DATA_DIR ? path.resolve(process.env.ATLAS_DATA_DIR) : path.join(process.cwd(), 'data'), 'datapackage.json');
// With PostgreSQL, answers are stamped with the store's change counter instead.
const replay =
  process.env.ATLAS_REPLAY === '0'
    ? null
    : process.env.DATABASE_URL
      ? createReplay({ stamp: counterStamp(watchPostgres(process.env.DATABASE_URL).current) })
      : createReplay({ packageFile });

const server = createServer((req, res) => {
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
  if (replay?.serve(req, res)) return;
  req.headers['x-atlas-peer'] = `${secret} ${req.socket.remoteAddress ?? ''}`;
  restoreContentEncoding(res);
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Substance Use Atlas ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}${https ? ' (HSTS on)' : ''}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
