/**
 * npm run bench:ingest
 *
 * Generates a 1,000,000-row canonical CSV (in .bench/, not committed), then times, each in a fresh
 * process so peak memory is measured alone:
 *   raw   — Papa.parse of the whole file's text (bytes → string → rows), no checks at all;
 *   ours  — the full pipeline: streaming decode + parse + every schema and rule check.
 * Prints MB/s for both, the ratio (goal: ours ≤ 1.5× raw time) and peak RSS (goal: < 300 MB for
 * a 100 MB file).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { ingest } from '../../lib/import/ingest';
import { readPackage } from '../../lib/data/package';
import { GEOGRAPHIES } from '../../lib/vocabulary/geography';
import { AGE_GROUPS } from '../../lib/vocabulary/age-groups';
import { SERIES } from '../../lib/vocabulary/series';
import { CANONICAL_HEADER } from '../../lib/format/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.bench');
const FILE = path.join(OUT, 'ingest-1m.csv');
/** The first 100 MB of FILE, cut at a row boundary, for the memory goal. */
const FILE_100MB = path.join(OUT, 'ingest-100mb.csv');
const RUNS = 3;
const ROWS = 1_000_000;

function periods(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of SERIES) {
    const last = s.lastYear ?? 2024;
    for (let y = s.firstYear; y <= last; y++) out.push([String(y), s.name]);
    for (let y = s.firstYear; y < last; y++) out.push([`${y}-${y + 1}`, s.name]);
  }
  return out;
}

async function generate(indicators: string[]): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const out = createWriteStream(FILE);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write(`${CANONICAL_HEADER}\n`);
  const ps = periods();
  let n = 0;
  let buf = '';
  outer: for (const unit of ['percent', 'thousands']) {
    for (const indicator of indicators) {
      for (const [period, series] of ps) {
        for (const g of GEOGRAPHIES) {
          for (const age of AGE_GROUPS) {
            const e = ((n * 7919) % 8000) / 100 + 1;
            const lo = (e * 0.9).toFixed(2);
            const hi = (e * 1.1).toFixed(2);
            const type = g.code === 'US' ? 'confidence' : 'credible';
            buf += `${indicator},${period},${g.code},${age},${unit},${e.toFixed(2)},${lo},${hi},${type},${series},0,,"SAMHSA, NSDUH Table ${n % 33}",\n`;
            if (++n === ROWS) break outer;
            if (buf.length > 1 << 20) {
              await write(buf);
              buf = '';
            }
          }
        }
      }
    }
  }
  await write(buf);
  await new Promise<void>((resolve) => out.end(resolve));
}

async function child(mode: string, file: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  if (mode === 'raw') {
    const text = readFileSync(file).toString('utf8');
    const data = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', header: false, dynamicTyping: false }).data;
    const last = data[data.length - 1];
    rows = data.length - 1 - (last.length === 1 && last[0] === '' ? 1 : 0); // header and the phantom row after the final newline
  } else {
    const pkg = await readPackage(path.join(ROOT, 'data'));
    const result = await ingest(createReadStream(file, { highWaterMark: 256 << 10 }), { knownIndicators: new Set(pkg.indicators.map((i) => i.name)) });
    if (!result.ok) throw new Error(`benchmark file invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    rows = result.observations;
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ seconds, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

interface Run {
  seconds: number;
  rows: number;
  maxRssMb: number;
}

function runOnce(mode: string, file: string): Run {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Run;
}

/** The run with the median time of RUNS fresh processes. */
function run(mode: string, file: string): Run {
  const runs = Array.from({ length: RUNS }, () => runOnce(mode, file)).sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(RUNS / 2)];
}

function writePrefix(source: string, target: string, bytes: number): void {
  const buf = readFileSync(source);
  const end = buf.lastIndexOf(0x0a, bytes - 1) + 1;
  writeFileSync(target, buf.subarray(0, end));
}

async function main() {
  const i = process.argv.indexOf('--child');
  if (i !== -1) return child(process.argv[i + 1], process.argv[i + 2]);

  const pkg = await readPackage(path.join(ROOT, 'data'));
  if (!existsSync(FILE)) {
    process.stdout.write(`generating ${ROWS.toLocaleString('en-US')} rows… `);
    await generate(pkg.indicators.map((x) => x.name));
  }
  if (!existsSync(FILE_100MB)) writePrefix(FILE, FILE_100MB, 100_000_000);
  const mb = statSync(FILE).size / 1e6;
  console.log(`file: ${path.relative(ROOT, FILE)}, ${mb.toFixed(1)} MB, ${ROWS.toLocaleString('en-US')} rows; median of ${RUNS} runs each`);
  const raw = run('raw', FILE);
  const ours = run('ours', FILE);
  if (ours.rows !== ROWS || raw.rows !== ROWS) throw new Error(`row counts differ: raw ${raw.rows}, ours ${ours.rows}`);
  const ratio = ours.seconds / raw.seconds;
  console.log(`raw Papa.parse (whole text):         ${raw.seconds.toFixed(2)} s  ${(mb / raw.seconds).toFixed(1)} MB/s  peak RSS ${raw.maxRssMb.toFixed(0)} MB`);
  console.log(`ours (stream decode+parse+validate): ${ours.seconds.toFixed(2)} s  ${(mb / ours.seconds).toFixed(1)} MB/s  peak RSS ${ours.maxRssMb.toFixed(0)} MB`);
  console.log(`ratio ours/raw: ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}`);
  const mb100 = statSync(FILE_100MB).size / 1e6;
  const memory = runOnce('ours', FILE_100MB);
  console.log(`peak RSS validating a ${mb100.toFixed(1)} MB file (${memory.rows.toLocaleString('en-US')} rows): ${memory.maxRssMb.toFixed(0)} MB (goal < 300 MB) ${memory.maxRssMb < 300 ? 'MET' : 'NOT MET'}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
