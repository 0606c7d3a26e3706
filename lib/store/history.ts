/**
 * Every version of a dataset that was ever live, kept in the private folder:
 * history/<dataset>/<version>.csv with <version>.json beside it (time, user, hash, note, counts).
 * Written once (exclusive create), read-only afterwards, never deleted by the app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_PREFIX, writeFileAtomic } from './atomic';
import { privatePath } from './paths';

export interface VersionMeta {
  id: string;
  dataset: string;
  /** sha256:… of the CSV. */
  hash: string;
  bytes: number;
  observations: number;
  time: string;
  user: string;
  kind: 'initial' | 'publish' | 'rollback' | 'add';
  note: string;
  /** The version it replaced. */
  previous: string | null;
  counts: { added: number; removed: number; changed: number } | null;
  /** For a rollback: the version it restored. */
  restored?: string;
}

const SAFE = /^[a-z0-9][a-z0-9._-]*$/;
export const VERSION_ID = /^\d{8}T\d{9}Z-[0-9a-f]{12}$/;

export const historyDir = (dataset: string) => {
  if (!SAFE.test(dataset)) throw new Error(`Unsafe dataset name ${JSON.stringify(dataset)}.`);
  return privatePath('history', dataset);
};

/** 20261126T231500123Z-ab12cd34ef56: sortable by time, and says which bytes it holds. */
export function versionId(time: Date, hash: string): string {
  return `${time.toISOString().replace(/[-:.]/g, '')}-${hash.replace(/^sha256:/, '').slice(0, 12)}`;
}

export function listVersions(dataset: string): VersionMeta[] {
  let names: string[];
  try {
    names = readdirSync(historyDir(dataset));
  } catch {
    return [];
  }
  const versions: VersionMeta[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith(TEMP_PREFIX)) continue;
    try {
      versions.push(JSON.parse(readFileSync(path.join(historyDir(dataset), name), 'utf8')) as VersionMeta);
    } catch {
      // a version whose metadata cannot be read is skipped here and reported by the integrity check
    }
  }
  return versions.sort((a, b) => b.time.localeCompare(a.time) || b.id.localeCompare(a.id));
}

export function findVersion(dataset: string, id: string): VersionMeta | null {
  if (!VERSION_ID.test(id)) return null;
  return listVersions(dataset).find((v) => v.id === id) ?? null;
}

export function versionFile(dataset: string, id: string): string {
  if (!VERSION_ID.test(id)) throw new Error(`Unsafe version id ${JSON.stringify(id)}.`);
  return path.join(historyDir(dataset), `${id}.csv`);
}

export function readVersion(dataset: string, id: string): Buffer {
  return readFileSync(versionFile(dataset, id));
}

const ignoreExisting = (err: unknown) => {
  // Written before a crash: the same id means the same time and bytes, so it is already right.
  if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
};

/** Stores a version's CSV. Until its metadata is written too, the version is not listed. */
export async function storeVersionFile(dataset: string, id: string, bytes: Uint8Array): Promise<void> {
  await mkdir(historyDir(dataset), { recursive: true, mode: 0o700 });
  try {
    writeFileAtomic(versionFile(dataset, id), bytes, { exclusive: true, mode: 0o400 });
  } catch (err) {
    ignoreExisting(err);
  }
}

/** Lists a stored version: written once the version has gone live. */
export function storeVersionMeta(meta: VersionMeta): void {
  try {
    writeFileAtomic(path.join(historyDir(meta.dataset), `${meta.id}.json`), `${JSON.stringify(meta, null, 2)}\n`, { exclusive: true, mode: 0o400 });
  } catch (err) {
    ignoreExisting(err);
  }
}

/** Stores a version that is live now: the CSV first, then its metadata. */
export async function storeVersion(meta: VersionMeta, bytes: Uint8Array): Promise<void> {
  await storeVersionFile(meta.dataset, meta.id, bytes);
  storeVersionMeta(meta);
}
