/**
 * Prepares the staff-pages test server (Playwright runs this before `next start`): a fresh copy of
 * data/ and an empty private folder with two staff accounts, in the system's temporary folder,
 * so the tests' publishes never touch the repository's data.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_DATA, ADMIN_PRIVATE, ADMIN_ROOT, LEAVER, LOCKED, STAFF } from './env';

async function main() {
  rmSync(ADMIN_ROOT, { recursive: true, force: true });
  mkdirSync(ADMIN_DATA, { recursive: true });
  const repoData = path.join(__dirname, '..', '..', '..', 'data');
  for (const f of readdirSync(repoData)) if (f === 'datapackage.json' || f.endsWith('.csv')) cpSync(path.join(repoData, f), path.join(ADMIN_DATA, f));
  process.env.ATLAS_PRIVATE_DIR = ADMIN_PRIVATE;
  const { addAccount } = await import('../../../lib/admin/accounts');
  await addAccount(STAFF.email, STAFF.password);
  await addAccount(LOCKED.email, LOCKED.password);
  await addAccount(LEAVER.email, LEAVER.password);
  console.log(`staff test server: data in ${ADMIN_DATA}, private folder ${ADMIN_PRIVATE}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
