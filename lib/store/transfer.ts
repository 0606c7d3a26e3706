/**
 * Copying everything from one store to the other (`npm run store:migrate`): the live package and
 * CSVs, every version in the history, the audit log, staff accounts and the session key (so staff
 * stay signed in). Uploads waiting to be published are not copied: check them again after a move.
 * Each side is summed up as SHA-256 digests, so the copy can be checked part by part.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { PACKAGE_FILE, sha256, type DataPackage } from '../data/package';
import { appendAudit, type AuditEntry } from './audit';
import { writeFileAtomic } from './atomic';
import { storeVersion, versionId, type VersionMeta } from './history';
import { dataDir, privatePath, writablePrivatePath } from './paths';
import type { Account } from './staff';
import { insertVersion, inTransaction } from './postgres-store';
import type { Store } from './store';

export interface Snapshot {
  packageText: string;
  live: Array<{ path: string; bytes: Buffer }>;
  /** Every listed version, oldest first. */
  versions: Array<{ meta: VersionMeta; bytes: Buffer }>;
  /** Oldest first. */
  audit: AuditEntry[];
  accounts: Account[];
  sessionKey: Buffer;
}

export async function readSnapshot(store: Store): Promise<Snapshot> {
  const packageText = await store.readPackageText();
  const pkg = JSON.parse(packageText) as DataPackage;
  const live: Snapshot['live'] = [];
  for (const r of pkg.resources) {
    const bytes = await store.readLiveFile(r.path);
    if (bytes) live.push({ path: r.path, bytes });
  }
  const versions: Snapshot['versions'] = [];
  for (const dataset of await store.historyDatasets()) {
    for (const meta of (await store.listVersions(dataset)).reverse()) versions.push({ meta, bytes: await store.readVersion(dataset, meta.id) });
  }
  const audit: AuditEntry[] = [];
  for (let page = 0; ; page++) {
    const { entries, more } = await store.readAuditPage(page, 1000);
    audit.push(...entries);
    if (!more) break;
  }
  audit.reverse();
  return { packageText, live, versions, audit, accounts: await store.staff.accounts(), sessionKey: await store.staff.sessionKey() };
}

const hashOf = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/** A digest of each part of a snapshot (and of the whole), the same whichever store it came from. */
export function digest(s: Snapshot): Record<'package' | 'live' | 'versions' | 'audit' | 'accounts' | 'all', string> {
  const parts = {
    package: hashOf([s.packageText]),
    live: hashOf(s.live.map((f) => `${f.path} ${sha256(f.bytes)}`).sort()),
    versions: hashOf(s.versions.map((v) => `${v.meta.dataset} ${v.meta.id} ${sha256(v.bytes)} ${JSON.stringify(v.meta, Object.keys(v.meta).sort())}`).sort()),
    audit: hashOf(s.audit.map((e) => JSON.stringify(e, Object.keys(e).sort()))),
    accounts: hashOf(s.accounts.map((a) => `${a.email} ${a.passwordHash} ${Date.parse(a.created)} ${a.sessionVersion}`).sort()),
  };
  return { ...parts, all: hashOf(Object.values(parts)) };
}

/** Whether a store holds nothing a copy would overwrite: no history, no audit line, no account. */
export async function isEmptyTarget(store: Store): Promise<boolean> {
  return !(await store.historyDatasets()).length && !(await store.readAuditPage(0, 1)).entries.length && !(await store.staff.accounts()).length;
}

/** Writes a snapshot into the file store's folders (ATLAS_DATA_DIR, ATLAS_PRIVATE_DIR). */
export async function writeFileSnapshot(s: Snapshot): Promise<void> {
  for (const v of s.versions) await storeVersion(v.meta, v.bytes);
  for (const f of s.live) writeFileAtomic(path.join(dataDir(), f.path), f.bytes);
  writeFileAtomic(path.join(dataDir(), PACKAGE_FILE), s.packageText);
  for (const e of s.audit) await appendAudit(e);
  writeFileAtomic(writablePrivatePath('staff.json'), `${JSON.stringify({ accounts: s.accounts }, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(privatePath('session.key'), s.sessionKey.toString('utf8'), { mode: 0o600 });
}

/** Writes a snapshot into an empty PostgreSQL store, in one transaction. */
export async function writePostgresSnapshot(pool: pg.Pool, s: Snapshot): Promise<void> {
  await inTransaction(pool, async (c) => {
    // A database filled from a data folder on start holds that data's versions, unlisted: they are listed now if the history names them.
    await c.query('DELETE FROM live_files');
    for (const v of s.versions) await insertVersion(c, v.meta.dataset, v.meta.id, v.bytes, v.meta);
    const pkg = JSON.parse(s.packageText) as DataPackage;
    for (const f of s.live) {
      const r = pkg.resources.find((x) => x.path === f.path) as DataPackage['resources'][number];
      const hash = sha256(f.bytes);
      // The live CSV's version: listed already, or (bundled data never changed) kept unlisted, as a fresh database holds it.
      let id = s.versions.find((v) => v.meta.dataset === r.name && v.meta.hash === hash)?.meta.id;
      if (!id) {
        id = versionId(new Date(r.lastModified), hash);
        await insertVersion(c, r.name, id, f.bytes, null);
      }
      await c.query('INSERT INTO live_files (path, dataset, version_id) VALUES ($1, $2, $3)', [f.path, r.name, id]);
    }
    await c.query('DELETE FROM store_state');
    await c.query('INSERT INTO store_state (package_text) VALUES ($1)', [s.packageText]);
    for (const e of s.audit) await c.query('INSERT INTO audit_log (id, time, entry) VALUES ($1, $2, $3)', [e.id, e.time, JSON.stringify(e)]);
    for (const a of s.accounts) await c.query('INSERT INTO staff_accounts (email, password_hash, created, session_version) VALUES ($1, $2, $3, $4)', [a.email, a.passwordHash, a.created, a.sessionVersion]);
    await c.query("INSERT INTO store_secrets (name, value) VALUES ('session-key', $1) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [s.sessionKey.toString('utf8')]);
  });
}
