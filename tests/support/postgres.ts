/**
 * A throwaway PostgreSQL for a test: a new cluster in a temporary folder, on a free port of
 * 127.0.0.1, stopped and deleted by `stop()`. PostgreSQL refuses to run as root, so under root
 * (CI) the folder is handed to the `postgres` user and the programs run as that user.
 * Needs PostgreSQL's programs: `npm test` installs Debian's package when they are missing
 * (lib/cli/postgres.mjs); PG_BIN picks another installation.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localFacts, postgresBinDir } from '../../lib/cli/postgres.mjs';
import { freePort } from './site';

export interface TestPostgres {
  /** postgres://atlas@127.0.0.1:PORT/postgres (trust authentication, local only). */
  url: string;
  port: number;
  /** The cluster's folder, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

const USER = 'atlas';

/** Runs a PostgreSQL program, as the `postgres` user when we are root; throws with its output on failure. */
function run(bin: string, program: string, args: string[], asPostgres: boolean, options: SpawnSyncOptions = {}): void {
  const file = path.join(bin, program);
  const [command, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status ?? result.signal}): ${String(result.stderr || result.stdout || result.error?.message).trim()}`);
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir(localFacts());
  if (!bin) throw new Error('PostgreSQL is not installed: run `node lib/cli/postgres.mjs` (npm test does) or set PG_BIN.');
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-pg-'));
  if (asPostgres) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    // --no-sync: a test cluster that is thrown away needs no durable writes at initdb.
    run(bin, 'initdb', ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], asPostgres);
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    run(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'], asPostgres);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let stopped = false;
  return {
    url: `postgres://${USER}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], asPostgres);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
