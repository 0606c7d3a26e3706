/**
 * The audit log: one JSON object per line, appended and flushed, never rewritten. Who, when,
 * what, and the data's hash before and after.
 *
 * The current file is audit.log in the private folder. When it passes ATLAS_AUDIT_ROTATE_BYTES
 * (default 8 MiB) it is renamed audit-<time>.log and a new audit.log begins; the app never
 * deletes a rotated file (archive them as you would any log). Reading goes from the newest line
 * backwards, a page at a time, so no read ever holds a whole file in memory, however large.
 */
import { closeSync, openSync, readdirSync, readSync, renameSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { appendLineDurable } from './atomic';
import { privateDir, privatePath, writablePrivatePath } from './paths';

export type AuditAction = 'sign-in' | 'sign-in-refused' | 'sign-out' | 'upload' | 'publish' | 'rollback' | 'add-dataset' | 'remove-dataset' | 'widen-scope' | 'edit-metadata';

export interface AuditEntry {
  id: string;
  time: string;
  user: string;
  action: AuditAction;
  dataset?: string;
  /** sha256 of the live CSV before and after (null: the dataset did not exist). */
  fromHash?: string | null;
  toHash?: string;
  version?: string;
  note?: string;
  detail?: string;
  /** What a change of words or scope replaced, and with what (a title edit, a scope widened). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  address?: string;
}

const CURRENT = 'audit.log';
const ROTATED = /^audit-(\d{8}T\d{9}Z)(?:-(\d+))?\.log$/;
/** Longest user field kept (an email address is at most 254 characters). */
const USER_MAX = 254;

export const auditFile = () => privatePath(CURRENT);

const rotateBytes = () => {
  const n = Number(process.env.ATLAS_AUDIT_ROTATE_BYTES ?? 8 * 1024 * 1024);
  return Number.isFinite(n) && n >= 1024 ? n : 8 * 1024 * 1024;
};

export function newAuditEntry(entry: Omit<AuditEntry, 'id' | 'time'>, time = new Date()): AuditEntry {
  return { id: randomUUID(), time: time.toISOString(), ...entry, user: entry.user.slice(0, USER_MAX) };
}

/** Starts a new audit.log when the current one has grown past the limit. */
function rotateIfFull(): void {
  let size: number;
  try {
    size = statSync(auditFile()).size;
  } catch {
    return;
  }
  if (size < rotateBytes()) return;
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  for (let n = 0; n < 100; n++) {
    const target = privatePath(`audit-${stamp}${n ? `-${n}` : ''}.log`);
    try {
      statSync(target);
      continue; // taken: try the next suffix
    } catch {
      // free
    }
    try {
      renameSync(auditFile(), target);
    } catch {
      // another writer rotated it first
    }
    return;
  }
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  rotateIfFull();
  await appendLineDurable(writablePrivatePath(CURRENT), JSON.stringify(entry));
}

/** The log's files, newest first: audit.log, then the rotated ones by time. */
export function auditFiles(): string[] {
  let names: string[];
  try {
    names = readdirSync(privateDir());
  } catch {
    return [];
  }
  // Newest first: by time, then by the suffix that orders files rotated in the same millisecond.
  const rotated = names
    .map((name) => ({ name, m: ROTATED.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => b.m[1].localeCompare(a.m[1]) || Number(b.m[2] ?? 0) - Number(a.m[2] ?? 0))
    .map((x) => x.name);
  return [...(names.includes(CURRENT) ? [CURRENT] : []), ...rotated].map((n) => path.join(privateDir(), n));
}

const CHUNK = 64 * 1024;
/** A line longer than this is not one the app wrote; it is skipped, not gathered. */
const LINE_MAX = 256 * 1024;

/** A file's lines from the last to the first, read in chunks from the end. */
function* linesBackward(file: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  try {
    let position = statSync(file).size;
    let tail: Buffer = Buffer.alloc(0);
    let skipping = false;
    const buffer = Buffer.alloc(CHUNK);
    while (position > 0) {
      const length = Math.min(CHUNK, position);
      position -= length;
      readSync(fd, buffer, 0, length, position);
      let chunk: Buffer = Buffer.concat([buffer.subarray(0, length), tail]);
      let end = chunk.length;
      for (let i = chunk.length - 1; i >= 0; i--) {
        if (chunk[i] !== 0x0a) continue;
        if (!skipping && end > i + 1) yield chunk.subarray(i + 1, end).toString('utf8');
        skipping = false;
        end = i;
      }
      tail = chunk.subarray(0, end);
      if (tail.length > LINE_MAX) {
        tail = Buffer.alloc(0);
        skipping = true;
      }
      chunk = Buffer.alloc(0);
    }
    if (!skipping && tail.length > 0) yield tail.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every entry from the newest back, across the rotated files; a torn or foreign line is skipped. */
export function* auditEntriesNewestFirst(): Generator<AuditEntry> {
  for (const file of auditFiles()) {
    for (const line of linesBackward(file)) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as AuditEntry;
        if (entry && typeof entry === 'object' && typeof entry.id === 'string') yield entry;
      } catch {
        // a line torn by a crash mid-append
      }
    }
  }
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Whether older entries exist beyond this page. */
  more: boolean;
}

/** One page of the log, newest first: entries `page * size` to `(page + 1) * size - 1`. */
export function readAuditPage(page = 0, size = 200): AuditPage {
  const skip = Math.max(0, Math.floor(page)) * size;
  const entries: AuditEntry[] = [];
  let seen = 0;
  for (const entry of auditEntriesNewestFirst()) {
    if (seen++ < skip) continue;
    if (entries.length === size) return { entries, more: true };
    entries.push(entry);
  }
  return { entries, more: false };
}

/**
 * Whether the log holds this entry. Lines are appended in time order, so the search goes back
 * only to a minute before the entry's own time: a publish checks its line in a few reads, however
 * long the log is.
 */
export function hasAuditEntry(entry: Pick<AuditEntry, 'id' | 'time'>): boolean {
  const since = Date.parse(entry.time) - 60_000;
  for (const e of auditEntriesNewestFirst()) {
    if (e.id === entry.id) return true;
    if (Date.parse(e.time) < since) return false;
  }
  return false;
}
