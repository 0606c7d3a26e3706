/**
 * One entry point for every file a person or a script hands us: detects the format (canonical
 * tidy CSV, or a SAMHSA state table as published), reads it, and returns typed observations or
 * the complete list of problems. It never writes anything: rejecting a file changes nothing.
 */
import { readZip, ZipError } from './0-unzip';
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

export async function ingest(source: ByteSource, options: IngestOptions): Promise<IngestResult> {
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

  const csv = await readCsvRecords(
    source,
    (records, firstRow) => {
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
    log,
    { encoding: options.encoding },
  );
  const finished = reader as CanonicalReader | SamhsaTableReader | null;
  if (finished && !csv.stopped) finished.finish();

  const samhsa = finished instanceof SamhsaTableReader ? finished : null;
  return {
    ok: log.ok,
    format,
    encoding: csv.encoding,
    observations: finished?.observations ?? 0,
    rows: log.ok ? rows : [],
    errors: log.errors,
    errorCount: log.errorCount,
    warnings: log.warnings,
    table: samhsa?.table ?? null,
    indicators: samhsa ? [...samhsa.indicators.values()] : [],
  };
}

export interface MemberResult {
  /** The member's name inside the archive. */
  member: string;
  result: IngestResult;
}

/**
 * Every CSV table of a ZIP archive (SAMHSA's CSV zip of a whole release), each read exactly as a
 * file of its own would be. Other members (SAMHSA's description text) are listed as skipped.
 * Throws ZipError when the archive itself is unsafe, damaged or holds no CSV.
 */
export async function ingestZip(zip: Buffer, options: IngestOptions): Promise<{ tables: MemberResult[]; skipped: string[] }> {
  const members = readZip(zip);
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
  return { tables, skipped };
}
