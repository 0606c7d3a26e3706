/**
 * An upload, from bytes to a report: read the request body up to a size limit, validate it with
 * the same validator as data:check, work out the dataset it would produce (a canonical file
 * replaces the dataset; a SAMHSA table replaces the observations it covers), diff that against
 * the live data, and keep the candidate in the store (the private folder, or PostgreSQL) until
 * someone publishes it.
 * Nothing here touches the live data.
 */
import { randomUUID } from 'node:crypto';
import { ingest, ingestBundle, isArchive, type BundleResult, type InputFormat } from '../import/ingest';
import { firstProblem, type Issue, type Warning } from '../import/issues';
import { coverageOf, sha256, type DataPackage, type IndicatorMeta } from '../data/package';
import { getStore } from '../store/store';
import type { Observation } from '../vocabulary/schema';
import { toCanonicalCsv } from '../format/csv';
import { DATASET_NAME } from './dataset-name';
import { changeWarnings, diffObservations, mergeTable, summarizeDiff, type ChangeWarning, type DiffSummary } from './changes';
import { outsideScopeMessage, rowsOutsideScope, titled, type OutsideSeries, type ScopeSeries } from './scope';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Uploads not published within a day are removed. */
const STAGED_TTL_MS = 24 * 60 * 60_000;
export { DATASET_NAME };

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the upload limit. Split it, or remove rows that do not change.`);
  }
}

/** Reads a request body, stopping as soon as it passes `limit` bytes (never buffers more). */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new UploadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export interface UploadReport {
  uploadId: string;
  dataset: string;
  mode: 'replace' | 'add';
  fileName: string;
  bytes: number;
  uploaded: string;
  user: string;
  format: InputFormat | null;
  /** The format in words: "a SAMHSA state table", "a SAMHSA workbook of 26 tables", "canonical format". */
  formatLabel: string;
  ok: boolean;
  /**
   * The file is valid and holds exactly the live data: nothing to publish. Not an error (ok is
   * false only because there is nothing to publish; errorCount stays 0).
   */
  sameAsLive: boolean;
  /** Validation errors, by row and column, in plain English. */
  errors: Issue[];
  errorCount: number;
  /** The validator's warnings about the file itself. */
  fileWarnings: Warning[];
  /** Warnings about the change, to acknowledge before publishing. */
  warnings: ChangeWarning[];
  /** What the file replaces, in a sentence. */
  scope: string;
  liveObservations: number;
  candidateObservations: number;
  diff: DiffSummary | null;
  /** Hash of the live CSV the diff was made against (null for a new dataset). */
  baseHash: string | null;
  candidateHash: string | null;
  /** Indicators whose figures change (for the preview). */
  affectedIndicators: string[];
  /** Indicators a SAMHSA table defines that the package does not have yet. */
  newIndicators: IndicatorMeta[];
  /** The dataset replaced, as it is now (its words and declared scope); null for a new dataset. */
  target: { title: string; description: string; scope: ScopeSeries[] | null } | null;
  /**
   * Rows that would go live in series outside the dataset's scope, by series: such a file is
   * published only once staff say where they belong (the scope widened, or a new dataset).
   */
  outsideScope: OutsideSeries[];
  /** The sentence saying so, or "". */
  outsideScopeMessage: string;
  /** Observations the file itself holds. */
  fileObservations: number;
  /** How many of them are in the series outside the scope (kept apart, to become a new dataset). */
  outsideRows: number;
  /** For a new dataset: the series of its rows, which become its scope. */
  newScope: ScopeSeries[];
}

export interface LiveDataset {
  pkg: DataPackage;
  /** The live CSV (null: no such dataset, or its file is missing). */
  bytes: Buffer | null;
  /** Its observations; empty when it does not validate. */
  observations: Observation[];
  /** Why the live file does not validate, if it does not (then only a whole replacement, a restore or a removal can mend it). */
  problem: string | null;
}

/** The live package and a dataset's live bytes and observations, read from the store now (no cache). */
export async function readLive(dataset: string): Promise<LiveDataset> {
  const store = await getStore();
  const pkg = JSON.parse(await store.readPackageText()) as DataPackage;
  const resource = pkg.resources.find((r) => r.name === dataset);
  if (!resource) return { pkg, bytes: null, observations: [], problem: null };
  const bytes = await store.readLiveFile(resource.path);
  if (!bytes) return { pkg, bytes: null, observations: [], problem: `The live file ${resource.path} is missing.` };
  const result = await ingest(bytes, { knownIndicators: new Set(pkg.indicators.map((i) => i.name)), encoding: 'utf-8', collect: true });
  if (!result.ok) return { pkg, bytes, observations: [], problem: `The live file does not validate ${firstProblem(result.errors)}` };
  return { pkg, bytes, observations: result.rows, problem: null };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The upload's format in words; an archive says what kind and how many tables it held. */
function describeFormat(bytes: Buffer, result: BundleResult): string {
  if (result.members.length) return `a SAMHSA ${bytes.includes('xl/workbook.xml') ? 'workbook' : 'ZIP'} of ${plural(result.members.length, 'table')}`;
  if (isArchive(bytes)) return 'an archive that could not be read';
  return result.format === 'samhsa-state-table' ? 'a SAMHSA state table' : result.format === 'canonical' ? 'canonical format' : 'format not recognised';
}

/** Where rows split off another upload came from (see analyseOutsideRows). */
interface SplitFrom {
  fileName: string;
  formatLabel: string;
  datasetTitle: string;
  /** The rows of that file that fit its dataset's scope, left out of this one. */
  leftOut: number;
}

export async function analyseUpload(input: { bytes: Buffer; fileName: string; dataset: string; mode: 'replace' | 'add'; user: string; from?: SplitFrom }): Promise<UploadReport> {
  const { bytes, dataset, mode } = input;
  const live = await readLive(dataset);
  const known = new Set(live.pkg.indicators.map((i) => i.name));
  const report: UploadReport = {
    uploadId: randomUUID(),
    dataset,
    mode,
    fileName: input.fileName.slice(0, 200),
    bytes: bytes.length,
    uploaded: new Date().toISOString(),
    user: input.user,
    format: null,
    formatLabel: 'format not recognised',
    ok: false,
    sameAsLive: false,
    errors: [],
    errorCount: 0,
    fileWarnings: [],
    warnings: [],
    scope: '',
    liveObservations: live.observations.length,
    candidateObservations: 0,
    diff: null,
    baseHash: live.bytes ? sha256(live.bytes) : null,
    candidateHash: null,
    affectedIndicators: [],
    newIndicators: [],
    target: null,
    outsideScope: [],
    outsideScopeMessage: '',
    fileObservations: 0,
    outsideRows: 0,
    newScope: [],
  };
  const fail = (message: string) => {
    report.errors.push({ row: null, column: null, code: 'format-error', message });
    report.errorCount++;
    return report;
  };
  const resource = live.pkg.resources.find((r) => r.name === dataset);
  const exists = resource !== undefined;
  if (mode === 'replace' && !exists) return fail(`There is no dataset “${dataset}” to replace.`);
  if (mode === 'add' && (exists || live.bytes)) return fail(`A dataset named “${dataset}” exists already; choose “Replace data” on it instead.`);

  const result = await ingestBundle(bytes, { knownIndicators: known, collect: true });
  report.format = result.format;
  report.formatLabel = input.from ? `the rows of ${input.from.fileName} (${input.from.formatLabel}) outside “${input.from.datasetTitle}”` : describeFormat(bytes, result);
  report.fileObservations = result.observations;
  report.errors = result.errors;
  report.errorCount = result.errorCount;
  report.fileWarnings = result.warnings;
  if (!result.ok) return report;

  let rows: Observation[];
  if (result.format === 'samhsa-state-table' && mode === 'replace') {
    if (live.problem) return fail(`${live.problem} A SAMHSA table only replaces part of a dataset, so it cannot mend it: upload the whole dataset as a canonical CSV, restore an earlier version, or remove the dataset.`);
    const merged = mergeTable(live.observations, result.rows);
    rows = merged.rows;
    const distinct = (i: number) => [...new Set(merged.scope.map((s) => s.split('|')[i]))].join(', ');
    const t = result.tables;
    const what =
      t.length === 1
        ? `This SAMHSA table (Table ${t[0].number}, ${t[0].unit}, ${t[0].period})`
        : `These ${t.length} SAMHSA tables (${t.map((x) => `Table ${x.number}`).join(', ')}; ${[...new Set(t.map((x) => `${x.unit}, ${x.period}`))].join('; ')})`;
    report.scope = `${what} replace${t.length === 1 ? 's' : ''} the dataset’s observations of ${distinct(0)} for ages ${distinct(3)} in ${t.length === 1 ? 'that unit and period' : 'their units and periods'}; every other observation stays as it is.`;
  } else {
    rows = result.rows;
    report.scope = input.from
      ? `These ${plural(rows.length, 'observation')} become the new dataset “${dataset}”.${input.from.leftOut ? ` The file’s other ${plural(input.from.leftOut, 'observation')}, which fit “${input.from.datasetTitle}”, are not part of it: to publish them there, check a file of only those rows on that dataset’s page.` : ''}`
      : mode === 'add'
        ? `This file becomes the new dataset “${dataset}” with ${plural(rows.length, 'observation')}.`
        : `This file replaces the whole dataset: after publishing, it holds exactly the file’s ${plural(rows.length, 'observation')}.`;
  }
  // Scope: what the dataset is declared to hold, and any rows this change would put outside it.
  let outsideCsv: Buffer | null = null;
  if (resource) {
    report.target = { title: resource.title, description: resource.description, scope: resource.scope ? titled(resource.scope.series) : null };
    report.outsideScope = rowsOutsideScope(resource, rows);
    if (report.outsideScope.length) {
      report.outsideScopeMessage = outsideScopeMessage(resource.title, report.outsideScope);
      const outside = new Set(report.outsideScope.map((s) => s.series));
      const own = result.rows.filter((o) => outside.has(o.series));
      report.outsideRows = own.length;
      if (own.length) outsideCsv = Buffer.from(toCanonicalCsv(own), 'utf8');
    }
  } else {
    report.newScope = titled(coverageOf(rows).series);
  }
  report.newIndicators = result.indicators.filter((i) => !known.has(i.name));
  const diff = diffObservations(live.observations, rows);
  report.diff = summarizeDiff(diff);
  report.warnings = [
    ...(live.problem ? [{ code: 'live-invalid' as const, message: `${live.problem} Publishing this file replaces the whole dataset, so every row counts as added.` }] : []),
    ...changeWarnings(live.observations, rows, diff, known),
  ];
  report.affectedIndicators = [...new Set([...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)].map((o) => o.indicator))].sort();
  report.candidateObservations = rows.length;
  const csv = Buffer.from(toCanonicalCsv(rows), 'utf8');
  report.candidateHash = sha256(csv);
  if (report.candidateHash === report.baseHash || (!diff.added.length && !diff.removed.length && !diff.changed.length)) {
    // Not a mistake in the file: a note, and nothing is staged.
    report.sameAsLive = true;
    report.warnings = [];
    return report;
  }
  report.ok = true;
  await (await getStore()).staff.stageUpload(report.uploadId, { report: JSON.stringify(report), csv, outside: outsideCsv }, STAGED_TTL_MS);
  return report;
}

/** A staged upload: its report and the candidate CSV; null when unknown or expired. */
export async function readStaged(uploadId: string): Promise<{ report: UploadReport; csv: Buffer; outside: Buffer | null } | null> {
  const staged = await (await getStore()).staff.readStaged(uploadId, STAGED_TTL_MS);
  if (!staged) return null;
  try {
    return { report: JSON.parse(staged.report) as UploadReport, csv: staged.csv, outside: staged.outside };
  } catch {
    return null;
  }
}

export async function removeStaged(uploadId: string): Promise<void> {
  await (await getStore()).staff.removeStaged(uploadId);
}

/**
 * The rows of a checked upload that fall outside its dataset's scope, checked again as the first
 * file of a new dataset — the "adding a dataset" flow, without uploading anything again. Null when
 * the upload is unknown, expired or has no such rows.
 */
export async function analyseOutsideRows(input: { uploadId: string; dataset: string; user: string }): Promise<UploadReport | null> {
  const staged = await readStaged(input.uploadId);
  if (!staged || !staged.report.ok || !staged.outside) return null;
  const bytes = staged.outside;
  const from = staged.report;
  return analyseUpload({
    bytes,
    fileName: from.fileName,
    dataset: input.dataset,
    mode: 'add',
    user: input.user,
    from: { fileName: from.fileName, formatLabel: from.formatLabel, datasetTitle: from.target?.title ?? from.dataset, leftOut: from.fileObservations - from.outsideRows },
  });
}
