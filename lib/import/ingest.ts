/**
 * One entry point for every file a person or a script hands us: detects the format (canonical
 * tidy CSV, or a SAMHSA state table as published), reads it, and returns typed observations or
 * the complete list of problems. It never writes anything: rejecting a file changes nothing.
 */
import { isZip, readZip, ZipError } from './0-unzip';
import { isCompoundFile, readWorkbookTables, WorkbookError } from './0-xlsx';
import type { Encoding, EncodingChoice } from './1-decode';
import { readCsvRecords, type ByteSource } from './2-parse';
import { CanonicalReader } from './3-import-canonical';
import { looksLikeSamhsaTitle, SamhsaTableReader, type DerivedIndicator, type SamhsaTable } from './3-import-samhsa-table';
import { ObservationRules } from './4-validate';
import { IssueLog, type Issue, type Warning } from './issues';
import type { Observation } from '../vocabulary/schema';

export type InputFormat = 'canonical' | 'samhsa-state-table';

export interface IngestOptions {
  /** Indicators defined in the data package. SAMHSA tables also define their own. */
  knownIndicators: ReadonlySet<string>;
  encoding?: EncodingChoice;
  /** Keep the observations in the result (off for streaming checks of huge files). */
  collect?: boolean;
  onObservation?: (o: Observation, row: number) => void;
  errorLimit?: number;
}

export interface IngestResult {
  ok: boolean;
  format: InputFormat | null;
  encoding: Encoding;
  /** Observations that passed every check (all of them when `ok`). */
  observations: number;
  /** The observations, when `collect` was set and the file is valid. */
  rows: Observation[];
  errors: Issue[];
  /** Total errors found; `errors` holds at most the first `errorLimit`. */
  errorCount: number;
  warnings: Warning[];
  /** For SAMHSA tables: the title, unit, period and notes. */
  table: SamhsaTable | null;
  /** For SAMHSA tables: indicator metadata the table carries. */
  indicators: DerivedIndicator[];
}

/** The reading of one table, whatever brings its records: a CSV file, or a workbook's sheet. */
function reading(options: IngestOptions) {
  const log = new IssueLog(options.errorLimit ?? 500);
  const rows: Observation[] = [];
  const onObservation = options.onObservation;
  const sink =
    options.collect || onObservation
      ? (o: Observation, row: number) => {
          if (options.collect) rows.push(o);
          onObservation?.(o, row);
        }
      : undefined; // a plain check needs no per-row callback
  let reader: CanonicalReader | SamhsaTableReader | null = null;
  let format: InputFormat | null = null;
  return {
    log,
    consume(records: string[][], firstRow: number): boolean {
      if (!reader) {
        const first = records.find((r) => r.some((c) => c.trim() !== ''));
        if (first && looksLikeSamhsaTitle(first[0])) {
          format = 'samhsa-state-table';
          const samhsa: SamhsaTableReader = new SamhsaTableReader(
            log,
            new ObservationRules(log, (name) => options.knownIndicators.has(name) || samhsa.indicators.has(name)),
            sink,
          );
          reader = samhsa;
        } else {
          format = 'canonical';
          reader = new CanonicalReader(log, new ObservationRules(log, (name) => options.knownIndicators.has(name)), sink);
        }
      }
      return reader.consume(records, firstRow);
    },
    result(encoding: Encoding, stopped: boolean): IngestResult {
      const finished = reader as CanonicalReader | SamhsaTableReader | null;
      if (finished && !stopped) finished.finish();
      const samhsa = finished instanceof SamhsaTableReader ? finished : null;
      return {
        ok: log.ok,
        format,
        encoding,
        observations: finished?.observations ?? 0,
        rows: log.ok ? rows : [],
        errors: log.errors,
        errorCount: log.errorCount,
        warnings: log.warnings,
        table: samhsa?.table ?? null,
        indicators: samhsa ? [...samhsa.indicators.values()] : [],
      };
    },
  };
}

export async function ingest(source: ByteSource, options: IngestOptions): Promise<IngestResult> {
  const r = reading(options);
  const csv = await readCsvRecords(source, (records, firstRow) => r.consume(records, firstRow), r.log, { encoding: options.encoding });
  return r.result(csv.encoding, csv.stopped);
}

/** A table already split into records (a workbook's sheet), read exactly as its CSV would be. */
export function ingestRecords(records: string[][], options: IngestOptions): IngestResult {
  const r = reading(options);
  const going = records.length === 0 || r.consume(records, 1);
  if (records.length === 0) r.log.error(null, null, 'format-error', 'The sheet is empty.');
  return r.result('utf-8', !going);
}

export interface MemberResult {
  /** The member's name inside the archive. */
  member: string;
  result: IngestResult;
}

/**
 * Every table of an archive, each read exactly as a file of its own would be: the CSV members of
 * a ZIP (SAMHSA's CSV zip of a whole release), or the table sheets of an Excel workbook. Other
 * members and sheets (descriptions, contents) are listed as skipped. Throws ZipError or
 * WorkbookError when the archive itself is unsafe, damaged or holds no table.
 */
export async function ingestArchive(bytes: Buffer, options: IngestOptions): Promise<{ tables: MemberResult[]; skipped: string[]; kind: 'zip' | 'workbook' }> {
  // A workbook is a ZIP with xl/workbook.xml in its table of contents (names are stored as they are);
  // an encrypted workbook or an old .xls is an OLE file, which the workbook reader refuses with the reason.
  if (isCompoundFile(bytes) || (isZip(bytes) && bytes.includes('xl/workbook.xml'))) {
    const { tables, skipped } = readWorkbookTables(bytes);
    return { tables: tables.map((t) => ({ member: t.sheet, result: ingestRecords(t.records, options) })), skipped, kind: 'workbook' };
  }
  const members = readZip(bytes);
  const tables: MemberResult[] = [];
  const skipped: string[] = [];
  for (const m of members) {
    if (!/\.csv$/i.test(m.name)) {
      skipped.push(m.name);
      continue;
    }
    tables.push({ member: m.name, result: await ingest(m.data, options) });
  }
  if (tables.length === 0) throw new ZipError(`The archive holds no CSV files${skipped.length ? ` (only ${skipped.slice(0, 5).join(', ')})` : ''}.`);
  return { tables, skipped, kind: 'zip' };
}

/** Whether bytes are an archive ingestArchive reads (a ZIP, a workbook, or an OLE file it will explain). */
export const isArchive = (bytes: Uint8Array) => isZip(bytes) || isCompoundFile(bytes);

export interface BundleResult extends IngestResult {
  /** The SAMHSA tables read (one for a single file; one per member of an archive). */
  tables: SamhsaTable[];
  /** Members of an archive that were read, in order (empty for a single file). */
  members: string[];
}

const keyOf = (o: Observation) => `${o.indicator}|${o.period}|${o.geography}|${o.age_group}|${o.unit}|${o.revision}`;

/**
 * A file as staff upload it — one CSV (either format), a ZIP of SAMHSA tables, or SAMHSA's Excel
 * workbook — read into one
 * result: an archive's tables are combined, each problem names its member, a canonical CSV inside
 * an archive is refused (a canonical file is a whole dataset on its own), and two members holding
 * the same observation are an error rather than one silently replacing the other.
 */
export async function ingestBundle(bytes: Buffer, options: IngestOptions): Promise<BundleResult> {
  if (!isArchive(bytes)) {
    const single = await ingest(bytes, options);
    return { ...single, tables: single.table ? [single.table] : [], members: [] };
  }
  const empty = (message: string): BundleResult => ({
    ok: false,
    format: null,
    encoding: 'utf-8',
    observations: 0,
    rows: [],
    errors: [{ row: null, column: null, code: 'format-error', message }],
    errorCount: 1,
    warnings: [],
    table: null,
    indicators: [],
    tables: [],
    members: [],
  });
  let archive: Awaited<ReturnType<typeof ingestArchive>>;
  try {
    archive = await ingestArchive(bytes, options);
  } catch (err) {
    if (err instanceof ZipError || err instanceof WorkbookError) return empty(err.message);
    throw err;
  }
  const named = <T extends { message: string }>(member: string, issue: T): T => ({ ...issue, message: `${member}: ${issue.message}` });
  const errors: Issue[] = [];
  const warnings: Warning[] = [];
  const rows: Observation[] = [];
  const seen = new Map<string, string>();
  let errorCount = 0;
  for (const { member, result } of archive.tables) {
    errors.push(...result.errors.map((e) => named(member, e)));
    errorCount += result.errorCount;
    warnings.push(...result.warnings.map((w) => named(member, w)));
    if (result.format === 'canonical') {
      errors.push({ row: null, column: null, code: 'format-error', message: `${member}: a canonical CSV is a whole dataset; upload it on its own, not inside an archive or workbook of SAMHSA tables.` });
      errorCount++;
    }
    for (const o of result.rows) {
      const first = seen.get(keyOf(o));
      if (first !== undefined) {
        if (errorCount < (options.errorLimit ?? 500)) errors.push({ row: null, column: null, code: 'primary-key', message: `${member} and ${first} both hold ${o.indicator}, ${o.period}, ${o.geography}, ages ${o.age_group}, ${o.unit}: keep one of the two tables.` });
        errorCount++;
      } else seen.set(keyOf(o), member);
      rows.push(o);
    }
  }
  const ok = errorCount === 0;
  const indicators = new Map(archive.tables.flatMap(({ result }) => result.indicators.map((i) => [i.name, i] as const)));
  return {
    ok,
    format: 'samhsa-state-table',
    encoding: archive.tables[0]?.result.encoding ?? 'utf-8',
    observations: rows.length,
    rows: ok ? rows : [],
    errors,
    errorCount,
    warnings,
    table: archive.tables[0]?.result.table ?? null,
    indicators: [...indicators.values()],
    tables: archive.tables.flatMap(({ result }) => (result.table ? [result.table] : [])),
    members: archive.tables.map(({ member }) => member),
  };
}
