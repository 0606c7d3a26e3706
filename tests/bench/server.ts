/** Starts the production server (lib/cli/serve.mjs) on a free port for a benchmark, and stops it. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** npm runs scripts from the repository root. */
export const ROOT = process.cwd();

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Server {
  url: string;
  stop: () => void;
}

/** The site's production server, or (floor: true) the bare page of tests/bench/floor, built by buildFloor(). */
export async function startServer({ floor = false } = {}): Promise<Server> {
  const port = await freePort();
  const args = floor
    ? [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', FLOOR_DIR, '-p', String(port), '-H', '127.0.0.1']
    : [path.join(ROOT, 'lib', 'cli', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(`${url}${floor ? '/' : '/api/datasets'}`);
      if (res.ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(floor ? 'the floor page did not start' : 'the production server did not start; run npm run build first');
}

/** A bare Next.js app (one heading, one paragraph) using the repository's own next and react. */
export const FLOOR_DIR = path.join(ROOT, 'tests', 'bench', 'floor');

/**
 * Builds the floor once: again only when its build is missing or was made by another Next.js
 * version (the version is stamped beside the build).
 */
export function buildFloor() {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;
  const stamp = path.join(FLOOR_DIR, '.next', 'atlas-next-version');
  if (existsSync(path.join(FLOOR_DIR, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', FLOOR_DIR], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(stamp, version);
}
