/**
 * npm run test:faults
 *
 * Kills the production server with SIGKILL in the middle of a publish, 20 times (FAULT_RUNS), on a
 * scratch copy of data/. Each publish is slowed by ATLAS_FAULT_PAUSE_MS between its steps, and the
 * kill lands at a random moment of it. Before each restart the script records where the publish
 * was cut (nothing written yet, journal written, done); after the restart it checks that:
 *   - every dataset validates and datapackage.json matches its files (the data:check rules);
 *   - the live CSV is the old version or the new one, and the new one whenever the client got 200
 *     or a journal was left to finish;
 *   - no journal or temporary file is left;
 *   - the history is complete: every listed version's CSV is there and matches its hash, the live
 *     hash is the newest version's, and every publish in the history has exactly one audit line.
 * Prints the outcomes and exits 1 if any check failed. Needs `npm run build` first.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killSite, startSite } from '../support/site';

const ROOT = process.cwd();
const RUNS = Number(process.env.FAULT_RUNS ?? 20);
const PAUSE_MS = 25;
const EMAIL = 'faults@example.org';
const PASSWORD = 'fault test password';

const work = mkdtempSync(path.join(tmpdir(), 'atlas-faults-'));
const DATA = path.join(work, 'data');
const PRIVATE = path.join(work, 'private');
process.env.ATLAS_DATA_DIR = DATA;
process.env.ATLAS_PRIVATE_DIR = PRIVATE;

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const liveBytes = () => readFileSync(path.join(DATA, 'national-estimates.csv'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const start = () => startSite({ ATLAS_FAULT_PAUSE_MS: String(PAUSE_MS) });
const kill = killSite;

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/admin/login`, { method: 'POST', headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: EMAIL, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') as string).split(';')[0];
}

function revision(value: string): Buffer {
  const text = liveBytes().toString('utf8');
  return Buffer.from(text.replace(/^(sud_past_year,2014,US,12\+,millions,)[\d.]+,/m, `$1${value},`));
}

/** Half-written files a kill left in the data folder or the history. */
function temporaryFiles(): string[] {
  const history = path.join(PRIVATE, 'history', 'national-estimates');
  return [...readdirSync(DATA), ...(existsSync(history) ? readdirSync(history) : [])].filter((f) => f.startsWith('.tmp-'));
}

async function check(): Promise<string[]> {
  const problems: string[] = [];
  const { readPackage, checkPackage } = await import('../../lib/data/package');
  const { IssueLog } = await import('../../lib/import/issues');
  const { ingest } = await import('../../lib/import/ingest');
  const { listVersions } = await import('../../lib/store/history');
  const { auditEntriesNewestFirst } = await import('../../lib/store/audit');

  const pkg = await readPackage(DATA);
  const log = new IssueLog();
  await checkPackage(pkg, DATA, log);
  for (const e of log.errors) problems.push(`datapackage.json: ${e.column}: ${e.message}`);
  const known = new Set(pkg.indicators.map((i) => i.name));
  for (const r of pkg.resources) {
    const result = await ingest(readFileSync(path.join(DATA, r.path)), { knownIndicators: known, encoding: 'utf-8' });
    if (!result.ok) problems.push(`${r.path}: row ${result.errors[0]?.row}: ${result.errors[0]?.message}`);
  }
  if (existsSync(path.join(PRIVATE, 'journal.json'))) problems.push('a journal is left after recovery');
  const temps = temporaryFiles();
  if (temps.length) problems.push(`temporary files left: ${temps.join(', ')}`);

  const versions = listVersions('national-estimates');
  for (const v of versions) {
    const file = path.join(PRIVATE, 'history', 'national-estimates', `${v.id}.csv`);
    if (!existsSync(file)) problems.push(`history ${v.id}: CSV missing`);
    else if (sha(readFileSync(file)) !== v.hash) problems.push(`history ${v.id}: CSV does not match its hash`);
  }
  if (versions.length && versions[0].hash !== sha(liveBytes())) problems.push('the live CSV is not the newest version in the history');
  const audit = [...auditEntriesNewestFirst()].filter((e) => e.action === 'publish');
  for (const v of versions.filter((x) => x.kind === 'publish')) {
    const lines = audit.filter((e) => e.version === v.id);
    if (lines.length !== 1) problems.push(`history ${v.id}: ${lines.length} audit lines (want 1)`);
  }
  for (const e of audit) if (!versions.some((v) => v.id === e.version)) problems.push(`audit line ${e.id} names version ${e.version}, which the history does not list`);
  return problems;
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  for (const f of readdirSync(path.join(ROOT, 'data'))) if (f === 'datapackage.json' || f.endsWith('.csv')) cpSync(path.join(ROOT, 'data', f), path.join(DATA, f));
  const { addAccount } = await import('../../lib/admin/accounts');
  await addAccount(EMAIL, PASSWORD);

  let server = await start();
  const cookie = await signIn(server.url);
  const stages = new Map<string, number>();
  let failures = 0;
  let delays = 0;
  let tempsLeft = 0;
  console.log(`test:faults — ${RUNS} publishes, each killed (SIGKILL) at a random moment; ${PAUSE_MS} ms between publish steps\n`);
  for (let run = 1; run <= RUNS; run++) {
    const before = sha(liveBytes());
    const body = revision((30 + run / 10).toFixed(1));
    const upload = await fetch(`${server.url}/api/admin/uploads?dataset=national-estimates&mode=replace&name=r${run}.csv`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'text/csv' }, body: body.toString('utf8') });
    const report = (await upload.json()) as { uploadId: string; baseHash: string; candidateHash: string; ok: boolean };
    if (!report.ok) throw new Error(`run ${run}: the upload was not valid`);
    const publishing = fetch(`${server.url}/api/admin/publish`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uploadId: report.uploadId, baseHash: report.baseHash, note: `fault run ${run}`, acknowledged: true }),
    }).then(
      (r) => r.status,
      () => 'no answer' as const,
    );
    const delay = Math.round(Math.random() * PAUSE_MS * 8);
    delays += delay;
    await sleep(delay);
    await kill(server);
    const answer = await publishing;
    const journal = existsSync(path.join(PRIVATE, 'journal.json'));
    tempsLeft += temporaryFiles().length;
    const liveNow = sha(liveBytes());
    const stage = journal
      ? liveNow === before
        ? 'cut after the journal, before the live file (finished on restart)'
        : 'cut after the live file, before the package or audit line (finished on restart)'
      : liveNow === before
        ? 'cut before the journal (old data kept)'
        : 'complete before the kill';
    stages.set(stage, (stages.get(stage) ?? 0) + 1);

    server = await start();
    const after = sha(liveBytes());
    const problems = await check();
    if (after !== before && after !== report.candidateHash) problems.push('the live CSV is neither the old nor the new version');
    if ((answer === 200 || journal) && after !== report.candidateHash) problems.push(`the publish ${answer === 200 ? 'was confirmed' : 'had its journal written'} but the new version is not live`);
    if (!journal && liveNow === before && after !== before) problems.push('the data changed on restart without a journal');
    failures += problems.length ? 1 : 0;
    console.log(`run ${String(run).padStart(2)}: killed after ${String(delay).padStart(3)} ms, answer ${answer}; ${stage}; now ${after === report.candidateHash ? 'new' : 'old'} version live — ${problems.length ? `FAILED: ${problems.join('; ')}` : 'all checks pass'}`);
  }
  await kill(server);
  const { listVersions } = await import('../../lib/store/history');
  console.log(`\nwhere the kills landed: ${[...stages].map(([k, v]) => `${v}× ${k}`).join(', ')}`);
  console.log(`half-written temporary files the kills left: ${tempsLeft} (each restart must remove them; see the checks above)`);
  console.log(`mean kill delay ${(delays / RUNS).toFixed(0)} ms; history holds ${listVersions('national-estimates').length} versions`);
  console.log(failures ? `${failures} of ${RUNS} runs FAILED` : `all ${RUNS} runs pass: every dataset validates, nothing partial, history and audit log complete`);
  rmSync(work, { recursive: true, force: true });
  process.exit(failures ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
