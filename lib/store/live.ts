/**
 * The live data, read from the store (store.ts) through the same validator staff and CI use,
 * cached in memory and read again whenever the store says it changed (so a publish shows at
 * once). Server-only.
 */
import 'server-only';
import { ingest } from '../import/ingest';
import { firstProblem } from '../import/issues';
import { PACKAGE_FILE, type DataPackage, type DataResource, type IndicatorMeta } from '../data/package';
import { localizePackage } from '../data/localize';
import type { Locale } from '../i18n/locales';
import { getStore, type Store } from './store';
import type { Observation } from '../vocabulary/schema';

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
  value: Promise<T>;
}

// On globalThis, so every route of the server shares one cache (and a publish clears it for all).
const cache: Map<string, Entry<unknown>> = ((globalThis as { __atlasDataCache?: Map<string, Entry<unknown>> }).__atlasDataCache ??= new Map());
const keys: Map<string, { checked: number; key: Promise<string | null> }> = ((globalThis as { __atlasDataKeys?: Map<string, { checked: number; key: Promise<string | null> }> }).__atlasDataKeys ??= new Map());

/**
 * How long a key from the store (a file's size and time, or the database's change counter) is
 * trusted before it is asked again. A change through this server calls `forgetCachedData()` and
 * shows at once; a change by another server or by other means shows within this time.
 */
const RECHECK_MS = 500;

/** The store's key for `name`, asked at most once per RECHECK_MS. */
function keyOf(name: string, ask: () => Promise<string | null>): Promise<string | null> {
  const now = performance.now();
  const hit = keys.get(name);
  if (hit && now - hit.checked < RECHECK_MS) return hit.key;
  const key = ask();
  keys.set(name, { checked: now, key });
  key.catch(() => keys.delete(name));
  return key;
}

/** Loads `name` with `load`, reusing the result while the store's key for it stays the same. */
async function cached<T>(name: string, version: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(name) as Entry<T> | undefined;
  if (hit && hit.version === version) return hit.value;
  const value = load();
  cache.set(name, { version, value });
  value.catch(() => cache.delete(name));
  return value;
}

/** Drops every cached key and file, so the next request reads the store afresh (after a change). */
export function forgetCachedData(): void {
  cache.clear();
  keys.clear();
}

/** The store whose changes empty the cache (a test may switch stores; a server never does). */
let following: Store | null = null;

/**
 * The live package; with a locale, its words in that language (lib/data/localize.ts: indicator
 * titles and definitions, series, units, qualifiers, dataset titles), made once per version.
 */
export async function getPackage(locale: Locale = 'en'): Promise<DataPackage> {
  return localizePackage(await getStoredPackage(), locale);
}

async function getStoredPackage(): Promise<DataPackage> {
  const store = await getStore();
  if (following !== store) {
    // A change made by another server reaches this one at once, not only at the next check.
    store.onChange(forgetCachedData);
    following = store;
    forgetCachedData();
  }
  const version = (await keyOf(PACKAGE_FILE, () => store.packageKey())) as string;
  return cached(PACKAGE_FILE, version, async () => JSON.parse(await store.readPackageText()) as DataPackage);
}

export async function listDatasets(): Promise<DataResource[]> {
  return (await getPackage()).resources;
}

export async function getIndicators(locale: Locale = 'en'): Promise<Map<string, IndicatorMeta>> {
  return new Map((await getPackage(locale)).indicators.map((i) => [i.name, i]));
}

/** A dataset and all its observations, or null when no dataset has that name. */
export async function getDataset(id: string): Promise<Dataset | null> {
  const pkg = await getPackage();
  const resource = pkg.resources.find((r) => r.name === id);
  if (!resource) return null;
  const store = await getStore();
  const version = await keyOf(resource.path, () => store.fileKey(resource.path));
  if (version === null) return { resource, observations: [], problem: `Its file ${resource.path} is missing.` };
  // The outcome is cached either way, so a broken file is read once per change, not per request.
  const loaded = await cached(resource.path, version, async () => {
    const bytes = await store.readLiveFile(resource.path);
    if (!bytes) return { rows: [] as Observation[], problem: `Its file ${resource.path} is missing.` };
    const result = await ingest(bytes, {
      knownIndicators: new Set(pkg.indicators.map((i) => i.name)),
      encoding: 'utf-8',
      collect: true,
    });
    if (result.ok) return { rows: result.rows, problem: null };
    const problem = `Its file does not pass validation ${firstProblem(result.errors)}`;
    console.error(`Dataset ${id} (${resource.path}): ${problem}`);
    return { rows: [] as Observation[], problem };
  });
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

/** The package's files exactly as live: datapackage.json and every dataset's CSV, read as one consistent set. */
export async function readPackageFiles(): Promise<Array<{ name: string; data: Buffer }>> {
  return (await getStore()).readPackageFiles();
}
