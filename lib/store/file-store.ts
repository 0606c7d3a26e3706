/**
 * The file store, the default: the live data in the data folder, history and audit log in the
 * private folder, one change at a time under a lock with a journal (commit.ts). Needs nothing but
 * Node and a disk; one server.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_FILE, sha256, type DataPackage } from '../data/package';
import { appendAudit, auditEntriesNewestFirst, readAuditPage, type AuditEntry } from './audit';
import { applyChange, recoverPending, withStore } from './commit';
import { findVersion, listVersions, readVersion, storeVersion, storeVersionFile } from './history';
import { dataDir, privatePath } from './paths';
import { fileStaff } from './staff';
import type { Store, StoreChange } from './store';

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A live file inside the data folder; a path from the package never reaches outside it. */
function liveFilePath(relative: string): string {
  const dir = dataDir();
  const file = path.resolve(dir, relative);
  if (!file.startsWith(dir + path.sep)) throw new Error(`The path ${JSON.stringify(relative)} is outside the data folder.`);
  return file;
}

const statKey = (file: string): string | null => {
  try {
    const info = statSync(file);
    return `${info.mtimeMs}:${info.size}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

const listeners = new Set<() => void>();
const tellListeners = () => {
  for (const l of listeners) l();
};

let swept = false;
/** A recovery in progress: every reader waits for it, so none sees a half-finished change. */
let recovery: Promise<unknown> | null = null;

/** Finishes a change a crash interrupted before anyone reads; the first read also clears a crash's leftovers. */
async function recoverBeforeReading(): Promise<void> {
  if (!recovery) {
    const sweep = !swept && existsSync(privatePath());
    swept = true;
    if (sweep || existsSync(privatePath('journal.json'))) {
      recovery = recoverPending(sweep)
        .then((finished) => finished && tellListeners())
        .finally(() => (recovery = null));
    }
  }
  if (recovery) await recovery;
}


export const fileStore: Store = {
  kind: 'file',

  async packageKey() {
    await recoverBeforeReading();
    const key = statKey(path.join(dataDir(), PACKAGE_FILE));
    if (key === null) throw new Error(`${PACKAGE_FILE} is missing from the data folder ${dataDir()}.`);
    return key;
  },
  async readPackageText() {
    return readFile(path.join(dataDir(), PACKAGE_FILE), 'utf8');
  },
  async fileKey(relative) {
    return statKey(liveFilePath(relative));
  },
  async readLiveFile(relative) {
    return readOrNull(liveFilePath(relative));
  },

  /**
   * A change replaces a CSV a moment before datapackage.json; when the hashes disagree the files
   * are read again, so a download never pairs a CSV with the wrong description.
   */
  async readPackageFiles() {
    const dir = dataDir();
    for (let attempt = 0; ; attempt++) {
      const packageBytes = await readFile(path.join(dir, PACKAGE_FILE));
      const pkg = JSON.parse(packageBytes.toString('utf8')) as DataPackage;
      const files = await Promise.all(pkg.resources.map(async (r) => ({ name: r.path, data: await readFile(liveFilePath(r.path)), hash: r.hash })));
      const consistent = files.every((f) => sha256(f.data) === f.hash);
      if (consistent || attempt >= 5) return [{ name: PACKAGE_FILE, data: packageBytes }, ...files.map(({ name, data }) => ({ name, data }))];
      await new Promise((r) => setTimeout(r, 50));
    }
  },

  async historyDatasets() {
    try {
      return readdirSync(privatePath('history')).filter((d) => /^[a-z0-9][a-z0-9._-]*$/.test(d)).sort();
    } catch {
      return [];
    }
  },
  async listVersions(dataset) {
    return listVersions(dataset);
  },
  async findVersion(dataset, id) {
    return findVersion(dataset, id);
  },
  async readVersion(dataset, id) {
    return readVersion(dataset, id);
  },

  appendAudit,
  async readAuditPage(page, size) {
    return readAuditPage(page, size);
  },
  async recentAudit(count, keep, lookBack = 5_000) {
    const out: AuditEntry[] = [];
    let looked = 0;
    for (const e of auditEntriesNewestFirst()) {
      if (out.length === count || ++looked > lookBack) break;
      if (keep(e)) out.push(e);
    }
    return out;
  },

  async change(fn) {
    return withStore(async () => {
      const tx: StoreChange = {
        packageText: await readFile(path.join(dataDir(), PACKAGE_FILE), 'utf8'),
        liveFile: (relative) => readOrNull(liveFilePath(relative)),
        listVersions: async (dataset) => listVersions(dataset),
        keepVersionBytes: (dataset, id, bytes) => storeVersionFile(dataset, id, bytes),
        keepVersion: (meta, bytes) => storeVersion(meta, bytes),
        apply: async (journal) => {
          await applyChange(journal);
          tellListeners();
        },
      };
      return fn(tx);
    });
  },
  staff: fileStaff,
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async close() {},
};
