/**
 * Production servers for the crash and cluster tests (and a free port for anything that listens):
 * lib/cli/serve.mjs in its own process group, so SIGKILL takes it down whole, as a crash would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** A port of 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Site {
  url: string;
  child: ChildProcess;
}

/**
 * Starts the production build with `env` added, and waits (up to `waitMs`) until /api/datasets
 * answers: the first answer reads and checks every dataset, slow on a busy machine.
 */
export async function startSite(env: Record<string, string>, waitMs = 60_000): Promise<Site> {
  const port = await freePort();
  const root = process.cwd();
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
    try {
      if ((await fetch(`${url}/api/datasets`)).ok) return { url, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-(child.pid as number), 'SIGKILL');
  throw new Error('the production server did not start; run npm run build first');
}

/** Kills the server and everything it started with SIGKILL; resolves when it has exited. */
export function killSite(site: Site): Promise<void> {
  return new Promise((resolve) => {
    if (site.child.exitCode !== null || site.child.signalCode !== null) return resolve();
    site.child.once('exit', () => resolve());
    try {
      process.kill(-(site.child.pid as number), 'SIGKILL');
    } catch {
      resolve();
    }
  });
}
