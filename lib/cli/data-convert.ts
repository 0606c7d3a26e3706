/**
 * npm run --silent data:convert -- FILE
 *
 * Prints the canonical CSV of a valid file (canonical, a SAMHSA table, a ZIP of SAMHSA tables, or SAMHSA's .xlsx) to stdout. If the file
 * has problems, prints them to stderr (row R, column "C": message) and exits 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest, ingestBundle } from '../import/ingest';
import { readPackage } from '../data/package';
import { dataDir } from '../store/paths';
import { CANONICAL_HEADER, canonicalCsvRow } from '../format/csv';
import { fileStream, formatIssue, parseArgs, startsLikeArchive } from './cli';

const USAGE = 'Usage: npm run --silent data:convert -- [--encoding auto|utf-8|windows-1252] FILE';

async function main() {
  const args = parseArgs(process.argv.slice(2), USAGE);
  if (args.files.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.files[0]);
  if (!existsSync(file)) {
    console.error(`${args.files[0]}: the file does not exist.`);
    process.exit(1);
  }
  const pkg = await readPackage(dataDir());
  const options = { knownIndicators: new Set(pkg.indicators.map((i) => i.name)), encoding: args.encoding, collect: true };
  // An archive is read into memory whole (SAMHSA's run to a few hundred kB); a CSV is streamed.
  const result = (await startsLikeArchive(file)) ? await ingestBundle(readFileSync(file), options) : await ingest(fileStream(file), options);
  if (!result.ok) {
    console.error(`FAIL ${args.files[0]} (${result.format ?? 'unreadable'})`);
    for (const e of result.errors) console.error(formatIssue(e));
    if (result.errorCount > result.errors.length) console.error(`… and ${result.errorCount - result.errors.length} more errors`);
    process.exit(1);
  }
  for (const w of result.warnings) console.error(`warning: ${formatIssue(w)}`);
  const lines = [CANONICAL_HEADER];
  for (const o of result.rows) lines.push(canonicalCsvRow(o));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
