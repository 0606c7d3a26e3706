/**
 * npm run store:migrate -- --from file --to postgres   (or --from postgres --to file)
 *
 * Copies everything from one store to the other: the live package and CSVs, every version in the
 * history, the audit log, staff accounts and the session key. The file store is the folders
 * ATLAS_DATA_DIR and ATLAS_PRIVATE_DIR name (default data/ and .atlas/); PostgreSQL is DATABASE_URL
 * (its schema is migrated first). The target must hold no history, audit line or account yet.
 * Afterwards both stores are read back and summed up as SHA-256 digests, part by part; the command
 * fails unless every part matches. Uploads waiting to be published are not copied.
 *
 * `npm run store:migrate -- --check` applies the database's pending schema migrations and prints
 * the digests of both stores, copying nothing.
 */
import { parseArgs } from 'node:util';
import { fileStore } from '../store/file-store';
import { openPostgresStore, type PostgresStore } from '../store/postgres-store';
import type { Store } from '../store/store';
import { digest, isEmptyTarget, readSnapshot, writeFileSnapshot, writePostgresSnapshot } from '../store/transfer';

const USAGE = 'Usage: npm run store:migrate -- --from file|postgres --to postgres|file   (DATABASE_URL names the database)';

function fail(message: string): never {
  console.error(`store:migrate: ${message}`);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, check: { type: 'boolean' } } });
  const url = process.env.DATABASE_URL;
  if (!url) fail(`DATABASE_URL is not set. ${USAGE}`);
  if (!values.check && !((values.from === 'file' && values.to === 'postgres') || (values.from === 'postgres' && values.to === 'file'))) fail(USAGE);
  // Nothing is filled from the data folder here: the copy decides what the database holds.
  const postgres: PostgresStore = await openPostgresStore(url, { seedFrom: null });
  try {
    const file: Store = fileStore;
    const stores = { file, postgres } as const;
    if (values.check) {
      for (const [name, store] of Object.entries(stores)) {
        try {
          console.log(`${name}: ${JSON.stringify(digest(await readSnapshot(store)))}`);
        } catch (err) {
          console.log(`${name}: cannot be read (${(err as Error).message})`);
        }
      }
      return;
    }
    const source = stores[values.from as 'file' | 'postgres'];
    const target = stores[values.to as 'file' | 'postgres'];
    if (!(await isEmptyTarget(target))) fail(`the ${values.to} store already holds history, audit lines or accounts; nothing was copied. Copy into an empty store.`);
    const snapshot = await readSnapshot(source);
    if (values.to === 'postgres') await writePostgresSnapshot(postgres.pool, snapshot);
    else await writeFileSnapshot(snapshot);
    const before = digest(snapshot);
    const after = digest(await readSnapshot(target));
    console.log(`Copied from the ${values.from} store to the ${values.to} store:`);
    console.log(`  ${snapshot.live.length} live files, ${snapshot.versions.length} versions, ${snapshot.audit.length} audit lines, ${snapshot.accounts.length} accounts`);
    let same = true;
    for (const part of Object.keys(before) as Array<keyof typeof before>) {
      const ok = before[part] === after[part];
      same &&= ok;
      console.log(`  ${part.padEnd(8)} ${before[part].slice(0, 16)}…  ${ok ? 'matches' : `DIFFERS: ${after[part].slice(0, 16)}…`}`);
    }
    if (!same) fail('the copy does not match its source (see above).');
  } finally {
    await postgres.close();
  }
}

main().catch((err) => fail((err as Error).message));
