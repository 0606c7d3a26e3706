/**
 * The live data, read through the same validator staff and CI use, cached in memory and
 * re-read whenever a file changes on disk (so a publish shows at once). Server-only.
 */
import 'server-only';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ingest } from '../import/ingest';
import { firstProblem } from '../import/issues';
import { PACKAGE_FILE, readPackage, sha256, type DataPackage, type DataResource, type IndicatorMeta } from '../data/package';
import { privatePath, dataDir } from './paths';
import type { Observation } from '../vocabulary/schema';

const journalPath = () => privatePath('journal.json');

export interface Dataset {
  resource: DataResource;
  /** Every observation; empty when the file could not be read (see `problem`). */
  observations: Observation[];
  /**
   * Why the dataset's file could not be read (missing, or not valid), in a sentence; null when
   * it loaded. A broken dataset fails only its own views: every other page leaves it out.
   */
  problem: string | null;
}

interface Entry<T> {
  version: string;
  checked: number;
  value: Promise<T>;
}

// On globalThis, so every route of the server shares one cache (and a publish clears it for all).
const cache: Map<string, Entry<unknown>> = ((globalThis as { __atlasDataCache?: Map<string, Entry<unknown>> }).__atlasDataCache ??= new Map());

/**
 * How long a file's size and modification time are trusted before they are looked at again.
 * A publish through this server calls `forgetCachedData()` and shows at once; a file changed
 * on disk by other means shows within this time.
 */
const RECHECK_MS = 500;

/** Loads `file` with `load`, reusing the result until the file's size or modification time changes. */
async function cached<T>(file: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(file) as Entry<T> | undefined;
  const now = performance.now();
  if (hit && now - hit.checked < RECHECK_MS) return hit.value;
  // statSync costs microseconds on a local file; the promise version queues on libuv's small
  // thread pool, which under load made every API request wait its turn.
  const info = statSync(file);
  const version = `${info.mtimeMs}:${info.size}`;
  if (hit && hit.version === version) {
    hit.checked = now;
    return hit.value;
  }
  const value = load();
  cache.set(file, { version, checked: now, value });
  value.catch(() => cache.delete(file));
  return value;
}

/** Drops every cached file, so the next request reads the data folder afresh (after a publish). */
export function forgetCachedData(): void {
  cache.clear();
}

let journalChecked = -Infinity;
let swept = false;
/** A recovery in progress: every reader waits for it, so none sees a half-finished publish. */
let recovery: Promise<unknown> | null = null;

export async function getPackage(): Promise<DataPackage> {
  const dir = dataDir();
  // A publish interrupted by a crash leaves a journal; finish it before anyone reads the data.
  const now = performance.now();
  if (now - journalChecked > RECHECK_MS) {
    journalChecked = now;
    // The first read of a server that has published before also clears a crash's leftovers.
    const sweep = !swept && existsSync(privatePath());
    swept = true;
    if (sweep || existsSync(journalPath())) {
      recovery = import('./commit').then(({ recoverPending }) => recoverPending(sweep)).finally(() => (recovery = null));
    }
  }
  if (recovery) await recovery;
  return cached(path.join(dir, PACKAGE_FILE), () => readPackage(dir));
}

export async function listDatasets(): Promise<DataResource[]> {
  return (await getPackage()).resources;
}

export async function getIndicators(): Promise<Map<string, IndicatorMeta>> {
  return new Map((await getPackage()).indicators.map((i) => [i.name, i]));
}

/** A dataset and all its observations, or null when no dataset has that name. */
export async function getDataset(id: string): Promise<Dataset | null> {
  const pkg = await getPackage();
  const resource = pkg.resources.find((r) => r.name === id);
  if (!resource) return null;
  const file = path.join(dataDir(), resource.path);
  // The outcome is cached either way, so a broken file is read once per change, not per request.
  let loaded: { rows: Observation[]; problem: string | null };
  try {
    loaded = await cached(file, async () => {
      const result = await ingest(createReadStream(file), {
        knownIndicators: new Set(pkg.indicators.map((i) => i.name)),
        encoding: 'utf-8',
        collect: true,
      });
      if (result.ok) return { rows: result.rows, problem: null };
      const problem = `Its file does not pass validation ${firstProblem(result.errors)}`;
      console.error(`Dataset ${id} (${resource.path}): ${problem}`);
      return { rows: [], problem };
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    loaded = { rows: [], problem: `Its file ${resource.path} is missing.` };
  }
  return { resource, observations: loaded.rows, problem: loaded.problem };
}

/** Every observation of every dataset that loads, each with the dataset it came from. */
/** The last combined list, reused while every dataset's rows are the same loaded array (no file changed). */
let allCache: { datasets: Array<readonly Observation[] | undefined>; rows: ReadonlyArray<Observation & { dataset: string }> } | null = null;

/**
 * Every observation of every dataset, each tagged with its dataset. Built once per version of the
 * data (150,000 rows: copying them on every page request cost most of a page's time); read-only.
 */
export async function getAllObservations(): Promise<ReadonlyArray<Observation & { dataset: string }>> {
  const resources = await listDatasets();
  const datasets = await Promise.all(resources.map((r) => getDataset(r.name)));
  // getDataset wraps the cached rows in a new object per call: compare the rows themselves.
  const loaded = datasets.map((d) => d?.observations);
  if (allCache && allCache.datasets.length === loaded.length && allCache.datasets.every((rows, i) => rows === loaded[i])) return allCache.rows;
  const out: Array<Observation & { dataset: string }> = [];
  resources.forEach((r, i) => {
    for (const o of datasets[i]?.observations ?? []) out.push({ ...o, dataset: r.name });
  });
  allCache = { datasets: loaded, rows: out };
  return out;
}

/** Datasets whose files could not be read, with the reason (for a notice on pages that combine datasets). */
export async function unavailableDatasets(): Promise<Array<{ resource: DataResource; problem: string }>> {
  const out: Array<{ resource: DataResource; problem: string }> = [];
  for (const r of await listDatasets()) {
    const d = await getDataset(r.name);
    if (d?.problem) out.push({ resource: r, problem: d.problem });
  }
  return out;
}

/**
 * The package's files exactly as they are on disk: datapackage.json and every dataset's CSV, read
 * as one consistent set. A publish replaces the CSV a moment before datapackage.json; if the
 * hashes disagree, the files are read again, so a download never pairs a CSV with the wrong
 * description.
 */
export async function readPackageFiles(): Promise<Array<{ name: string; data: Buffer }>> {
  const dir = dataDir();
  for (let attempt = 0; ; attempt++) {
    const packageBytes = await readFile(path.join(dir, PACKAGE_FILE));
    const pkg = JSON.parse(packageBytes.toString('utf8')) as DataPackage;
    const files = await Promise.all(pkg.resources.map(async (r) => ({ name: r.path, data: await readFile(path.join(dir, r.path)), hash: r.hash })));
    const consistent = files.every((f) => sha256(f.data) === f.hash);
    if (consistent || attempt >= 5) return [{ name: PACKAGE_FILE, data: packageBytes }, ...files.map(({ name, data }) => ({ name, data }))];
    await new Promise((r) => setTimeout(r, 50));
  }
}
