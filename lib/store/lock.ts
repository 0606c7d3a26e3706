/**
 * One writer at a time. Inside this process a promise queue orders publishes; across processes a
 * lock folder (mkdir is atomic) holds the owner's pid. A lock left by a process that died — the
 * server killed in the middle of a publish — is taken over as soon as its pid is gone, or after
 * STALE_MS in any case.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STALE_MS = 120_000;

export class LockBusyError extends Error {
  constructor(readonly lockDir: string) {
    super(path.basename(lockDir) === 'publish.lock' ? 'Another publish is in progress; try again in a moment.' : 'Another change is in progress; try again in a moment.');
  }
}

const queues: Map<string, Promise<unknown>> = ((globalThis as { __atlasLockQueues?: Map<string, Promise<unknown>> }).__atlasLockQueues ??= new Map());

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stale(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lockDir, 'owner'), 'utf8').split(' ')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) return true;
    return Date.now() - statSync(lockDir).mtimeMs > STALE_MS;
  } catch {
    // No owner file yet: either being created right now, or left by a crash before it was written.
    try {
      return Date.now() - statSync(lockDir).mtimeMs > 2_000;
    } catch {
      return false;
    }
  }
}

function tryAcquire(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (!stale(lockDir)) return false;
    rmSync(lockDir, { recursive: true, force: true });
    try {
      mkdirSync(lockDir);
    } catch {
      return false; // someone else took it over first
    }
  }
  writeFileSync(path.join(lockDir, 'owner'), `${process.pid} ${new Date().toISOString()}`);
  return true;
}

/** Runs `fn` holding the lock; waits up to `waitMs` for it, then throws LockBusyError. */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>, waitMs = 15_000): Promise<T> {
  const previous = queues.get(lockDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const deadline = Date.now() + waitMs;
    let delay = 20;
    while (!tryAcquire(lockDir)) {
      if (Date.now() > deadline) throw new LockBusyError(lockDir);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 250);
    }
    try {
      return await fn();
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  });
  queues.set(lockDir, run);
  try {
    return await run;
  } finally {
    if (queues.get(lockDir) === run) queues.delete(lockDir);
  }
}
