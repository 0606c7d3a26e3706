/**
 * npm run data:check                       validate data/datapackage.json and every dataset in it
 * npm run --silent data:check -- FILE...   validate files (canonical, SAMHSA tables, a ZIP of them, or SAMHSA's .xlsx); changes nothing
 * npm run --silent data:check -- --json FILE...
 *
 * Prints OK or FAIL per file, then one line per problem: row R, column "C": message.
 * Exit code 0 when everything is valid, 1 otherwise.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ZipError } from '../import/0-unzip';
import { WorkbookError } from '../import/0-xlsx';
import { ingest, ingestArchive, type IngestResult } from '../import/ingest';
import { IssueLog, type Issue, type Warning } from '../import/issues';
import { checkPackage, PACKAGE_FILE, readPackage, type DataPackage } from '../data/package';
import { dataDir } from '../store/paths';
import { fileStream, formatIssue, parseArgs, startsLikeArchive } from './cli';

/** Archives are read into memory whole; SAMHSA's run to a few hundred kB. */
const MAX_ZIP_BYTES = 100 * 1024 * 1024;

const USAGE = 'Usage: npm run --silent data:check -- [--json] [--encoding auto|utf-8|windows-1252] [FILE...]';

interface FileReport {
  file: string;
  ok: boolean;
  format: IngestResult['format'] | 'datapackage';
  observations: number;
  errors: Array<Pick<Issue, 'row' | 'column' | 'code' | 'message'>>;
  errorCount: number;
  warnings: Warning[];
  encoding?: string;
}

function toReport(file: string, result: IngestResult): FileReport {
  return {
    file,
    ok: result.ok,
    format: result.format,
    observations: result.observations,
    errors: result.errors,
    errorCount: result.errorCount,
    warnings: result.warnings,
    encoding: result.encoding,
  };
}

function print(reports: FileReport[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return;
  }
  for (const r of reports) {
    const what = r.format === 'datapackage' ? 'data package' : `${r.format ?? 'unreadable'}, ${r.observations} observations`;
    console.log(`${r.ok ? 'OK' : 'FAIL'} ${r.file} (${what})`);
    for (const e of r.errors) console.log(formatIssue(e));
    if (r.errorCount > r.errors.length) console.log(`… and ${r.errorCount - r.errors.length} more errors`);
    for (const w of r.warnings) console.log(`warning: ${formatIssue(w)}`);
  }
}

async function loadKnownIndicators(dir: string): Promise<{ pkg: DataPackage | null; problem: string | null }> {
  try {
    return { pkg: await readPackage(dir), problem: null };
  } catch (err) {
    return { pkg: null, problem: `Cannot read ${path.join(dir, PACKAGE_FILE)}: ${(err as Error).message}` };
  }
}

async function checkFiles(files: string[], encoding: ReturnType<typeof parseArgs>['encoding']): Promise<FileReport[]> {
  const dir = dataDir();
  const { pkg, problem } = await loadKnownIndicators(dir);
  if (!pkg) {
    console.error(problem);
    process.exit(1);
  }
  const known = new Set(pkg.indicators.map((i) => i.name));
  const base = process.env.INIT_CWD ?? process.cwd();
  const reports: FileReport[] = [];
  for (const file of files) {
    const full = path.resolve(base, file);
    if (!existsSync(full)) {
      reports.push({ file, ok: false, format: null, observations: 0, errors: [{ row: null, column: null, code: 'format-error', message: 'The file does not exist.' }], errorCount: 1, warnings: [] });
      continue;
    }
    if (await startsLikeArchive(full)) {
      reports.push(...(await checkArchive(file, full, known, encoding)));
      continue;
    }
    reports.push(toReport(file, await ingest(fileStream(full), { knownIndicators: known, encoding })));
  }
  return reports;
}

/**
 * A ZIP of SAMHSA tables or SAMHSA's Excel workbook: every CSV member or table sheet checked as a
 * file of its own ("archive.zip › member.csv", "workbook.xlsx › Table 1").
 */
async function checkArchive(file: string, full: string, known: ReadonlySet<string>, encoding: ReturnType<typeof parseArgs>['encoding']): Promise<FileReport[]> {
  const fail = (message: string): FileReport[] => [{ file, ok: false, format: null, observations: 0, errors: [{ row: null, column: null, code: 'format-error', message }], errorCount: 1, warnings: [] }];
  if ((await stat(full)).size > MAX_ZIP_BYTES) return fail(`The archive is larger than ${MAX_ZIP_BYTES / 1024 / 1024} MB.`);
  try {
    const { tables } = await ingestArchive(await readFile(full), { knownIndicators: known, encoding });
    return tables.map(({ member, result }) => toReport(`${file} › ${member}`, result));
  } catch (err) {
    if (err instanceof ZipError || err instanceof WorkbookError) return fail(err.message);
    throw err;
  }
}

async function checkDataFolder(): Promise<FileReport[]> {
  const dir = dataDir();
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const packageReport: FileReport = { file: rel(path.join(dir, PACKAGE_FILE)), ok: true, format: 'datapackage', observations: 0, errors: [], errorCount: 0, warnings: [] };
  const { pkg, problem } = await loadKnownIndicators(dir);
  if (!pkg) {
    return [{ ...packageReport, ok: false, errors: [{ row: null, column: null, code: 'package-error', message: problem as string }], errorCount: 1 }];
  }
  const log = new IssueLog();
  await checkPackage(pkg, dir, log);
  const known = new Set(pkg.indicators.map((i) => i.name));
  const used = new Set<string>();
  const reports: FileReport[] = [];
  for (const res of pkg.resources ?? []) {
    const file = path.join(dir, res.path);
    if (!existsSync(file)) continue; // reported by checkPackage
    const result = await ingest(fileStream(file), { knownIndicators: known, encoding: 'utf-8', onObservation: (o) => used.add(o.indicator) });
    if (result.ok && result.encoding === 'utf-8' && result.observations !== res.observations) {
      log.error(null, `${res.name}.observations`, 'package-error', `${res.path} has ${result.observations} observations but datapackage.json says ${res.observations}.`);
    }
    reports.push(toReport(rel(file), result));
  }
  for (const name of known) {
    if (!used.has(name)) log.warn(null, 'indicators', 'unused-metadata', `Indicator ${name} is defined but no dataset uses it.`);
  }
  packageReport.ok = log.ok;
  packageReport.errors = log.errors;
  packageReport.errorCount = log.errorCount;
  packageReport.warnings = log.warnings;
  return [packageReport, ...reports];
}

async function main() {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const reports = args.files.length ? await checkFiles(args.files, args.encoding) : await checkDataFolder();
  print(reports, args.json);
  process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
