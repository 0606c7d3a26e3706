/**
 * npm run --silent data:convert -- FILE
 *
 * Prints the canonical CSV of a valid file (canonical or a SAMHSA table) to stdout. If the file
 * has problems, prints them to stderr (row R, column "C": message) and exits 1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../import/ingest';
import { readPackage } from '../data/package';
import { dataDir } from '../data/paths';
import { CANONICAL_HEADER, canonicalCsvRow } from '../format/csv';
import { fileStream, formatIssue, parseArgs } from './cli';

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
  const result = await ingest(fileStream(file), {
    knownIndicators: new Set(pkg.indicators.map((i) => i.name)),
    encoding: args.encoding,
    collect: true,
  });
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
