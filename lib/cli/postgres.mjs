// The store's tests run against a real PostgreSQL, started by the tests themselves in a throwaway
// folder (tests/support/postgres.ts). This checks that its programs are there before `npm test`
// spends ten minutes on the other stages, and installs Debian's package when it can (as root, or
// with sudo that asks no password); otherwise it stops at once and names the one command that
// fixes it. `node lib/cli/postgres.mjs` runs the check on its own.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { carryOut, executable, installCommand, installScript, systemFacts } from './debian.mjs';

/** Where Debian puts each major version's programs: /usr/lib/postgresql/15/bin. */
export const DEBIAN_ROOT = '/usr/lib/postgresql';
export const INSTALL_SCRIPT = installScript('postgresql');
export const FIX_COMMAND = 'sudo apt-get install -y postgresql';
/** The programs the tests run. */
export const PROGRAMS = ['initdb', 'pg_ctl'];

/**
 * The folder holding initdb and pg_ctl: PG_BIN when set, else the newest of Debian's versions that
 * has them; null when there is none.
 *
 * @param {{ pgBin?: string, executable: (path: string) => boolean, versions: () => string[] }} facts
 */
export function postgresBinDir({ pgBin, executable, versions }) {
  const complete = (dir) => PROGRAMS.every((p) => executable(path.join(dir, p)));
  if (pgBin) return complete(pgBin) ? pgBin : null;
  const numbered = versions()
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of numbered) {
    const dir = path.join(DEBIAN_ROOT, v, 'bin');
    if (complete(dir)) return dir;
  }
  return null;
}

/**
 * What to do about PostgreSQL, from the facts (no side effects, so it can be tested):
 *   { action: 'ok', bin }                    — its programs are there;
 *   { action: 'install', sudo, command, fix } — install Debian's package, as root or via sudo;
 *   { action: 'stop', message }              — it cannot be installed from here: say how.
 *
 * @param {{ pgBin?: string, executable: (path: string) => boolean, versions: () => string[],
 *   isRoot: boolean, sudoWithoutPassword: () => boolean, hasAptGet: () => boolean }} facts
 */
export function postgresPlan(facts) {
  const bin = postgresBinDir(facts);
  if (bin) return { action: 'ok', bin };
  if (facts.pgBin) {
    // An explicit choice is never overridden by an install elsewhere.
    return { action: 'stop', message: `PG_BIN is ${facts.pgBin}, which does not hold ${PROGRAMS.join(' and ')}. Point it at PostgreSQL's bin folder, or unset it to use Debian's package.` };
  }
  const missing = `The store's tests need PostgreSQL's programs (${PROGRAMS.join(', ')}), and they are not installed.`;
  if (!facts.hasAptGet()) {
    return { action: 'stop', message: `${missing} This system has no apt-get: install PostgreSQL and set PG_BIN to the folder holding initdb, then run npm test again.` };
  }
  const install = installCommand('postgresql', facts);
  if (install) return { action: 'install', ...install };
  return {
    action: 'stop',
    message: `${missing} Install Debian's package with:\n\n    ${FIX_COMMAND}\n\nor set PG_BIN to the bin folder of another PostgreSQL (15 or newer); then run npm test again.`,
  };
}

function versions() {
  try {
    return readdirSync(DEBIAN_ROOT);
  } catch {
    return [];
  }
}

/** The facts of this machine. */
export function localFacts(env = process.env) {
  return {
    pgBin: env.PG_BIN || undefined,
    executable,
    versions,
    ...systemFacts(),
  };
}

/**
 * Makes sure PostgreSQL's programs are there, installing them when it can. Returns true when the
 * store's tests can run; otherwise prints why and what to do, and returns false.
 */
export function ensurePostgres(facts = localFacts()) {
  return carryOut(postgresPlan(facts), {
    name: 'PostgreSQL',
    pkg: 'postgresql',
    installed: () => postgresBinDir(facts) !== null,
    otherwise: "or set PG_BIN to PostgreSQL's bin folder",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(ensurePostgres() ? 0 : 1);
