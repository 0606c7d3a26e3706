/**
 * Prints, at the end of a browser-test run, the slowest ten tests with their time and their share
 * of their own timeout, and flags every test that took more than a third of it: such a test passes
 * here but may time out on a machine three times slower. It also writes every test's time to
 * test-results/timings.json, for comparing runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** A test over this share of its timeout is flagged. */
export const BUDGET_SHARE = 1 / 3;

export interface Timing {
  title: string;
  project: string;
  /** Milliseconds, of the test's last attempt. */
  duration: number;
  /** Milliseconds, after test.setTimeout() or test.slow(); 0 means none. */
  timeout: number;
  status: string;
  attempts: number;
}

export const share = (t: Timing) => (t.timeout > 0 ? t.duration / t.timeout : 0);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The report's lines: the slowest `count` tests, then a line for each test over its budget. */
export function timingReport(timings: Timing[], count = 10): string[] {
  const slowest = [...timings].sort((a, b) => b.duration - a.duration).slice(0, count);
  const over = timings.filter((t) => share(t) > BUDGET_SHARE).sort((a, b) => share(b) - share(a));
  const line = (t: Timing) =>
    `${seconds(t.duration).padStart(7)}  ${`${Math.round(share(t) * 100)}%`.padStart(4)} of ${seconds(t.timeout).padEnd(7)} [${t.project}] ${t.title}`;
  const lines = [`Slowest ${slowest.length} of ${timings.length} browser tests (time, share of its timeout):`, ...slowest.map(line)];
  if (over.length === 0) lines.push(`Every test finished within a third of its timeout.`);
  else {
    lines.push(`${over.length} test(s) took more than a third of their timeout; make them cheaper or give them an honest budget:`);
    lines.push(...over.map((t) => `  OVER ${line(t)}`));
  }
  return lines;
}

export default class TimingReporter implements Reporter {
  private timings = new Map<TestCase, Timing>();
  private outputDir = 'test-results';

  onBegin(config: FullConfig) {
    this.outputDir = config.projects[0]?.outputDir ?? path.join(config.rootDir, '..', 'test-results');
  }

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'skipped') return;
    this.timings.set(test, {
      title: test.titlePath().slice(2).join(' › '),
      project: test.parent.project()?.name ?? '',
      duration: result.duration,
      timeout: test.timeout,
      status: result.status,
      attempts: result.retry + 1,
    });
  }

  onEnd() {
    const timings = [...this.timings.values()];
    if (timings.length === 0) return;
    console.log(`\n${timingReport(timings).join('\n')}`);
    try {
      mkdirSync(this.outputDir, { recursive: true });
      writeFileSync(path.join(this.outputDir, 'timings.json'), `${JSON.stringify(timings, null, 1)}\n`);
    } catch {
      // The report above is what matters; the file is a convenience.
    }
  }

  printsToStdio() {
    return false;
  }
}
