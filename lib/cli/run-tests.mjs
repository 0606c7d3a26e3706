// `npm test`: every check CI runs, in order, stopping at the first failure. Chromium and
// PostgreSQL's programs are checked first (the browser tests and the store's tests need them, and
// the browser tests come ten minutes in), and the run ends with one line per stage: its time and
// whether it passed.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { ensurePostgres } from './postgres.mjs';

/** The stages, in order: an npm script each. */
export const STAGES = ['data:check', 'typecheck', 'lint', 'test:unit', 'build', 'test:e2e', 'test:faults', 'test:cluster'];

/** "9.4 s", "2 min 05 s". */
export function formatDuration(ms) {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * The closing summary: one line per stage (its time and status, or "not run" after a failure),
 * then the total.
 * @param {{ name: string, ms?: number, status: 'ok' | 'FAILED' | 'not run' }[]} results
 */
export function summary(results) {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.map((r) => `stage ${r.name.padEnd(width)} ${(r.ms === undefined ? '—' : formatDuration(r.ms)).padStart(10)}  ${r.status}`);
  const failed = results.find((r) => r.status === 'FAILED');
  const total = results.reduce((sum, r) => sum + (r.ms ?? 0), 0);
  lines.push(`total ${''.padEnd(width)} ${formatDuration(total).padStart(10)}  ${failed ? `FAILED at ${failed.name}` : 'ok'}`);
  return lines;
}

function npmRun(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function main() {
  const results = [];
  const timed = async (name, run) => {
    const start = performance.now();
    const ok = await run();
    results.push({ name, ms: performance.now() - start, status: ok ? 'ok' : 'FAILED' });
    return ok;
  };
  let ok = true;
  for (const [name, check] of [['chromium', ensureChromium], ['postgres', ensurePostgres]]) {
    if (!ok) {
      results.push({ name, status: 'not run' });
      continue;
    }
    ok = await timed(name, async () => check());
  }
  for (const stage of STAGES) {
    if (!ok) {
      results.push({ name: stage, status: 'not run' });
      continue;
    }
    console.log(`\n━━ npm run ${stage}`);
    ok = await timed(stage, () => npmRun(stage));
  }
  console.log(`\nnpm test summary:\n${summary(results).join('\n')}`);
  process.exitCode = ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
