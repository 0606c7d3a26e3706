/**
 * The store: where everything that changes at run time lives — the live package and datasets,
 * every version ever published, the audit log — behind one interface with two implementations:
 *
 * - the file store (file-store.ts, the default): a data folder and a private folder on one
 *   machine, changed under a lock with a journal that crash recovery completes;
 * - the PostgreSQL store (postgres-store.ts), chosen when DATABASE_URL is set: the same data in
 *   tables, a change being one transaction that checks the live version it was built against,
 *   so any number of servers can share it.
 *
 * Both public pages (through live.ts) and staff's changes (lib/admin/publish.ts) use only this.
 */
import type { AuditEntry, AuditPage } from './audit';
import type { Journal } from './commit';
import type { VersionMeta } from './history';
import type { StaffStore } from './staff';

/** What one change sees and does, inside the store's lock (files) or transaction (PostgreSQL). */
export interface StoreChange {
  /** datapackage.json as it is live now. */
  readonly packageText: string;
  /** A live CSV's bytes, by its path in the package (null: there is none). */
  liveFile(path: string): Promise<Buffer | null>;
  listVersions(dataset: string): Promise<VersionMeta[]>;
  /** Keeps a version's bytes. Not listed until a change naming it as `meta` is applied. */
  keepVersionBytes(dataset: string, id: string, bytes: Uint8Array): Promise<void>;
  /** Keeps and lists a version at once: the live data as found, before its first change. */
  keepVersion(meta: VersionMeta, bytes: Uint8Array): Promise<void>;
  /** Makes the change live: the CSV (or its removal), the package, the version listed, the audit lines. */
  apply(journal: Journal): Promise<void>;
}

export interface Store {
  readonly kind: 'file' | 'postgres';
  /**
   * A token for the live package that changes with every change (a file's time and size, or the
   * database's change counter): readers re-parse only when it moves. Cheap to ask often.
   */
  packageKey(): Promise<string>;
  /** datapackage.json, exactly as live. */
  readPackageText(): Promise<string>;
  /** A token for one live file's content (null: the file is missing). */
  fileKey(path: string): Promise<string | null>;
  /** A live file's bytes (null: missing). */
  readLiveFile(path: string): Promise<Buffer | null>;
  /** The package and every live CSV, read as one consistent set (for the zip and the package route). */
  readPackageFiles(): Promise<Array<{ name: string; data: Buffer }>>;

  /** Every dataset with versions in the history (removed datasets included). */
  historyDatasets(): Promise<string[]>;
  /** A dataset's versions, newest first. */
  listVersions(dataset: string): Promise<VersionMeta[]>;
  findVersion(dataset: string, id: string): Promise<VersionMeta | null>;
  /** A version's bytes (throws when it has none). */
  readVersion(dataset: string, id: string): Promise<Buffer>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** One page of the audit log, newest first. */
  readAuditPage(page?: number, size?: number): Promise<AuditPage>;
  /** The newest entries that match `keep`, looking back over at most `lookBack` entries. */
  recentAudit(count: number, keep: (e: AuditEntry) => boolean, lookBack?: number): Promise<AuditEntry[]>;

  /**
   * Runs `fn` as one change: alone (no other change runs meanwhile, on this server or another),
   * after any change a crash interrupted is finished. A throw leaves the live data as it was.
   */
  change<T>(fn: (tx: StoreChange) => Promise<T>): Promise<T>;
  /** Staff accounts, the session key and the limits' counts. */
  readonly staff: StaffStore;

  /** Calls `listener` when another server (or this one) changes the live data. Returns a stop function. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

type Holder = { __atlasStore?: { url: string; store: Promise<Store> } };

/**
 * The store this server uses: PostgreSQL when DATABASE_URL is set, else the files. One per
 * process (on globalThis, so every route shares it); it follows DATABASE_URL if a test changes it.
 */
export function getStore(): Promise<Store> {
  const url = process.env.DATABASE_URL ?? '';
  const holder = globalThis as Holder;
  if (holder.__atlasStore?.url === url) return holder.__atlasStore.store;
  const store = url ? import('./postgres-store').then((m) => m.openPostgresStore(url)) : import('./file-store').then((m) => m.fileStore);
  holder.__atlasStore = { url, store };
  store.catch(() => {
    if (holder.__atlasStore?.store === store) delete holder.__atlasStore;
  });
  return store;
}

/** Records one line in the audit log (its id and time added here). */
export async function recordAudit(entry: Omit<AuditEntry, 'id' | 'time'>): Promise<void> {
  const { newAuditEntry } = await import('./audit');
  await (await getStore()).appendAudit(newAuditEntry(entry));
}
