/** Starts the production server (lib/cli/serve.mjs) on a free port for a benchmark, and stops it. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../support/site';

/** npm runs scripts from the repository root. */
export const ROOT = process.cwd();

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Server {
  url: string;
  stop: () => void;
}

/**
 * The site's production server, or (floor) one of the floor apps of tests/bench, built by
 * buildFloor(): 'bare' is a bare Next.js page; 'headers' is the same page with the site's
 * response headers and per-request CSP nonce.
 */
export async function startServer({ floor }: { floor?: Floor } = {}): Promise<Server> {
  const port = await freePort();
  const args = floor
    ? [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', FLOOR_DIRS[floor], '-p', String(port), '-H', '127.0.0.1']
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
  throw new Error(floor ? `the floor page (${floor}) did not start` : 'the production server did not start; run npm run build first');
}

export type Floor = 'bare' | 'headers';

/**
 * bare: a Next.js app (one heading, one paragraph) using the repository's own next and react.
 * headers: the same page, served with the site's next.config.js headers and its proxy.ts.
 */
export const FLOOR_DIRS: Record<Floor, string> = {
  bare: path.join(ROOT, 'tests', 'bench', 'floor'),
  headers: path.join(ROOT, 'tests', 'bench', 'floor-headers'),
};

/**
 * Builds a floor once: again only when its build is missing or was made by another Next.js
 * version or from other sources (a stamp of both is kept beside the build).
 */
export function buildFloor(floor: Floor) {
  const dir = FLOOR_DIRS[floor];
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;
  // The headers floor runs the site's proxy.ts and next.config.js: a change to either rebuilds it.
  const sources = floor === 'headers' ? ['proxy.ts', 'next.config.js'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\0') : '';
  const want = `${version}\n${createHash('sha256').update(sources).digest('hex')}`;
  const stamp = path.join(dir, '.next', 'atlas-next-version');
  if (existsSync(path.join(dir, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', dir], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(stamp, want);
}
