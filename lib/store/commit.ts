/**
 * Changing the live data: the store's half of a publish, a rollback, an added or removed dataset
 * or an edit of a dataset's words. lib/admin decides what the change is (checks, scope, the new
 * package); this file makes it durable and live, one change at a time.
 *
 * Under a lock, any change a crash interrupted is finished first. A change is written as a journal
 * naming everything it does; then the live CSV is replaced atomically, then datapackage.json, then
 * the version's metadata joins the history and the audit log gets its lines, then the journal goes.
 * A crash at any point leaves either the old data (no journal yet) or a journal that the next
 * request, or the next change, completes. Nothing already published is ever overwritten.
 */
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_FILE, sha256 } from '../data/package';
import { fsyncDir, TEMP_PREFIX, writeFileAtomic } from './atomic';
import { appendAudit, hasAuditEntry, type AuditEntry } from './audit';
import { historyDir, readVersion, storeVersionMeta, type VersionMeta } from './history';
import { withLock } from './lock';
import { dataDir, privateDir, privatePath, writablePrivatePath } from './paths';

/** One change to the live data, as the journal records it before any live file is touched. */
export interface Journal {
  dataset: string;
  /** The live CSV, relative to the data folder. */
  path: string;
  /**
   * The version going live; its CSV is already in the history, its metadata is written on apply.
   * Null when the dataset is being removed: its live CSV is deleted instead.
   */
  meta: VersionMeta | null;
  packageText: string;
  audit: AuditEntry;
  /** Further audit lines of the same change (a scope widened, a title edited), written after `audit`. */
  moreAudit?: AuditEntry[];
  /** Only datapackage.json changes (a title or description edit): the live CSV stays as it is. */
  packageOnly?: boolean;
}

const journalFile = () => privatePath('journal.json');
const lockDir = () => writablePrivatePath('publish.lock');

/** Test hook: ATLAS_FAULT_PAUSE_MS stretches each step, so a fault test can kill the server mid-publish. */
export async function step(): Promise<void> {
  const ms = Number(process.env.ATLAS_FAULT_PAUSE_MS ?? 0);
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

async function applyJournal(journal: Journal): Promise<void> {
  const live = path.join(dataDir(), journal.path);
  const { meta } = journal;
  if (journal.packageOnly) {
    // a metadata edit: nothing to do to the live CSV
  } else if (meta) {
    const bytes = readVersion(journal.dataset, meta.id);
    if (sha256(bytes) !== meta.hash) throw new Error(`History version ${meta.id} of ${journal.dataset} does not match its hash; refusing to publish it.`);
    let current: string | null = null;
    try {
      current = sha256(readFileSync(live));
    } catch {
      current = null;
    }
    if (current !== meta.hash) writeFileAtomic(live, bytes);
  } else {
    // A removal: the dataset's versions stay in the history; only the live file goes.
    rmSync(live, { force: true });
    fsyncDir(dataDir());
  }
  await step();
  writeFileAtomic(path.join(dataDir(), PACKAGE_FILE), journal.packageText);
  await step();
  if (meta) storeVersionMeta(meta);
  for (const entry of [journal.audit, ...(journal.moreAudit ?? [])]) if (!hasAuditEntry(entry)) await appendAudit(entry);
  await step();
  unlinkSync(journalFile());
  fsyncDir(privateDir());
}

/** Temporary files only a publish writes (under the lock): left by a crash, never in use now. */
function sweepTemporaryFiles(): void {
  const dirs = [dataDir()];
  try {
    for (const d of readdirSync(privatePath('history'))) dirs.push(historyDir(d));
  } catch {
    // no history yet
  }
  for (const dir of dirs) {
    try {
      for (const name of readdirSync(dir)) if (name.startsWith(TEMP_PREFIX)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // folder gone
    }
  }
}

async function recoverLocked(): Promise<boolean> {
  sweepTemporaryFiles();
  if (!existsSync(journalFile())) return false;
  const journal = JSON.parse(readFileSync(journalFile(), 'utf8')) as Journal;
  await applyJournal(journal);
  return true;
}

/**
 * Completes a publish a crash interrupted, if there is one; with `sweep` (once, when the server
 * starts reading data), also removes what a crash before the journal left. Safe at any time.
 */
export async function recoverPending(sweep = false): Promise<boolean> {
  if (!sweep && !existsSync(journalFile())) return false;
  return withLock(lockDir(), recoverLocked);
}

export const hasPendingPublish = () => existsSync(journalFile());

/**
 * Runs `change` holding the store's lock, after finishing any change a crash interrupted: what it
 * reads of the live data is what it will replace.
 */
export async function withStore<T>(change: () => Promise<T>): Promise<T> {
  return withLock(lockDir(), async () => {
    await recoverLocked();
    return change();
  });
}

/** Makes a change durable (its journal), then live. Only inside `withStore`. */
export async function applyChange(journal: Journal): Promise<void> {
  writeFileAtomic(writablePrivatePath('journal.json'), JSON.stringify(journal), { mode: 0o600 });
  await step();
  await applyJournal(journal);
}
