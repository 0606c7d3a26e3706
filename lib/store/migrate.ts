/**
 * Schema migrations for the PostgreSQL store: the numbered SQL files in lib/store/migrations,
 * applied in order, each recorded in schema_migrations. All pending files run in one transaction
 * under an advisory lock, so two servers starting at once apply them once, and a failure applies
 * none. Run on start by the PostgreSQL store, and by `npm run store:migrate`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PoolClient } from 'pg';

/** The folder of numbered SQL files (from the repository root, where npm scripts and `next start` run). */
export const migrationsDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'store', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migrations in the folder, in order; refuses a gap or a repeated number. */
export function readMigrations(dir = migrationsDir()): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) continue;
    out.push({ version: Number(m[1]), name: m[2], sql: readFileSync(path.join(dir, file), 'utf8') });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${String(m.version).padStart(3, '0')}_${m.name}.sql is out of sequence: expected number ${i + 1}.`);
  });
  return out;
}

/** Any number, as long as every server uses the same one: it keeps two migrations from running at once. */
const MIGRATION_LOCK = 4_718_201;

/** Applies the pending migrations; returns the versions applied now (none when up to date). */
export async function migrate(client: PoolClient, migrations = readMigrations()): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    const applied = new Map(rows.map((r) => [r.version, r.name]));
    const latest = Math.max(0, ...applied.keys());
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (latest > known) throw new Error(`The database is at schema version ${latest}, newer than this code knows (${known}). Run the newer release, or restore a backup.`);
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) {
        if (applied.get(m.version) !== m.name) throw new Error(`Schema version ${m.version} was applied as “${applied.get(m.version)}”, but this code names it “${m.name}”.`);
        continue;
      }
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
