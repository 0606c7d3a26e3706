/**
 * data/datapackage.json: a Frictionless Data Package (v2) describing every dataset, plus the
 * project's own properties — indicator definitions, comparability series, qualifiers and units —
 * that researchers need to read the numbers correctly.
 */
import { createHash } from 'node:crypto';
import type { Translations } from './localize';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ingest } from '../import/ingest';
import type { IssueLog } from '../import/issues';
import type { Qualifier } from '../vocabulary/qualifiers';
import { PACKAGE_COMPARABILITY, PACKAGE_QUALIFIERS, PACKAGE_SERIES, PACKAGE_UNITS } from './package-vocabulary';
import { CANONICAL_SCHEMA, INDICATOR_PATTERN, type Observation, type TableSchema } from '../vocabulary/schema';
import { GEOGRAPHIES } from '../vocabulary/geography';
import type { ComparabilityRegistry } from '../vocabulary/comparability';
import { SERIES, type Series } from '../vocabulary/series';
import type { Unit } from '../vocabulary/units';

export const PACKAGE_FILE = 'datapackage.json';
export const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface IndicatorMeta extends Translations<Pick<IndicatorMeta, 'title' | 'definition' | 'universe' | 'notes'>> {
  name: string;
  title: string;
  /** What counts, in plain language. */
  definition: string;
  /** Who is counted. */
  universe: string;
  notes: string[];
}

/** A SAMHSA table a dataset was built from, with its notes verbatim. */
export interface SourceTable {
  table: string;
  title: string;
  unit: string;
  period: string;
  /** Original file, relative to data/. */
  file: string;
  notes: string[];
  sourceLine: string;
}

/** An original file a dataset was built from, with the fingerprint that proves which bytes. */
export interface SourceFile {
  /** Relative to data/. */
  path: string;
  bytes: number;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Who published it and where the copy came from (SAMHSA's address, or a repository and commit). */
  origin: string;
}

/** A table of an original file that the build could not import, and why. */
export interface NotImported {
  file: string;
  table: string;
  reason: string;
}

export interface DataSource {
  title: string;
  path?: string;
  version?: string;
}

export interface DataResource extends Translations<Pick<DataResource, 'title' | 'description'>> {
  name: string;
  title: string;
  description: string;
  path: string;
  type: 'table';
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  dialect: { header: true; delimiter: ','; lineTerminator: '\n'; quoteChar: '"'; doubleQuote: true };
  schema: TableSchema;
  sources: DataSource[];
  licenses?: Array<{ name: string; title?: string; path?: string }>;
  /** ISO 8601 time the file last changed. */
  lastModified: string;
  /** Number of observations (data rows). */
  observations: number;
  sourceTables?: SourceTable[];
  /** Every original file the dataset was built from (npm run data:build), with its SHA-256. */
  sourceFiles?: SourceFile[];
  /** Tables of those files left out, with the reason. */
  notImported?: NotImported[];
  /**
   * What the dataset holds, computed from its rows whenever the file is built or published (so it
   * never claims periods the file lacks).
   */
  coverage?: DatasetCoverage;
  /**
   * What belongs in the dataset: the comparability series its rows may carry. An upload with rows
   * outside the scope is not published into it without staff saying where it belongs (the dataset
   * widened, or a new dataset).
   */
  scope?: { series: string[] };
  /** The public changelog: every publish and rollback through the staff pages, newest first. */
  changes?: ResourceChange[];
}

export interface DatasetCoverage {
  /** Every period with at least one row, oldest first. */
  periods: string[];
  /** Every series its rows carry, in registry order. */
  series: string[];
  indicators: number;
  /** Whether it has figures for states (not only the nation and regions). */
  states: boolean;
}

const STATE_CODES: ReadonlySet<string> = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));

/** What a dataset's rows cover: computed, never typed by hand. */
export function coverageOf(rows: readonly Observation[]): DatasetCoverage {
  const periods = new Set<string>();
  const series = new Set<string>();
  const indicators = new Set<string>();
  let states = false;
  for (const o of rows) {
    periods.add(o.period);
    series.add(o.series);
    indicators.add(o.indicator);
    if (!states && STATE_CODES.has(o.geography)) states = true;
  }
  return {
    periods: [...periods].sort((a, b) => a.localeCompare(b)),
    series: SERIES.map((s) => s.name).filter((n) => series.has(n)),
    indicators: indicators.size,
    states,
  };
}

/** Series of `rows` outside a dataset's declared scope (none when it declares no scope). */
export function seriesOutsideScope(resource: Pick<DataResource, 'scope'>, rows: readonly Observation[]): string[] {
  if (!resource.scope) return [];
  const allowed = new Set(resource.scope.series);
  return [...new Set(rows.map((o) => o.series))].filter((s) => !allowed.has(s));
}

/** One entry of a dataset's public changelog. */
export interface ResourceChange {
  /** The package version the change produced. */
  version: string;
  /** ISO 8601 time it went live. */
  date: string;
  /** `metadata`: only the title or description changed (the counts are 0, the hash the file's). */
  kind: 'publish' | 'rollback' | 'add' | 'metadata';
  /** The release note staff wrote. */
  note: string;
  added: number;
  removed: number;
  changed: number;
  /** sha256 of the CSV after the change. */
  hash: string;
}

export interface DataPackage extends Translations<Pick<DataPackage, 'title' | 'description'>> {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage?: string;
  keywords?: string[];
  licenses: Array<{ name: string; title?: string; path?: string } & Translations<{ title: string }>>;
  sources: DataSource[];
  contributors?: Array<{ title: string; roles?: string[]; path?: string }>;
  resources: DataResource[];
  indicators: IndicatorMeta[];
  series: Array<Series & Translations<Pick<Series, 'title' | 'change' | 'comparability'>>>;
  /** Which series each measure's years belong to, with SAMHSA's evidence (lib/vocabulary/comparability.ts). */
  comparability: ComparabilityRegistry;
  qualifiers: Array<Qualifier & Translations<Pick<Qualifier, 'label' | 'description'>>>;
  units: Array<Unit & Translations<Pick<Unit, 'label' | 'description'>>>;
  /** Set on a localized copy (lib/data/localize.ts, ?lang=es): the language of its words. */
  language?: string;
}

export async function readPackage(dataDir: string): Promise<DataPackage> {
  const text = await readFile(path.join(dataDir, PACKAGE_FILE), 'utf8');
  return JSON.parse(text) as DataPackage;
}

/** `sha256:<hex>`, the form datapackage.json records, of bytes in memory. */
export const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks the descriptor itself: required Data Package properties, every resource file present with
 * the recorded size and hash, the canonical schema unchanged, and the registries in step with code.
 * Problems are `package-error`s whose column names the property.
 */
export async function checkPackage(pkg: DataPackage, dataDir: string, log: IssueLog): Promise<void> {
  const fail = (property: string, message: string) => log.error(null, property, 'package-error', message);
  if (pkg.$schema !== PROFILE) fail('$schema', `Must be ${PROFILE}.`);
  for (const key of ['name', 'title', 'description', 'version', 'created'] as const) {
    if (!isText(pkg[key])) fail(key, `The package needs a ${key}.`);
  }
  if (isText(pkg.version) && !/^\d+\.\d+\.\d+$/.test(pkg.version)) fail('version', 'The version must be semantic (MAJOR.MINOR.PATCH).');
  if (!Array.isArray(pkg.licenses) || pkg.licenses.length === 0 || !pkg.licenses.every((l) => isText(l.name) || isText(l.path))) {
    fail('licenses', 'The package needs at least one license with a name or path.');
  }
  if (!Array.isArray(pkg.sources) || pkg.sources.length === 0 || !pkg.sources.every((s) => isText(s.title))) {
    fail('sources', 'The package needs at least one source with a title.');
  }
  if (!Array.isArray(pkg.resources) || pkg.resources.length === 0) {
    fail('resources', 'The package lists no datasets.');
    return;
  }

  const indicatorNames = new Set<string>();
  for (const [i, ind] of (pkg.indicators ?? []).entries()) {
    const where = `indicators[${i}]`;
    if (!isText(ind.name) || !new RegExp(INDICATOR_PATTERN).test(ind.name)) fail(where, `Indicator name ${JSON.stringify(ind.name)} is not a valid identifier.`);
    else if (indicatorNames.has(ind.name)) fail(where, `Indicator ${ind.name} is defined twice.`);
    indicatorNames.add(ind.name);
    for (const key of ['title', 'definition', 'universe'] as const) {
      if (!isText(ind[key])) fail(where, `Indicator ${ind.name} needs a ${key}.`);
    }
    if (!Array.isArray(ind.notes)) fail(where, `Indicator ${ind.name} needs a notes list (it may be empty).`);
  }
  const sameAs = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const refresh = 'run npm run data:build to refresh it';
  if (!sameAs(pkg.series, PACKAGE_SERIES)) fail('series', `The series list differs from lib/vocabulary/series.ts (or its Spanish in data/sources/translations); ${refresh}.`);
  if (!sameAs(pkg.comparability, PACKAGE_COMPARABILITY)) fail('comparability', `The comparability registry differs from lib/vocabulary/comparability.ts (or its Spanish); ${refresh}.`);
  if (!sameAs(pkg.qualifiers, PACKAGE_QUALIFIERS)) fail('qualifiers', `The qualifier list differs from lib/vocabulary/qualifiers.ts (or its Spanish); ${refresh}.`);
  if (!sameAs(pkg.units, PACKAGE_UNITS)) fail('units', `The unit list differs from lib/vocabulary/units.ts (or its Spanish); ${refresh}.`);

  const names = new Set<string>();
  for (const [i, res] of pkg.resources.entries()) {
    const where = `resources[${i}]`;
    if (!isText(res.name) || !/^[a-z0-9][a-z0-9._-]*$/.test(res.name)) fail(where, `Dataset name ${JSON.stringify(res.name)} must be lower-case letters, digits, dots, dashes or underscores.`);
    if (names.has(res.name)) fail(where, `Dataset name ${res.name} is used twice.`);
    names.add(res.name);
    if (!isText(res.title) || !isText(res.description)) fail(where, `Dataset ${res.name} needs a title and a description.`);
    if (!isText(res.path) || res.path.includes('..') || path.isAbsolute(res.path) || !res.path.endsWith('.csv')) {
      fail(where, `Dataset ${res.name} has an unsafe or non-CSV path ${JSON.stringify(res.path)}.`);
      continue;
    }
    if (res.format !== 'csv' || res.mediatype !== 'text/csv' || res.encoding !== 'utf-8' || res.type !== 'table') {
      fail(where, `Dataset ${res.name} must be a table in CSV format, text/csv, UTF-8.`);
    }
    if (!sameAs(res.schema, CANONICAL_SCHEMA)) fail(`${where}.schema`, `The schema of ${res.name} differs from the canonical schema in lib/vocabulary/schema.ts.`);
    if (!Array.isArray(res.sources) || res.sources.length === 0) fail(`${where}.sources`, `Dataset ${res.name} needs at least one source.`);
    if (!isText(res.lastModified) || Number.isNaN(Date.parse(res.lastModified))) fail(`${where}.lastModified`, `Dataset ${res.name} needs a lastModified date.`);
    const file = path.join(dataDir, res.path);
    try {
      const info = await stat(file);
      if (info.size !== res.bytes) fail(`${where}.bytes`, `${res.path} is ${info.size} bytes but datapackage.json says ${res.bytes}; the file changed without the package being updated.`);
      const hash = await sha256File(file);
      if (res.hash !== `sha256:${hash}`) fail(`${where}.hash`, `${res.path} does not match the hash in datapackage.json; the file changed without the package being updated.`);
    } catch {
      fail(`${where}.path`, `The file ${res.path} does not exist.`);
      continue;
    }
    await checkCoverageAndScope(res, file, indicatorNames, (property, message) => fail(`${where}.${property}`, message));
  }
}

const SERIES_NAMES: ReadonlySet<string> = new Set(SERIES.map((s) => s.name));
const listed = (items: readonly unknown[]) => (items.length ? items.join(', ') : 'nothing');

/**
 * A dataset's recorded `coverage` must be what its file holds (coverageOf its rows), and its rows
 * must stay inside its declared `scope`. A file that does not validate is left to the row checks
 * (data:check reports its errors); its coverage cannot be known.
 */
async function checkCoverageAndScope(res: DataResource, file: string, indicators: ReadonlySet<string>, fail: (property: string, message: string) => void): Promise<void> {
  const scope = res.scope as unknown;
  if (scope !== undefined) {
    const series = (scope as { series?: unknown } | null)?.series;
    if (!Array.isArray(series) || series.length === 0 || !series.every((s) => typeof s === 'string' && SERIES_NAMES.has(s))) {
      fail('scope', `The scope of ${res.name} must be {"series": [...]} listing series from lib/vocabulary/series.ts.`);
      return;
    }
  }
  if (res.coverage === undefined && scope === undefined) return;
  const result = await ingest(await readFile(file), { knownIndicators: indicators, encoding: 'utf-8', collect: true });
  if (!result.ok) return;
  if (res.coverage !== undefined) {
    const held = coverageOf(result.rows);
    const recorded = (res.coverage ?? {}) as Partial<DatasetCoverage>;
    const wrong = (Object.keys(held) as (keyof DatasetCoverage)[]).filter((k) => JSON.stringify(recorded[k]) !== JSON.stringify(held[k]));
    if (wrong.length) {
      const show = (c: Partial<DatasetCoverage>, k: keyof DatasetCoverage) => (Array.isArray(c[k]) ? listed(c[k] as string[]) : String(c[k]));
      fail(
        'coverage',
        `The coverage of ${res.name} in datapackage.json is not what ${res.path} holds: ${wrong.map((k) => `${k} says ${show(recorded, k)}, the file has ${show(held, k)}`).join('; ')}. Publishing through the staff pages or npm run data:build recomputes it.`,
      );
    }
  }
  const outside = seriesOutsideScope(res, result.rows);
  if (outside.length) fail('scope', `${res.path} holds rows in ${listed(outside)}, outside the scope of ${res.name} (${listed(res.scope?.series ?? [])}).`);
}
