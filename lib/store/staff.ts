/**
 * What the staff side keeps between requests: accounts, the key that signs session cookies and
 * the counts behind the sign-in and upload limits. lib/admin decides what they mean (passwords,
 * sessions, limits); the store keeps them — in the private folder and this process's memory
 * (the file store), or in PostgreSQL, shared by every server.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { TEMP_PREFIX, writeFileAtomic } from './atomic';
import { withLock } from './lock';
import { privatePath, writablePrivatePath } from './paths';

export interface Account {
  email: string;
  passwordHash: string;
  created: string;
  /** Raised by a sign-out or a password reset: every session issued before ends. */
  sessionVersion: number;
}

/** One limit to check: at most `max` counted attempts per `key` within `windowMs`. */
export interface LimitCheck {
  limiter: string;
  key: string;
  max: number;
  windowMs: number;
}

export interface Counted {
  limiter: string;
  key: string;
  time: number;
}

export interface StaffStore {
  accounts(): Promise<Account[]>;
  /** Changes the accounts with nothing else changing them meanwhile (anywhere). Nothing slow inside. */
  updateAccounts<T>(change: (accounts: Account[]) => T): Promise<T>;
  /** The key that signs session cookies: made once, then the same for every server. */
  sessionKey(): Promise<Buffer>;
  /**
   * Checks every limit and, when none is reached, counts one attempt against each — in one step,
   * so a burst of parallel attempts (on one server or several) cannot all pass before any is
   * counted. Returns the longest wait (0: counted) and what was counted.
   */
  attempt(checks: readonly LimitCheck[], now?: number): Promise<{ wait: number; blocked: LimitCheck | null; counted: Counted[] }>;
  /** Takes back a counted attempt that turned out not to be a failure. */
  forgive(counted: readonly Counted[]): Promise<void>;
  /** Forgets every attempt of a key (a successful sign-in clears its account-and-address count). */
  clear(limiter: string, key: string): Promise<void>;

  /** Keeps a checked upload until it is published: its report, the candidate CSV, the rows outside its scope. */
  stageUpload(id: string, upload: StagedUpload, maxAgeMs: number): Promise<void>;
  /** A staged upload, or null when unknown or older than `maxAgeMs`. */
  readStaged(id: string, maxAgeMs: number): Promise<StagedUpload | null>;
  removeStaged(id: string): Promise<void>;
}

export interface StagedUpload {
  /** The upload report, as JSON. */
  report: string;
  csv: Buffer;
  outside: Buffer | null;
}

/** An upload's id: a UUID (never a path). */
export const UPLOAD_ID = /^[0-9a-f-]{36}$/;

function stagedFile(id: string, ext: 'csv' | 'json' | 'outside.csv'): string {
  if (!UPLOAD_ID.test(id)) throw new Error('Unknown upload.');
  return privatePath('uploads', `${id}.${ext}`);
}

/** Removes staged files older than `maxAgeMs`, and any temporary file a crash left. */
function removeOldUploads(maxAgeMs: number, now = Date.now()): void {
  let names: string[] = [];
  try {
    names = readdirSync(privatePath('uploads'));
  } catch {
    return;
  }
  for (const name of names) {
    const file = privatePath('uploads', name);
    try {
      if (name.startsWith(TEMP_PREFIX) || now - statSync(file).mtimeMs > maxAgeMs) rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

/** Counting attempts in a sliding window, in this process's memory. */
export class MemoryLimits {
  private readonly times = new Map<string, number[]>();

  private recent(id: string, windowMs: number, now: number): number[] {
    const list = (this.times.get(id) ?? []).filter((t) => now - t < windowMs);
    if (list.length) this.times.set(id, list);
    else this.times.delete(id);
    return list;
  }

  /** Milliseconds until the limit lets `key` try again; 0 when it may now. */
  wait(c: LimitCheck, now: number): number {
    const list = this.recent(`${c.limiter}\n${c.key}`, c.windowMs, now);
    return list.length < c.max ? 0 : list[list.length - c.max] + c.windowMs - now;
  }

  count(c: LimitCheck, now: number): void {
    const id = `${c.limiter}\n${c.key}`;
    const list = this.recent(id, c.windowMs, now);
    list.push(now);
    this.times.set(id, list);
    if (this.times.size > 100_000) {
      // Keys nobody has tried for a day go.
      for (const [k, v] of this.times) if (now - v[v.length - 1] > 24 * 60 * 60_000) this.times.delete(k);
    }
  }

  forgive(c: Counted): void {
    const id = `${c.limiter}\n${c.key}`;
    const list = this.times.get(id);
    const i = list?.lastIndexOf(c.time) ?? -1;
    if (!list || i === -1) return;
    list.splice(i, 1);
    if (!list.length) this.times.delete(id);
  }

  clear(limiter: string, key: string): void {
    this.times.delete(`${limiter}\n${key}`);
  }
}

/** Checks and counts in one synchronous step (see StaffStore.attempt). */
export function attemptIn(limits: MemoryLimits, checks: readonly LimitCheck[], now: number): { wait: number; blocked: LimitCheck | null; counted: Counted[] } {
  const waits = checks.map((c) => ({ c, wait: limits.wait(c, now) })).sort((a, b) => b.wait - a.wait);
  if (waits[0] && waits[0].wait > 0) return { wait: waits[0].wait, blocked: waits[0].c, counted: [] };
  for (const c of checks) limits.count(c, now);
  return { wait: 0, blocked: null, counted: checks.map((c) => ({ limiter: c.limiter, key: c.key, time: now })) };
}

const ACCOUNTS = 'staff.json';
// On globalThis: every route of the server shares one set of counts, however the bundler splits modules.
const memory: MemoryLimits = ((globalThis as { __atlasLimits?: MemoryLimits }).__atlasLimits ??= new MemoryLimits());
let cachedKey: Buffer | null = null;

function readAccountFile(): Account[] {
  try {
    return (JSON.parse(readFileSync(privatePath(ACCOUNTS), 'utf8')) as { accounts?: Account[] }).accounts ?? [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The file store's half: staff.json (mode 0600) under a lock, session.key, counts in memory. */
export const fileStaff: StaffStore = {
  async accounts() {
    return readAccountFile();
  },
  updateAccounts(change) {
    return withLock(writablePrivatePath('accounts.lock'), async () => {
      const accounts = readAccountFile();
      const result = change(accounts);
      writeFileAtomic(writablePrivatePath(ACCOUNTS), `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
      return result;
    });
  },
  async sessionKey() {
    if (cachedKey) return cachedKey;
    const file = writablePrivatePath('session.key');
    try {
      writeFileSync(file, randomBytes(48).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
    if (key.length < 32) throw new Error(`${file} holds too short a key; delete it to make a new one.`);
    cachedKey = key;
    return key;
  },
  async attempt(checks, now = Date.now()) {
    return attemptIn(memory, checks, now);
  },
  async forgive(counted) {
    for (const c of counted) memory.forgive(c);
  },
  async clear(limiter, key) {
    memory.clear(limiter, key);
  },

  async stageUpload(id, upload, maxAgeMs) {
    if (!UPLOAD_ID.test(id)) throw new Error('Unknown upload.');
    removeOldUploads(maxAgeMs);
    writeFileAtomic(writablePrivatePath('uploads', `${id}.csv`), upload.csv, { mode: 0o600 });
    if (upload.outside) writeFileAtomic(writablePrivatePath('uploads', `${id}.outside.csv`), upload.outside, { mode: 0o600 });
    // The report last: until it is there, the upload is not staged.
    writeFileAtomic(writablePrivatePath('uploads', `${id}.json`), upload.report, { mode: 0o600 });
  },
  async readStaged(id, maxAgeMs) {
    if (!UPLOAD_ID.test(id)) return null;
    try {
      if (Date.now() - statSync(stagedFile(id, 'json')).mtimeMs > maxAgeMs) return null;
      const report = readFileSync(stagedFile(id, 'json'), 'utf8');
      const csv = readFileSync(stagedFile(id, 'csv'));
      let outside: Buffer | null = null;
      try {
        outside = readFileSync(stagedFile(id, 'outside.csv'));
      } catch {
        outside = null;
      }
      return { report, csv, outside };
    } catch {
      return null;
    }
  },
  async removeStaged(id) {
    if (!UPLOAD_ID.test(id)) return;
    for (const ext of ['csv', 'json', 'outside.csv'] as const) rmSync(stagedFile(id, ext), { force: true });
  },
};
