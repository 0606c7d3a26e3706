/**
 * The PostgreSQL store, chosen when DATABASE_URL is set: any number of servers share one database.
 *
 * - The live package is one row (store_state) with a counter that moves with every change; each
 *   live CSV points at an immutable version (live_files → dataset_versions, bytes and SHA-256).
 * - A change is one transaction. It starts by locking store_state's row, so changes from every
 *   server run one at a time, and each reads the live data it will replace (publish.ts then
 *   refuses a stale base with 409). A throw, or a server killed mid-change, rolls it all back.
 * - The transaction ends with NOTIFY atlas_store: every server listening drops its cache at
 *   once; each also asks for the counter at most every half second (one indexed query), so a
 *   server whose listening connection dropped still follows within a second.
 * - On start the schema is migrated (migrate.ts) and an empty database is filled from the data
 *   folder (the bundled data), as the file store would serve it.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import pg from 'pg';
import { PACKAGE_FILE, sha256, type DataPackage } from '../data/package';
import type { AuditEntry } from './audit';
import { step } from './commit';
import { VERSION_ID, versionId, type VersionMeta } from './history';
import { migrate } from './migrate';
import { dataDir } from './paths';
import { UPLOAD_ID, type Account, type Counted, type LimitCheck, type StaffStore } from './staff';
import type { Store, StoreChange } from './store';

const CHANNEL = 'atlas_store';

type Queryable = Pick<pg.PoolClient, 'query'>;

const byNewest = (a: VersionMeta, b: VersionMeta) => b.time.localeCompare(a.time) || b.id.localeCompare(a.id);

async function listVersions(db: Queryable, dataset: string): Promise<VersionMeta[]> {
  const { rows } = await db.query<{ meta: VersionMeta }>('SELECT meta FROM dataset_versions WHERE dataset = $1 AND meta IS NOT NULL', [dataset]);
  return rows.map((r) => r.meta).sort(byNewest);
}

async function liveFile(db: Queryable, file: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ content: Buffer }>(
    'SELECT v.content FROM live_files l JOIN dataset_versions v ON v.dataset = l.dataset AND v.id = l.version_id WHERE l.path = $1',
    [file],
  );
  return rows[0]?.content ?? null;
}

const COLUMNS = ['indicator', 'period', 'geography', 'age_group', 'unit', 'estimate', 'ci_lower', 'ci_upper', 'interval_type', 'series', 'revision', 'qualifiers', 'source', 'note'] as const;
const NUMERIC = new Set(['estimate', 'ci_lower', 'ci_upper', 'revision']);
const REQUIRED = new Set(['indicator', 'period', 'geography', 'age_group', 'unit', 'series', 'revision', 'source']);

/**
 * A canonical CSV's rows, column by column (numbers as numbers, blanks as null), for the
 * observations table; null when the bytes are not a canonical file whose every row reads (a live
 * file that no longer validates keeps its bytes, and gets no rows).
 */
export function observationColumns(bytes: Buffer): Record<(typeof COLUMNS)[number], Array<string | number | null>> | null {
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length || COLUMNS.some((c) => !parsed.meta.fields?.includes(c))) return null;
  const out = Object.fromEntries(COLUMNS.map((c) => [c, [] as Array<string | number | null>])) as Record<(typeof COLUMNS)[number], Array<string | number | null>>;
  for (const row of parsed.data) {
    for (const c of COLUMNS) {
      const text = row[c] ?? '';
      if (!text) {
        if (REQUIRED.has(c)) return null;
        out[c].push(null);
      } else if (NUMERIC.has(c)) {
        const n = Number(text);
        if (!Number.isFinite(n)) return null;
        out[c].push(n);
      } else out[c].push(text);
    }
  }
  return out;
}

/**
 * Stores a version's bytes (and, when new, its rows in observations), then lists it when `meta`
 * is given and it is not listed yet. Immutable: an existing version is never rewritten.
 */
export async function insertVersion(db: Queryable, dataset: string, id: string, bytes: Buffer, meta: VersionMeta | null): Promise<void> {
  const hash = sha256(bytes);
  if (meta && meta.hash !== hash) throw new Error(`Version ${id} of ${dataset} does not match its hash.`);
  const inserted = await db.query('INSERT INTO dataset_versions (dataset, id, hash, size, content) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id', [dataset, id, hash, bytes.length, bytes]);
  if (inserted.rowCount) {
    const cols = observationColumns(bytes);
    if (cols) {
      await db.query(
        `INSERT INTO observations (dataset, version_id, row_number, ${COLUMNS.join(', ')})
         SELECT $1, $2, n, ${COLUMNS.map((c) => c).join(', ')}
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[])
           WITH ORDINALITY AS t(${COLUMNS.join(', ')}, n)`,
        [dataset, id, ...COLUMNS.map((c) => cols[c])],
      );
    }
  }
  if (meta) await db.query('UPDATE dataset_versions SET meta = $3 WHERE dataset = $1 AND id = $2 AND meta IS NULL', [dataset, id, JSON.stringify(meta)]);
}

async function insertAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (id, time, entry) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [entry.id, entry.time, JSON.stringify(entry)]);
}

/** Whether two servers must not fill the database at once: the same lock number everywhere. */
const SEED_LOCK = 4_718_202;

/**
 * Fills an empty store from a data folder: its datapackage.json and each dataset's CSV, kept as
 * versions not yet listed (publish.ts lists the live one, as "initial", at its first change, as
 * the file store does). Does nothing when the store already holds data.
 */
export async function seedFromFolder(client: pg.PoolClient, dir: string): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const { rowCount } = await client.query('SELECT 1 FROM store_state');
    if (rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const packageText = await readFile(path.join(dir, PACKAGE_FILE), 'utf8');
    const pkg = JSON.parse(packageText) as DataPackage;
    for (const r of pkg.resources) {
      let bytes: Buffer;
      try {
        bytes = await readFile(path.join(dir, r.path));
      } catch {
        continue; // a missing file stays missing, as the file store would serve it
      }
      const hash = sha256(bytes);
      // The id publish.ts gives the live data as found, so its first change lists this very row.
      const id = versionId(new Date(r.lastModified), hash);
      await insertVersion(client, r.name, id, bytes, null);
      await client.query('INSERT INTO live_files (path, dataset, version_id) VALUES ($1, $2, $3)', [r.path, r.name, id]);
    }
    await client.query('INSERT INTO store_state (package_text) VALUES ($1)', [packageText]);
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Runs `fn` in a transaction on one connection of the pool; rolls back on a throw. A connection
 * cut meanwhile (its server gone, or killed) reports its error here, the next query fails with it,
 * and the broken connection is closed, not returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let lost: Error | null = null;
  const onLost = (err: Error) => (lost = err);
  c.on('error', onLost);
  try {
    await c.query('BEGIN');
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch((rollbackErr: Error) => (lost ??= rollbackErr));
    throw err;
  } finally {
    c.off('error', onLost);
    c.release(lost ?? undefined);
  }
}

interface AccountRow {
  email: string;
  password_hash: string;
  created: Date;
  session_version: number;
}

const toAccount = (r: AccountRow): Account => ({ email: r.email, passwordHash: r.password_hash, created: r.created.toISOString(), sessionVersion: r.session_version });

/** Accounts, the session key and the limits' counts in PostgreSQL, shared by every server. */
function postgresStaff(pool: pg.Pool): StaffStore {
  let key: Promise<Buffer> | null = null;
  return {
    async accounts() {
      const { rows } = await pool.query<AccountRow>('SELECT email, password_hash, created, session_version FROM staff_accounts ORDER BY created, email');
      return rows.map(toAccount);
    },
    updateAccounts(change) {
      return inTransaction(pool, async (c) => {
        // Readers go on; a second change (on any server) waits here for this one.
        await c.query('LOCK TABLE staff_accounts IN SHARE ROW EXCLUSIVE MODE');
        const { rows } = await c.query<AccountRow>('SELECT email, password_hash, created, session_version FROM staff_accounts ORDER BY created, email');
        const accounts = rows.map(toAccount);
        const result = change(accounts);
        const kept = accounts.map((a) => a.email);
        await c.query('DELETE FROM staff_accounts WHERE NOT (email = ANY($1::text[]))', [kept]);
        for (const a of accounts) {
          await c.query(
            `INSERT INTO staff_accounts (email, password_hash, created, session_version) VALUES ($1, $2, $3, $4)
             ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, session_version = EXCLUDED.session_version`,
            [a.email, a.passwordHash, a.created, a.sessionVersion],
          );
        }
        return result;
      });
    },
    sessionKey() {
      key ??= (async () => {
        await pool.query("INSERT INTO store_secrets (name, value) VALUES ('session-key', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(48).toString('base64')]);
        const { rows } = await pool.query<{ value: string }>("SELECT value FROM store_secrets WHERE name = 'session-key'");
        return Buffer.from(rows[0].value, 'utf8');
      })();
      key.catch(() => (key = null));
      return key;
    },
    attempt(checks: readonly LimitCheck[], now = Date.now()) {
      return inTransaction(pool, async (c) => {
        // One lock per key, taken in a fixed order: a check and its count are one step on every server.
        for (const k of [...new Set(checks.map((x) => `${x.limiter}\n${x.key}`))].sort()) await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [k]);
        let wait = 0;
        let blocked: LimitCheck | null = null;
        for (const x of checks) {
          await c.query('DELETE FROM rate_events WHERE limiter = $1 AND key = $2 AND at <= $3', [x.limiter, x.key, now - x.windowMs]);
          const { rows } = await c.query<{ at: string }>('SELECT at FROM rate_events WHERE limiter = $1 AND key = $2 ORDER BY at', [x.limiter, x.key]);
          const w = rows.length < x.max ? 0 : Number(rows[rows.length - x.max].at) + x.windowMs - now;
          if (w > wait) {
            wait = w;
            blocked = x;
          }
        }
        if (wait > 0) return { wait, blocked, counted: [] };
        for (const x of checks) await c.query('INSERT INTO rate_events (limiter, key, at) VALUES ($1, $2, $3)', [x.limiter, x.key, now]);
        // Now and then, the keys nobody has tried for a day go.
        if (Math.random() < 0.01) await c.query('DELETE FROM rate_events WHERE at < $1', [now - DAY_MS]);
        return { wait: 0, blocked: null, counted: checks.map((x) => ({ limiter: x.limiter, key: x.key, time: now })) };
      });
    },
    async forgive(counted: readonly Counted[]) {
      for (const x of counted) {
        await pool.query('DELETE FROM rate_events WHERE id = (SELECT id FROM rate_events WHERE limiter = $1 AND key = $2 AND at = $3 ORDER BY id DESC LIMIT 1)', [x.limiter, x.key, x.time]);
      }
    },
    async clear(limiter, key) {
      await pool.query('DELETE FROM rate_events WHERE limiter = $1 AND key = $2', [limiter, key]);
    },

    async stageUpload(id, upload, maxAgeMs) {
      await pool.query("DELETE FROM staged_uploads WHERE staged_at < now() - make_interval(secs => $1 / 1000.0)", [maxAgeMs]);
      await pool.query('INSERT INTO staged_uploads (id, report, csv, outside) VALUES ($1, $2, $3, $4)', [id, upload.report, upload.csv, upload.outside]);
    },
    async readStaged(id, maxAgeMs) {
      if (!UPLOAD_ID.test(id)) return null;
      const { rows } = await pool.query<{ report: string; csv: Buffer; outside: Buffer | null }>(
        'SELECT report, csv, outside FROM staged_uploads WHERE id = $1 AND staged_at >= now() - make_interval(secs => $2 / 1000.0)',
        [id, maxAgeMs],
      );
      return rows[0] ?? null;
    },
    async removeStaged(id) {
      if (!UPLOAD_ID.test(id)) return;
      await pool.query('DELETE FROM staged_uploads WHERE id = $1', [id]);
    },
  };
}

export interface PostgresStore extends Store {
  readonly pool: pg.Pool;
}

export interface PostgresOptions {
  /** The folder an empty database is filled from (default: the data folder). Null: leave it empty. */
  seedFrom?: string | null;
  /** Connections in the pool (default ATLAS_DB_POOL, else 10). */
  max?: number;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? (Number(process.env.ATLAS_DB_POOL) || 10) });
  // An idle connection the server dropped must not take the process down.
  pool.on('error', (err) => console.error('PostgreSQL connection error:', err.message));
  const client = await pool.connect();
  try {
    await migrate(client);
    const seedFrom = options.seedFrom === undefined ? dataDir() : options.seedFrom;
    if (seedFrom) await seedFromFolder(client, seedFrom);
  } catch (err) {
    client.release();
    await pool.end();
    throw err;
  }
  client.release();

  const listeners = new Set<() => void>();
  const notifyAll = () => {
    for (const l of listeners) l();
  };
  let listener: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  /** One connection that LISTENs; when it drops, it is opened again and every listener told (it may have missed a change). */
  async function listen(): Promise<void> {
    if (closed || listener) return;
    const c = new pg.Client({ connectionString: url });
    listener = c;
    const reopen = () => {
      if (listener !== c) return;
      listener = null;
      c.end().catch(() => {});
      if (!closed) retry = setTimeout(() => listen().then(notifyAll, () => {}), 1000);
    };
    c.on('error', reopen);
    c.on('end', reopen);
    c.on('notification', (n) => {
      if (n.channel === CHANNEL) notifyAll();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch {
      reopen();
    }
  }

  const store: PostgresStore = {
    kind: 'postgres',
    pool,

    async packageKey() {
      const { rows } = await pool.query<{ generation: string }>('SELECT generation FROM store_state');
      if (!rows[0]) throw new Error('The database holds no data yet: start the server with a data folder to fill it from, or run npm run store:migrate.');
      return `g${rows[0].generation}`;
    },
    async readPackageText() {
      const { rows } = await pool.query<{ package_text: string }>('SELECT package_text FROM store_state');
      if (!rows[0]) throw new Error('The database holds no data yet.');
      return rows[0].package_text;
    },
    async fileKey(file) {
      const { rows } = await pool.query<{ dataset: string; version_id: string }>('SELECT dataset, version_id FROM live_files WHERE path = $1', [file]);
      return rows[0] ? `${rows[0].dataset}/${rows[0].version_id}` : null;
    },
    async readLiveFile(file) {
      return liveFile(pool, file);
    },
    async readPackageFiles() {
      const c = await pool.connect();
      try {
        // One snapshot: the package and its CSVs as one change left them.
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await c.query<{ package_text: string }>('SELECT package_text FROM store_state');
        const files = await c.query<{ path: string; content: Buffer }>('SELECT l.path, v.content FROM live_files l JOIN dataset_versions v ON v.dataset = l.dataset AND v.id = l.version_id');
        await c.query('COMMIT');
        const packageText = rows[0]?.package_text;
        if (packageText === undefined) throw new Error('The database holds no data yet.');
        const byPath = new Map(files.rows.map((r) => [r.path, r.content]));
        const pkg = JSON.parse(packageText) as DataPackage;
        return [
          { name: PACKAGE_FILE, data: Buffer.from(packageText, 'utf8') },
          ...pkg.resources.map((r) => {
            const data = byPath.get(r.path);
            if (!data) throw new Error(`The live file ${r.path} is missing.`);
            return { name: r.path, data };
          }),
        ];
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },

    async historyDatasets() {
      const { rows } = await pool.query<{ dataset: string }>('SELECT DISTINCT dataset FROM dataset_versions WHERE meta IS NOT NULL ORDER BY dataset');
      return rows.map((r) => r.dataset);
    },
    listVersions: (dataset) => listVersions(pool, dataset),
    async findVersion(dataset, id) {
      if (!VERSION_ID.test(id)) return null;
      const { rows } = await pool.query<{ meta: VersionMeta }>('SELECT meta FROM dataset_versions WHERE dataset = $1 AND id = $2 AND meta IS NOT NULL', [dataset, id]);
      return rows[0]?.meta ?? null;
    },
    async readVersion(dataset, id) {
      const { rows } = await pool.query<{ content: Buffer }>('SELECT content FROM dataset_versions WHERE dataset = $1 AND id = $2', [dataset, id]);
      if (!rows[0]) throw new Error(`There is no version ${id} of ${dataset}.`);
      return rows[0].content;
    },

    appendAudit: (entry) => insertAudit(pool, entry),
    async readAuditPage(page = 0, size = 200) {
      const skip = Math.max(0, Math.floor(page)) * size;
      const { rows } = await pool.query<{ entry: AuditEntry }>('SELECT entry FROM audit_log ORDER BY seq DESC OFFSET $1 LIMIT $2', [skip, size + 1]);
      return { entries: rows.slice(0, size).map((r) => r.entry), more: rows.length > size };
    },
    async recentAudit(count, keep, lookBack = 5_000) {
      const { rows } = await pool.query<{ entry: AuditEntry }>('SELECT entry FROM audit_log ORDER BY seq DESC LIMIT $1', [lookBack]);
      return rows
        .map((r) => r.entry)
        .filter(keep)
        .slice(0, count);
    },

    async change(fn) {
      let applied = false;
      const result = await inTransaction(pool, async (c) => {
        // The row lock orders changes from every server; whoever waits reads what the winner left.
        const { rows } = await c.query<{ package_text: string }>('SELECT package_text FROM store_state FOR UPDATE');
        if (!rows[0]) throw new Error('The database holds no data yet.');
        const tx: StoreChange = {
          packageText: rows[0].package_text,
          liveFile: (file) => liveFile(c, file),
          listVersions: (dataset) => listVersions(c, dataset),
          keepVersionBytes: (dataset, id, bytes) => insertVersion(c, dataset, id, Buffer.from(bytes), null),
          keepVersion: (meta, bytes) => insertVersion(c, meta.dataset, meta.id, Buffer.from(bytes), meta),
          async apply(journal) {
            const { meta } = journal;
            if (journal.packageOnly) {
              // a change of words: the live CSV stays as it is
            } else if (meta) {
              const kept = await c.query<{ hash: string }>('SELECT hash FROM dataset_versions WHERE dataset = $1 AND id = $2', [journal.dataset, meta.id]);
              if (kept.rows[0]?.hash !== meta.hash) throw new Error(`Version ${meta.id} of ${journal.dataset} is not stored with the hash it names; refusing to publish it.`);
              await c.query('UPDATE dataset_versions SET meta = $3 WHERE dataset = $1 AND id = $2 AND meta IS NULL', [journal.dataset, meta.id, JSON.stringify(meta)]);
              await c.query(
                'INSERT INTO live_files (path, dataset, version_id) VALUES ($1, $2, $3) ON CONFLICT (path) DO UPDATE SET dataset = EXCLUDED.dataset, version_id = EXCLUDED.version_id',
                [journal.path, journal.dataset, meta.id],
              );
            } else {
              // A removal: the versions stay; only the live pointer goes.
              await c.query('DELETE FROM live_files WHERE path = $1', [journal.path]);
            }
            await step();
            const state = await c.query<{ generation: string }>('UPDATE store_state SET package_text = $1, generation = generation + 1, changed_at = now() RETURNING generation', [journal.packageText]);
            for (const entry of [journal.audit, ...(journal.moreAudit ?? [])]) await insertAudit(c, entry);
            await step();
            // Delivered when the transaction commits, to every server listening (this one included).
            await c.query('SELECT pg_notify($1, $2)', [CHANNEL, state.rows[0].generation]);
            applied = true;
          },
        };
        return fn(tx);
      });
      if (applied) notifyAll();
      return result;
    },

    staff: postgresStaff(pool),

    onChange(l) {
      listeners.add(l);
      void listen();
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = listener;
      listener = null;
      await c?.end().catch(() => {});
      await pool.end();
    },
  };
  return store;
}
