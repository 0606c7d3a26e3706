/**
 * npm run test:cluster
 *
 * Two production servers (lib/cli/serve.mjs) on one PostgreSQL database (a throwaway cluster
 * started here), each with its own private folder, so nothing is shared but the database:
 *   1. a session made by signing in on A is good on B;
 *   2. a publish on A is served by B within 1 s (5 times; the figures are printed);
 *   3. 20 publishes at once across both, all against the same live version: exactly one wins,
 *      the rest get 409, and the history and audit log hold exactly the winner;
 *   4. the per-account sign-in limit holds across both (attempts from many addresses, split
 *      between A and B: the 21st is refused);
 *   5. A is killed (SIGKILL) in the middle of a publish, 20 times: after each kill the database is
 *      consistent (the live CSV is the old or the new version, the package names its hash, every
 *      version matches its hash, one audit line per published version) and B kept serving.
 * Then read throughput for one server and for two, and publish latency, are printed.
 * Prints each check and exits 1 if any failed. Needs `npm run build` first.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { killSite, startSite, type Site } from '../support/site';

const ROOT = process.cwd();
const KILLS = Number(process.env.CLUSTER_KILLS ?? 20);
const PAUSE_MS = 25;
const EMAIL = 'cluster@example.org';
const PASSWORD = 'cluster test password';
const DATASET = 'national-estimates';
const CSV_URL = `/api/datasets/${DATASET}?format=csv`;

const work = mkdtempSync(path.join(tmpdir(), 'atlas-cluster-'));
const DATA = path.join(work, 'data');
const sha = (bytes: Buffer | Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let db: TestPostgres;
const failures: string[] = [];
function check(ok: boolean, what: string, detail = ''): void {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

interface Server extends Site {
  name: string;
}

async function start(name: string, pause = false): Promise<Server> {
  const privateDir = path.join(work, `private-${name}`);
  mkdirSync(privateDir, { recursive: true });
  // Up to two minutes: two servers start at once, on a machine that may be busy.
  const site = await startSite({ DATABASE_URL: db.url, ATLAS_DATA_DIR: DATA, ATLAS_PRIVATE_DIR: privateDir, ATLAS_FAULT_PAUSE_MS: pause ? String(PAUSE_MS) : '0', ATLAS_TRUSTED_PROXIES: '1' }, 120_000);
  return { name, ...site };
}

const kill = killSite;

async function signIn(server: Server, email = EMAIL, password = PASSWORD, from = '203.0.113.1'): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': from },
    body: new URLSearchParams({ email, password }),
  });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

const national = readFileSync(path.join(ROOT, 'data', `${DATASET}.csv`), 'utf8');
/** The national CSV with one figure changed: a new version. */
const revision = (value: string) => national.replace(/^(sud_past_year,2014,US,12\+,millions,)[\d.]+,/m, `$1${value},`);

interface Report {
  uploadId: string;
  baseHash: string;
  candidateHash: string;
  ok: boolean;
}

async function upload(server: Server, cookie: string, body: string): Promise<Report> {
  const res = await fetch(`${server.url}/api/admin/uploads?dataset=${DATASET}&mode=replace&name=revision.csv`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'text/csv' }, body });
  const report = (await res.json()) as Report;
  if (!report.ok) throw new Error(`the upload to ${server.name} was not valid (${res.status})`);
  return report;
}

function publish(server: Server, cookie: string, report: Report, note: string): Promise<number | 'no answer'> {
  return fetch(`${server.url}/api/admin/publish`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ uploadId: report.uploadId, baseHash: report.baseHash, note, acknowledged: true }),
  }).then(
    (r) => r.status,
    () => 'no answer' as const,
  );
}

async function served(server: Server): Promise<string | null> {
  try {
    const res = await fetch(`${server.url}${CSV_URL}`);
    return res.ok ? sha(Buffer.from(await res.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

/** What the database says: problems with its consistency, the live hash, and the counts. */
async function inspect(): Promise<{ problems: string[]; liveHash: string | null; published: number; auditPublishes: number }> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const problems: string[] = [];
    const live = await c.query<{ hash: string; actual: string; listed: boolean; id: string }>(
      "SELECT v.id, v.hash, 'sha256:' || encode(sha256(v.content), 'hex') AS actual, v.meta IS NOT NULL AS listed FROM live_files l JOIN dataset_versions v ON v.dataset = l.dataset AND v.id = l.version_id WHERE l.dataset = $1",
      [DATASET],
    );
    const row = live.rows[0];
    if (!row) problems.push('no live version');
    else if (row.actual !== row.hash) problems.push('the live version does not match its hash');
    const pkg = JSON.parse((await c.query<{ package_text: string }>('SELECT package_text FROM store_state')).rows[0].package_text) as { resources: Array<{ name: string; hash: string }> };
    if (row && pkg.resources.find((r) => r.name === DATASET)?.hash !== row.hash) problems.push('datapackage.json does not name the live version’s hash');
    const bad = await c.query("SELECT id FROM dataset_versions WHERE hash <> 'sha256:' || encode(sha256(content), 'hex')");
    if (bad.rowCount) problems.push(`${bad.rowCount} versions do not match their hash`);
    const versions = await c.query<{ id: string }>("SELECT id FROM dataset_versions WHERE dataset = $1 AND meta->>'kind' = 'publish'", [DATASET]);
    const audit = await c.query<{ version: string; n: number }>("SELECT entry->>'version' AS version, count(*)::int AS n FROM audit_log WHERE entry->>'action' = 'publish' GROUP BY 1");
    const lines = new Map(audit.rows.map((r) => [r.version, r.n]));
    for (const v of versions.rows) if (lines.get(v.id) !== 1) problems.push(`version ${v.id} has ${lines.get(v.id) ?? 0} audit lines`);
    for (const [version] of lines) if (!versions.rows.some((v) => v.id === version)) problems.push(`an audit line names ${version}, which is not listed`);
    if (row && row.id !== versions.rows.map((v) => v.id).sort().at(-1) && versions.rowCount) problems.push('the live version is not the newest published one');
    return { problems, liveHash: row?.hash ?? null, published: versions.rowCount ?? 0, auditPublishes: [...lines.values()].reduce((a, b) => a + b, 0) };
  } finally {
    await c.end();
  }
}

/** Requests per second for `total` GETs of `url` from `concurrency` clients, spread over `servers`. */
async function throughput(servers: Server[], total: number, concurrency: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < total) {
        const i = next++;
        const res = await fetch(`${servers[(i + w) % servers.length].url}${CSV_URL}`);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`read failed: ${res.status}`);
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

async function main() {
  console.log(`test:cluster — two servers on one PostgreSQL database\n`);
  db = await startPostgres();
  mkdirSync(DATA, { recursive: true });
  for (const f of readdirSync(path.join(ROOT, 'data'))) if (f === 'datapackage.json' || f.endsWith('.csv')) cpSync(path.join(ROOT, 'data', f), path.join(DATA, f));
  // The accounts go into the database (the store this process opens fills it from DATA).
  process.env.DATABASE_URL = db.url;
  process.env.ATLAS_DATA_DIR = DATA;
  process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private-cli');
  const { addAccount } = await import('../../lib/admin/accounts');
  const { getStore } = await import('../../lib/store/store');
  await addAccount(EMAIL, PASSWORD);
  await addAccount('limited@example.org', PASSWORD);
  await (await getStore()).close();

  const started = await Promise.all([start('A'), start('B')]);
  let a = started[0];
  const b = started[1];

  // 1. A session from A is good on B.
  const { cookie } = await signIn(a);
  const page = await fetch(`${b.url}/admin`, { headers: { Cookie: cookie }, redirect: 'manual' });
  check(page.status === 200, 'a session made by signing in on A opens the staff pages on B', `B answered ${page.status}`);

  // 2. A publish on A is served by B within a second.
  const lags: number[] = [];
  const latencies: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const report = await upload(a, cookie, revision(`4${i}.5`));
    const t0 = performance.now();
    const status = await publish(a, cookie, report, `cluster publish ${i}`);
    const published = performance.now();
    latencies.push(published - t0);
    if (status !== 200) throw new Error(`publish ${i} on A answered ${status}`);
    while ((await served(b)) !== report.candidateHash && performance.now() - published < 5_000) await sleep(5);
    lags.push(performance.now() - published);
  }
  check(Math.max(...lags) < 1_000, 'a publish on A is served by B within 1 s', `after ${lags.map((l) => l.toFixed(0)).join(', ')} ms`);

  // 3. 20 publishes at once across both, against the same live version.
  const before = await inspect();
  const reports = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(i % 2 ? b : a, cookie, revision(`6${i}.25`))));
  const bases = new Set(reports.map((r) => r.baseHash));
  const statuses = await Promise.all(reports.map((r, i) => publish(i % 2 ? b : a, cookie, r, `race ${i}`)));
  const after = await inspect();
  const wins = statuses.filter((s) => s === 200).length;
  const conflicts = statuses.filter((s) => s === 409).length;
  check(bases.size === 1 && wins === 1 && conflicts === 19, '20 publishes at once across A and B against one live version: exactly one wins, 19 get 409', `${wins} × 200, ${conflicts} × 409`);
  const winner = reports[statuses.indexOf(200)];
  check(
    after.problems.length === 0 && after.published === before.published + 1 && after.auditPublishes === before.auditPublishes + 1 && after.liveHash === winner?.candidateHash,
    'the history and audit log hold exactly the winner, and it is live',
    after.problems.join('; ') || `${after.published - before.published} new version, ${after.auditPublishes - before.auditPublishes} new audit line`,
  );

  // 4. The per-account sign-in limit (20 in 15 minutes) holds across both servers.
  const attempts: number[] = [];
  for (let i = 0; i < 24; i++) attempts.push((await signIn(i % 2 ? b : a, 'limited@example.org', 'a wrong password!!', `198.51.100.${i + 1}`)).status);
  const refusedAt = attempts.indexOf(429);
  check(refusedAt === 20 && attempts.slice(0, 20).every((s) => s === 401) && attempts.slice(20).every((s) => s === 429), 'the per-account sign-in limit holds across A and B', `attempts 1–${refusedAt} refused as wrong (401), from attempt ${refusedAt + 1} on 429`);

  // Figures (before the kills, with no pauses in the publish): reads of the national CSV, one server and two; publish latency.
  await throughput([a], 100, 10); // warm both
  await throughput([b], 100, 10);
  const one = await throughput([a], 1500, 20);
  const two = await throughput([a, b], 1500, 20);
  console.log(`figures (not goals): reads of ${CSV_URL} (${national.length.toLocaleString('en-US')} bytes), 20 clients: one server ${one.toFixed(0)}/s, two servers ${two.toFixed(0)}/s (${(two / one).toFixed(2)}× on ${(await import('node:os')).availableParallelism()} cores)`);
  console.log(`publish latency (upload checked, publish request to answer) on A: median ${median(latencies).toFixed(0)} ms of ${latencies.map((l) => l.toFixed(0)).join(', ')}; served by B ${median(lags).toFixed(0)} ms after (median)\n`);

  // 5. A killed mid-publish, 20 times: A now pauses between the publish's steps, so kills land inside it.
  await kill(a);
  a = await start('A', true);
  const outcomes = new Map<string, number>();
  let consistent = 0;
  let bServed = 0;
  for (let run = 1; run <= KILLS; run++) {
    const { cookie: ca } = await signIn(a);
    const old = (await inspect()).liveHash;
    const report = await upload(a, ca, revision(`8${run}.75`));
    const answer = publish(a, ca, report, `kill run ${run}`);
    // B answers throughout.
    const watching = (async () => {
      for (let i = 0; i < 10; i++) {
        if (!(await served(b))) return false;
        await sleep(20);
      }
      return true;
    })();
    await sleep(Math.round(Math.random() * PAUSE_MS * 6));
    await kill(a);
    const status = await answer;
    const state = await inspect();
    const which = state.liveHash === report.candidateHash ? 'new' : state.liveHash === old ? 'old' : 'neither';
    const problems = [...state.problems];
    if (which === 'neither') problems.push('the live version is neither the old nor the new one');
    if (status === 200 && which !== 'new') problems.push('the publish was confirmed but the new version is not live');
    if ((await served(b)) !== state.liveHash) problems.push('B does not serve the live version');
    if (await watching) bServed++;
    if (!problems.length) consistent++;
    const key = `${status === 'no answer' ? 'no answer' : status}, ${which} version live`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    if (problems.length) console.log(`  kill run ${run}: ${problems.join('; ')}`);
    a = await start('A', true);
  }
  check(consistent === KILLS, `A killed mid-publish ${KILLS} times: the database is consistent after every kill`, [...outcomes].map(([k, v]) => `${v}× ${k}`).join('; '));
  check(bServed === KILLS, 'B kept serving through every kill', `${bServed} of ${KILLS}`);

  await Promise.all([kill(a), kill(b)]);
  console.log(failures.length ? `\n${failures.length} checks FAILED` : '\nall checks pass');
}

main()
  .catch((err) => {
    console.error(err);
    failures.push(String(err));
  })
  .finally(async () => {
    await db?.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
    process.exit(failures.length ? 1 : 0);
  });
