/**
 * The store contract: the same tests against both stores — the file store and the PostgreSQL
 * store (a real cluster, started here) — each filled from a copy of the bundled data.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishUpload, rollbackTo, PublishError } from '@/lib/admin/publish';
import { analyseUpload } from '@/lib/admin/uploads';
import { sha256, type DataPackage } from '@/lib/data/package';
import { newAuditEntry, type AuditEntry } from '@/lib/store/audit';
import type { Journal } from '@/lib/store/commit';
import { versionId, type VersionMeta } from '@/lib/store/history';
import { getDataset, getPackage } from '@/lib/store/live';
import type { Counted } from '@/lib/store/staff';
import { getStore, type Store } from '@/lib/store/store';
import { startPostgres, type TestPostgres } from '../support/postgres';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = ['datapackage.json', 'national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv'];
const NATIONAL = 'national-estimates';
const staff = { email: 'ed@example.org' };

let db: TestPostgres;
let databases = 0;

beforeAll(async () => {
  db = await startPostgres();
}, 90_000);
afterAll(async () => db?.stop(), 60_000);

/** A new database on the test cluster. */
async function newDatabase(): Promise<string> {
  const name = `contract_${++databases}`;
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return db.url.replace(/\/postgres$/, `/${name}`);
}

/** A copy of the bundled data in a fresh folder, and a fresh private folder; returns the work folder. */
function freshFolders(): string {
  const work = mkdtempSync(path.join(tmpdir(), 'atlas-contract-'));
  mkdirSync(path.join(work, 'data'));
  for (const f of FILES) copyFileSync(path.join(ROOT, 'data', f), path.join(work, 'data', f));
  process.env.ATLAS_DATA_DIR = path.join(work, 'data');
  process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
  return work;
}

const STORES: Array<{ name: string; open: () => Promise<void> }> = [
  {
    name: 'the file store',
    open: async () => {
      delete process.env.DATABASE_URL;
    },
  },
  {
    name: 'the PostgreSQL store',
    open: async () => {
      process.env.DATABASE_URL = await newDatabase();
    },
  },
];

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'data', 'datapackage.json'), 'utf8')) as DataPackage;
const nationalPath = bundled.resources.find((r) => r.name === NATIONAL)?.path as string;
const nationalBytes = readFileSync(path.join(ROOT, 'data', nationalPath));

/** The national CSV with one estimate changed: a new version. */
function editedNational(estimate: string): Buffer {
  const lines = nationalBytes.toString('utf8').split('\n');
  const header = lines[0].split(',');
  const col = header.indexOf('estimate');
  const cells = lines[1].split(',');
  cells[col] = estimate;
  lines[1] = cells.join(',');
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** A change made directly through the store: keep the live version and the new one, then apply. */
async function changeNational(store: Store, bytes: Buffer, options: { fail?: boolean; note?: string } = {}): Promise<{ meta: VersionMeta; audit: AuditEntry }> {
  return store.change(async (tx) => {
    const pkg = JSON.parse(tx.packageText) as DataPackage;
    const live = (await tx.liveFile(nationalPath)) as Buffer;
    const liveHash = sha256(live);
    const versions = await tx.listVersions(NATIONAL);
    let previous = versions.find((v) => v.hash === liveHash) ?? null;
    const resource = pkg.resources.find((r) => r.name === NATIONAL) as DataPackage['resources'][number];
    if (!previous) {
      previous = { id: versionId(new Date(resource.lastModified), liveHash), dataset: NATIONAL, hash: liveHash, bytes: live.length, observations: 0, time: resource.lastModified, user: 'data:build (bundled data)', kind: 'initial', note: 'bundled', previous: null, counts: null };
      await tx.keepVersion(previous, live);
    }
    const now = new Date(Date.parse(previous.time) + 1000 + versions.length * 1000);
    const hash = sha256(bytes);
    const meta: VersionMeta = { id: versionId(now, hash), dataset: NATIONAL, hash, bytes: bytes.length, observations: 1, time: now.toISOString(), user: staff.email, kind: 'publish', note: options.note ?? 'test', previous: previous.id, counts: { added: 0, removed: 0, changed: 1 } };
    await tx.keepVersionBytes(NATIONAL, meta.id, bytes);
    if (options.fail) throw new Error('refused before going live');
    const next: DataPackage = { ...pkg, version: `${pkg.version}+1`, resources: pkg.resources.map((r) => (r.name === NATIONAL ? { ...r, hash, bytes: bytes.length } : r)) };
    const audit = newAuditEntry({ user: staff.email, action: 'publish', dataset: NATIONAL, fromHash: liveHash, toHash: hash, version: meta.id, note: meta.note });
    const journal: Journal = { dataset: NATIONAL, path: nationalPath, meta, packageText: `${JSON.stringify(next, null, 2)}\n`, audit };
    await tx.apply(journal);
    return { meta, audit };
  });
}

describe.each(STORES)('$name', ({ open }) => {
  let work: string;
  let store: Store;

  beforeAll(async () => {
    work = freshFolders();
    await open();
    store = await getStore();
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    rmSync(work, { recursive: true, force: true });
    delete process.env.DATABASE_URL;
    delete process.env.ATLAS_DATA_DIR;
    delete process.env.ATLAS_PRIVATE_DIR;
  });

  it('serves the package and every live file exactly as the data folder held them', async () => {
    expect(await store.readPackageText()).toBe(readFileSync(path.join(ROOT, 'data', 'datapackage.json'), 'utf8'));
    for (const r of bundled.resources) {
      const bytes = await store.readLiveFile(r.path);
      expect(bytes && sha256(bytes)).toBe(r.hash);
      expect(await store.fileKey(r.path)).not.toBeNull();
    }
    expect(await store.readLiveFile('no-such-file.csv')).toBeNull();
    expect(await store.fileKey('no-such-file.csv')).toBeNull();
    const files = await store.readPackageFiles();
    expect(files.map((f) => f.name)).toEqual(['datapackage.json', ...bundled.resources.map((r) => r.path)]);
    for (const f of files.slice(1)) expect(sha256(f.data)).toBe(bundled.resources.find((r) => r.path === f.name)?.hash);
    // The public read path goes through the store: the same observations as the file.
    expect((await getDataset(NATIONAL))?.observations.length).toBe(bundled.resources.find((r) => r.name === NATIONAL)?.observations);
  });

  it('makes a change live whole — the CSV, the package, the listed version, the audit line — and moves its keys', async () => {
    const keyBefore = await store.packageKey();
    const fileKeyBefore = await store.fileKey(nationalPath);
    let told = 0;
    const stop = store.onChange(() => told++);
    const bytes = editedNational('99.9');
    const { meta, audit } = await changeNational(store, bytes);
    expect(sha256((await store.readLiveFile(nationalPath)) as Buffer)).toBe(sha256(bytes));
    expect((JSON.parse(await store.readPackageText()) as DataPackage).resources.find((r) => r.name === NATIONAL)?.hash).toBe(meta.hash);
    expect(await store.packageKey()).not.toBe(keyBefore);
    expect(await store.fileKey(nationalPath)).not.toBe(fileKeyBefore);
    const versions = await store.listVersions(NATIONAL);
    expect(versions.map((v) => v.kind)).toEqual(['publish', 'initial']);
    expect(versions[0]).toEqual(meta);
    expect(await store.findVersion(NATIONAL, meta.id)).toEqual(meta);
    expect(sha256(await store.readVersion(NATIONAL, meta.id))).toBe(meta.hash);
    expect(sha256(await store.readVersion(NATIONAL, versions[1].id))).toBe(sha256(nationalBytes));
    expect((await store.readAuditPage(0, 1)).entries).toEqual([audit]);
    await expect.poll(() => told, { timeout: 5_000 }).toBeGreaterThan(0);
    stop();
    // The public read path sees the new figure.
    const row = (await getDataset(NATIONAL))?.observations[0];
    expect(row?.estimate).toBe(99.9);
  });

  it('leaves everything as it was when a change fails before going live', async () => {
    const before = { pkg: await store.readPackageText(), live: await store.readLiveFile(nationalPath), versions: await store.listVersions(NATIONAL), audit: await store.readAuditPage(0, 50), key: await store.packageKey() };
    await expect(changeNational(store, editedNational('12.3'), { fail: true })).rejects.toThrow(/refused before going live/);
    expect(await store.readPackageText()).toBe(before.pkg);
    expect(await store.readLiveFile(nationalPath)).toEqual(before.live);
    expect(await store.listVersions(NATIONAL)).toEqual(before.versions);
    expect(await store.readAuditPage(0, 50)).toEqual(before.audit);
    expect(await store.packageKey()).toBe(before.key);
  });

  it('runs changes one at a time, each reading what the one before it left', async () => {
    const start = (JSON.parse(await store.readPackageText()) as DataPackage).version;
    const results = await Promise.all(['1.5', '2.5', '3.5'].map((e) => changeNational(store, editedNational(e), { note: e })));
    // Each change bumped the version it read: none was lost.
    expect((JSON.parse(await store.readPackageText()) as DataPackage).version).toBe(`${start}+1+1+1`);
    const versions = await store.listVersions(NATIONAL);
    for (const r of results) expect(versions.some((v) => v.id === r.meta.id)).toBe(true);
    const audit = (await store.readAuditPage(0, 3)).entries;
    expect(new Set(audit.map((e) => e.id))).toEqual(new Set(results.map((r) => r.audit.id)));
  });

  it('pages the audit log newest first, and finds recent entries by a test', async () => {
    const entries = [1, 2, 3].map((n) => newAuditEntry({ user: `u${n}@example.org`, action: n === 2 ? 'sign-in' : 'upload', note: String(n) }, new Date(Date.now() + n)));
    for (const e of entries) await store.appendAudit(e);
    const first = await store.readAuditPage(0, 2);
    expect(first.entries).toEqual([entries[2], entries[1]]);
    expect(first.more).toBe(true);
    expect((await store.readAuditPage(1, 2)).entries[0]).toEqual(entries[0]);
    expect(await store.recentAudit(2, (e) => !e.action.startsWith('sign-'))).toEqual([entries[2], entries[0]]);
  });

  it('refuses a publish against a stale live version (409) and changes nothing; the right one goes live', async () => {
    const live = (await store.readLiveFile(nationalPath)) as Buffer;
    const versions = await store.listVersions(NATIONAL);
    const initial = versions.find((v) => v.kind === 'initial') as VersionMeta;
    const before = await store.readPackageText();
    const stale = await rollbackTo({ dataset: NATIONAL, versionId: initial.id, baseHash: sha256(nationalBytes), note: 'restore', staff }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PublishError);
    expect((stale as PublishError).status).toBe(409);
    expect(await store.readPackageText()).toBe(before);
    const done = await rollbackTo({ dataset: NATIONAL, versionId: initial.id, baseHash: sha256(live), note: 'restore', staff });
    expect(done.hash).toBe(sha256(nationalBytes));
    expect(sha256((await store.readLiveFile(nationalPath)) as Buffer)).toBe(sha256(nationalBytes));
    expect((await store.listVersions(NATIONAL))[0]).toMatchObject({ kind: 'rollback', restored: initial.id });
    expect((await getPackage()).resources.find((r) => r.name === NATIONAL)?.hash).toBe(sha256(nationalBytes));
  });

  it('publishes a staged upload through the staff path', async () => {
    const csv = editedNational('42.0');
    const report = await analyseUpload({ bytes: csv, fileName: 'national.csv', dataset: NATIONAL, mode: 'replace', user: staff.email });
    expect(report.ok).toBe(true);
    const result = await publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: 'A corrected figure.', acknowledged: true, staff });
    // What goes live is the upload in canonical form (42.0 written 42), the bytes staff previewed.
    expect(result.hash).toBe(report.candidateHash);
    expect(sha256((await store.readLiveFile(nationalPath)) as Buffer)).toBe(report.candidateHash);
    expect((await getDataset(NATIONAL))?.observations[0].estimate).toBe(42);
    expect((await store.readAuditPage(0, 1)).entries[0]).toMatchObject({ action: 'publish', toHash: report.candidateHash, note: 'A corrected figure.' });
  });

  it('keeps staff accounts, changed one change at a time, and one session key', async () => {
    expect(await store.staff.accounts()).toEqual([]);
    await Promise.all(
      ['a@example.org', 'b@example.org', 'c@example.org'].map((email) =>
        store.staff.updateAccounts((accounts) => accounts.push({ email, passwordHash: `scrypt$${email}`, created: new Date().toISOString(), sessionVersion: 1 })),
      ),
    );
    // Three sign-outs at once: none is lost.
    await Promise.all([1, 2, 3].map(() => store.staff.updateAccounts((accounts) => accounts.forEach((a) => a.email === 'b@example.org' && a.sessionVersion++))));
    const accounts = await store.staff.accounts();
    expect(accounts.map((a) => a.email).sort()).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    expect(accounts.find((a) => a.email === 'b@example.org')?.sessionVersion).toBe(4);
    await store.staff.updateAccounts((list) => list.splice(list.findIndex((a) => a.email === 'c@example.org'), 1));
    expect((await store.staff.accounts()).map((a) => a.email).sort()).toEqual(['a@example.org', 'b@example.org']);
    const key = await store.staff.sessionKey();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(await store.staff.sessionKey()).toEqual(key);
  });

  it('counts limited attempts: exactly max of a parallel burst pass, a refused one counts nowhere, forgiven ones come back', async () => {
    const check = { limiter: `test-${Math.random()}`, key: 'k', max: 5, windowMs: 60_000 };
    const other = { limiter: check.limiter, key: 'other', max: 100, windowMs: 60_000 };
    const now = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => store.staff.attempt([check, other], now)));
    expect(burst.filter((r) => r.wait === 0)).toHaveLength(5);
    const refused = burst.filter((r) => r.wait > 0);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.blocked).toEqual(check);
      expect(r.wait).toBe(60_000);
    }
    // Only the 5 that passed were counted against the other key.
    const again = await store.staff.attempt([{ ...other, max: 6 }], now);
    expect(again.wait).toBe(0);
    expect((await store.staff.attempt([{ ...other, max: 6 }], now)).wait).toBeGreaterThan(0);
    // A forgiven attempt makes room for one more; a cleared key starts again.
    await store.staff.forgive([burst.find((r) => r.wait === 0)?.counted[0] as Counted]);
    expect((await store.staff.attempt([check], now)).wait).toBe(0);
    expect((await store.staff.attempt([check], now)).wait).toBeGreaterThan(0);
    await store.staff.clear(check.limiter, check.key);
    expect((await store.staff.attempt([check], now)).wait).toBe(0);
    // The window slides: a minute later the key may try again.
    expect((await store.staff.attempt([check], now + 60_001)).wait).toBe(0);
  });

  it('keeps a checked upload until it is published, removed or too old', async () => {
    const id = '6f1c2a9e-1b2c-4d5e-8f90-123456789abc';
    const upload = { report: JSON.stringify({ uploadId: id }), csv: Buffer.from('a,b\n1,2\n'), outside: Buffer.from('a,b\n3,4\n') };
    await store.staff.stageUpload(id, upload, 60_000);
    expect(await store.staff.readStaged(id, 60_000)).toEqual(upload);
    // Older than the age asked for: as good as gone.
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.staff.readStaged(id, 5)).toBeNull();
    await store.staff.removeStaged(id);
    expect(await store.staff.readStaged(id, 60_000)).toBeNull();
    const plain = { ...upload, outside: null };
    await store.staff.stageUpload(id, plain, 60_000);
    expect(await store.staff.readStaged(id, 60_000)).toEqual(plain);
    expect(await store.staff.readStaged('../../etc/passwd', 60_000)).toBeNull();
  });

  it('takes a dataset off the live data and keeps its versions', async () => {
    const versions = await store.listVersions(NATIONAL);
    await store.change(async (tx) => {
      const pkg = JSON.parse(tx.packageText) as DataPackage;
      const next = { ...pkg, resources: pkg.resources.filter((r) => r.name !== NATIONAL) };
      await tx.apply({ dataset: NATIONAL, path: nationalPath, meta: null, packageText: JSON.stringify(next), audit: newAuditEntry({ user: staff.email, action: 'remove-dataset', dataset: NATIONAL }) });
    });
    expect(await store.readLiveFile(nationalPath)).toBeNull();
    expect(await store.fileKey(nationalPath)).toBeNull();
    expect((JSON.parse(await store.readPackageText()) as DataPackage).resources.some((r) => r.name === NATIONAL)).toBe(false);
    expect(await store.listVersions(NATIONAL)).toEqual(versions);
  });
});

describe('the PostgreSQL store alone', () => {
  let url: string;
  let work: string;
  const opened: Store[] = [];
  const open = async () => {
    const { openPostgresStore } = await import('@/lib/store/postgres-store');
    const s = await openPostgresStore(url, { seedFrom: path.join(work, 'data') });
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    work = freshFolders();
    url = await newDatabase();
  }, 60_000);
  afterAll(async () => {
    for (const s of opened) await s.close();
    rmSync(work, { recursive: true, force: true });
    delete process.env.ATLAS_DATA_DIR;
    delete process.env.ATLAS_PRIVATE_DIR;
  });

  it('migrates once, records each migration, and fills an empty database once', async () => {
    await Promise.all([open(), open()]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows).toEqual([
        { version: 1, name: 'store' },
        { version: 2, name: 'staff' },
        { version: 3, name: 'uploads' },
        { version: 4, name: 'observations' },
      ]);
      expect((await c.query('SELECT count(*)::int AS n FROM store_state')).rows[0].n).toBe(1);
      expect((await c.query('SELECT count(*)::int AS n FROM live_files')).rows[0].n).toBe(bundled.resources.length);
      // Every live file's rows are in the observations table, column for column.
      for (const r of bundled.resources) {
        expect((await c.query('SELECT count(*)::int AS n FROM live_observations WHERE dataset = $1', [r.name])).rows[0].n).toBe(r.observations);
      }
      const first = (await c.query("SELECT indicator, period, geography, age_group, unit, estimate, series, revision FROM live_observations WHERE dataset = $1 AND row_number = 1", [NATIONAL])).rows[0];
      const [header, line] = nationalBytes.toString('utf8').split('\n');
      const cells = Object.fromEntries(header.split(',').map((h, i) => [h, line.split(',')[i]]));
      expect(first).toEqual({ indicator: cells.indicator, period: cells.period, geography: cells.geography, age_group: cells.age_group, unit: cells.unit, estimate: Number(cells.estimate), series: cells.series, revision: Number(cells.revision) });
      await expect(c.query('DELETE FROM observations')).rejects.toThrow(/immutable/);
    } finally {
      await c.end();
    }
  });

  it('never rewrites or deletes a stored version or an audit line', async () => {
    const [store] = opened;
    await store.appendAudit(newAuditEntry({ user: 'x@example.org', action: 'upload' }));
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await expect(c.query("UPDATE dataset_versions SET content = 'x'::bytea")).rejects.toThrow(/immutable/);
      await expect(c.query('DELETE FROM dataset_versions')).rejects.toThrow(/never deleted/);
      await expect(c.query("UPDATE audit_log SET entry = '{}'")).rejects.toThrow(/append-only/);
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });

  it('tells another server of a change within a second, and that server then serves it', async () => {
    const [a, b] = opened;
    let told = 0;
    const stop = b.onChange(() => told++);
    await new Promise((r) => setTimeout(r, 200)); // b's listening connection is open
    const keyBefore = await b.packageKey();
    const bytes = editedNational('77.7');
    const start = performance.now();
    await changeNational(a, bytes);
    await expect.poll(() => told, { timeout: 1_000, interval: 10 }).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(1_000);
    stop();
    expect(await b.packageKey()).not.toBe(keyBefore);
    expect(sha256((await b.readLiveFile(nationalPath)) as Buffer)).toBe(sha256(bytes));
    // The new version's rows went into the observations table with it.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const row = (await c.query('SELECT estimate FROM live_observations WHERE dataset = $1 AND row_number = 1', [NATIONAL])).rows[0];
    await c.end();
    expect(row.estimate).toBe(77.7);
  });

  it('shares accounts, the session key and the limits between servers', async () => {
    const [a, b] = opened;
    await a.staff.updateAccounts((list) => list.push({ email: 'both@example.org', passwordHash: 'scrypt$x', created: new Date().toISOString(), sessionVersion: 1 }));
    expect((await b.staff.accounts()).map((x) => x.email)).toContain('both@example.org');
    expect(await b.staff.sessionKey()).toEqual(await a.staff.sessionKey());
    // An upload checked on one server can be published through the other.
    const id = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await a.staff.stageUpload(id, { report: '{}', csv: Buffer.from('x'), outside: null }, 60_000);
    expect((await b.staff.readStaged(id, 60_000))?.csv.toString()).toBe('x');
    // A burst split across both servers: the limit holds for the two together.
    const check = { limiter: 'sign-in:account', key: 'both@example.org', max: 20, windowMs: 15 * 60_000 };
    const now = Date.now();
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).staff.attempt([check], now)));
    expect(burst.filter((r) => r.wait === 0)).toHaveLength(20);
  });

  it('follows the change counter from outside the app (the replay cache of serve.mjs), within a second of a change', async () => {
    const { watchPostgres } = await import('@/lib/cli/watch-postgres.mjs');
    const watch = watchPostgres(url);
    try {
      await expect.poll(() => watch.current()?.value, { timeout: 5_000 }).toMatch(/^g\d+$/);
      const before = watch.current()?.value;
      const start = performance.now();
      await changeNational(opened[0], editedNational('66.6'));
      await expect.poll(() => watch.current()?.value, { timeout: 1_000, interval: 10 }).not.toBe(before);
      expect(performance.now() - start).toBeLessThan(1_000);
      expect(watch.current()?.value).toBe(await opened[1].packageKey());
    } finally {
      await watch.stop();
    }
  });

  it('rolls back a change whose connection dies mid-way, and keeps serving', async () => {
    const [a] = opened;
    const before = { pkg: await a.readPackageText(), versions: await a.listVersions(NATIONAL) };
    const killed = a.change(async (tx) => {
      await tx.keepVersionBytes(NATIONAL, versionId(new Date(), sha256(Buffer.from('x'))), Buffer.from('x'));
      // The server's connection is cut, as when its process is killed.
      const killer = new pg.Client({ connectionString: url });
      await killer.connect();
      await killer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'");
      await killer.end();
      await tx.apply({ dataset: NATIONAL, path: nationalPath, meta: null, packageText: '{}', audit: newAuditEntry({ user: staff.email, action: 'remove-dataset' }) });
    });
    await expect(killed).rejects.toThrow();
    expect(await a.readPackageText()).toBe(before.pkg);
    expect(await a.listVersions(NATIONAL)).toEqual(before.versions);
    expect(await a.readLiveFile(nationalPath)).not.toBeNull();
  });
});

describe('npm run store:migrate', () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'lib', 'cli', 'store-migrate.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

  it('copies data, history, audit log and accounts from files to PostgreSQL and back, with matching digests', async () => {
    // A file store with a history: a change, an account, audit lines.
    const work = freshFolders();
    delete process.env.DATABASE_URL;
    const store = await getStore();
    await changeNational(store, editedNational('55.5'));
    await store.staff.updateAccounts((list) => list.push({ email: 'm@example.org', passwordHash: 'scrypt$m', created: new Date().toISOString(), sessionVersion: 3 }));
    await store.appendAudit(newAuditEntry({ user: 'm@example.org', action: 'sign-in' }));
    const { digest, readSnapshot } = await import('@/lib/store/transfer');
    const original = digest(await readSnapshot(store));
    const files = { ATLAS_DATA_DIR: process.env.ATLAS_DATA_DIR as string, ATLAS_PRIVATE_DIR: process.env.ATLAS_PRIVATE_DIR as string };
    const url = await newDatabase();

    const there = run(['--from', 'file', '--to', 'postgres'], { ...files, DATABASE_URL: url });
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toMatch(/2 versions, 2 audit lines, 1 accounts/);
    expect(there.stdout).not.toMatch(/DIFFERS/);
    // A second copy into the same database is refused, and changes nothing.
    const again = run(['--from', 'file', '--to', 'postgres'], { ...files, DATABASE_URL: url });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds history/);

    // The database serves what the files held.
    const { openPostgresStore } = await import('@/lib/store/postgres-store');
    const pgStore = await openPostgresStore(url, { seedFrom: null });
    expect(digest(await readSnapshot(pgStore))).toEqual(original);
    await pgStore.close();

    // And back, into empty folders.
    const back = { ATLAS_DATA_DIR: path.join(work, 'data-back'), ATLAS_PRIVATE_DIR: path.join(work, 'private-back') };
    mkdirSync(back.ATLAS_DATA_DIR);
    const home = run(['--from', 'postgres', '--to', 'file'], { ...back, DATABASE_URL: url });
    expect(home.status).toBe(0);
    expect(home.stdout).not.toMatch(/DIFFERS/);
    Object.assign(process.env, back);
    expect(digest(await readSnapshot(store))).toEqual(original);
    expect(readFileSync(path.join(back.ATLAS_DATA_DIR, nationalPath))).toEqual(editedNational('55.5'));
    rmSync(work, { recursive: true, force: true });
    delete process.env.ATLAS_DATA_DIR;
    delete process.env.ATLAS_PRIVATE_DIR;
  }, 60_000);
});
