/**
 * Durable file writes. A replaced file is written beside its target under a temporary name,
 * flushed to disk, renamed over the target (an atomic step on POSIX file systems) and the folder
 * is flushed too, so after a crash the target holds either the old bytes or the new, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicOptions {
  mode?: number;
  /** Fail with EEXIST instead of replacing an existing file (history entries are written once). */
  exclusive?: boolean;
  /** Called after the temporary file is complete and flushed, before it takes the target's place (tests). */
  beforeCommit?: (tempFile: string) => void;
}

/** Temporary files start with this, so folder scans can skip them. */
export const TEMP_PREFIX = '.tmp-';

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicOptions = {}): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `${TEMP_PREFIX}${path.basename(target)}.${randomBytes(6).toString('hex')}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(temp, 'wx', options.mode ?? 0o644);
  let committed = false;
  try {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    options.beforeCommit?.(temp);
    if (options.exclusive) {
      // link() refuses to replace an existing name: the first writer wins, nobody overwrites.
      linkSync(temp, target);
      unlinkSync(temp);
    } else {
      renameSync(temp, target);
    }
    committed = true;
    fsyncDir(dir);
  } finally {
    if (!committed) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Appends one line and flushes it to disk before returning (the audit log). If a crash left the
 * last line unfinished, the new line starts on a line of its own, so only the torn line is lost.
 */
export async function appendLineDurable(file: string, line: string, mode = 0o600): Promise<void> {
  const handle = await open(file, 'a+', mode);
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.appendFile(`${prefix}${line.replace(/\n/g, ' ')}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
