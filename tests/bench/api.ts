/**
 * npm run bench:api
 *
 * Starts the production server and drives `GET /api/datasets/{id}?format=csv` and
 * `GET /api/package` (the ZIP of everything) with autocannon (50 connections, 10 s; 10
 * connections for a body over 8 MB, which 50 could not finish in time), then a static file of
 * exactly the same bytes served by the same server from public/, each after a 3 s warm-up. Twice:
 * as plain bytes, and for a client that accepts brotli and gzip (the API answers with the body it
 * compressed once; Next compresses the static file as it sends it). Prints requests/s, p99
 * latency and errors for both, and the ratios (goals: API ≥ 0.8× static, p99 ≤ 1.5× static's,
 * 0 errors). Run `npm run build` first (SKIP_BUILD=1 is the default here; BUILD=1 builds).
 * DURATION=seconds and DATASETS=id,id change the run.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startServer } from './server';

const CONNECTIONS = 50;
const DURATION = Number(process.env.DURATION ?? 10);
const WARMUP = Number(process.env.WARMUP ?? 3);
const STATIC_DIR = path.join(ROOT, 'public', 'bench');

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

async function drive(url: string, connections: number, headers: Record<string, string>): Promise<Figures> {
  // Warm up first (JIT, lazily loaded route modules), so both sides are measured hot.
  await autocannon({ url, connections, duration: WARMUP, headers });
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.average,
  };
}

const line = (label: string, f: Figures) =>
  `  ${label.padEnd(8)} ${f.rps.toFixed(0).padStart(7)} req/s   p99 ${String(f.p99).padStart(5)} ms   ${(f.bytes / 1e6).toFixed(1).padStart(6)} MB/s   errors ${f.errors}   non-2xx ${f.non2xx}`;

async function main() {
  if (process.env.BUILD) execSync('npx next build', { cwd: ROOT, stdio: 'inherit' });
  const server0 = await startServer();
  // Fetch each dataset's CSV once, so the static copy holds exactly the API's bytes.
  const ids = process.env.DATASETS?.split(',') ?? ((await (await fetch(`${server0.url}/api/datasets`)).json()) as { datasets: Array<{ id: string }> }).datasets.map((d) => d.id);
  const targets: Array<{ label: string; api: string; file: string; body: Buffer }> = [];
  for (const id of ids) {
    const api = `/api/datasets/${id}?format=csv`;
    targets.push({ label: `${id} (CSV)`, api, file: `${id}.csv`, body: Buffer.from(await (await fetch(`${server0.url}${api}`)).arrayBuffer()) });
  }
  if (process.env.PACKAGE !== '0') targets.push({ label: 'whole package (ZIP)', api: '/api/package', file: 'package.zip', body: Buffer.from(await (await fetch(`${server0.url}/api/package`)).arrayBuffer()) });
  server0.stop();

  // public/ is read when the server starts, so the static copies go in before it starts again.
  mkdirSync(STATIC_DIR, { recursive: true });
  for (const t of targets) writeFileSync(path.join(STATIC_DIR, t.file), t.body);
  const server = await startServer();
  let failed = false;
  try {
    console.log(`bench:api — ${CONNECTIONS} connections (10 above 8 MB), ${DURATION} s each, production server\n`);
    for (const { label, api: apiPath, file, body } of targets) {
      const check = await fetch(`${server.url}/bench/${file}`);
      if (!check.ok || Buffer.from(await check.arrayBuffer()).length !== body.length) throw new Error('the static copy is not served; is the build current?');
      const connections = body.length > 8 * 1024 * 1024 ? 10 : CONNECTIONS;
      console.log(`${label}, ${(body.length / 1024).toFixed(1)} kB, ${connections} connections`);
      for (const [how, headers] of [
        ['plain', {}],
        ['br/gzip', { 'accept-encoding': 'br, gzip' }],
      ] as const) {
        const api = await drive(`${server.url}${apiPath}`, connections, headers);
        const stat = await drive(`${server.url}/bench/${file}`, connections, headers);
        const ratio = api.rps / stat.rps;
        const p99 = api.p99 / Math.max(stat.p99, 1);
        const ok = ratio >= 0.8 && p99 <= 1.5;
        // Errors are a correctness failure and fail the run; a missed speed goal is reported.
        failed ||= api.errors + api.non2xx + stat.errors + stat.non2xx > 0;
        console.log(`  ${how}`);
        console.log(line('API', api));
        console.log(line('static', stat));
        console.log(`  ratio API/static ${ratio.toFixed(2)}× (goal ≥ 0.80×), p99 ${p99.toFixed(2)}× (goal ≤ 1.50×) — ${ok ? 'MET' : 'NOT MET'}; errors ${api.errors + api.non2xx} (goal 0)`);
      }
      console.log('');
    }
  } finally {
    server.stop();
    rmSync(STATIC_DIR, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  rmSync(STATIC_DIR, { recursive: true, force: true });
  console.error(err);
  process.exit(1);
});
