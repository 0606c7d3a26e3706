/**
 * npm run bench:lighthouse [path ...]
 *
 * Lighthouse 12 (mobile preset: emulated phone, simulated slow 4G and 4× CPU slowdown) against the
 * production build of every public page, beside a floor measured in the same run: a bare Next.js
 * page built from the same Next.js and React (tests/bench/floor, built once). Absolute scores move
 * with the machine; the distance to the floor does not, so the goals are distances:
 *
 *   every page: Total Blocking Time ≤ floor + 150 ms, performance ≥ floor − 0.03,
 *               accessibility, best practices and SEO = 1.0.
 *
 * A second floor, not part of the goals, shows what the site's security policy alone costs: the
 * same bare page served with the site's response headers and per-request CSP nonce
 * (tests/bench/floor-headers, which uses next.config.js and proxy.ts). Its distance to the bare
 * floor is the part of every page's distance that no change to the pages themselves can remove.
 *
 * Rounds: each round measures the floors and then every page once, so a machine that slows down
 * mid-run slows both. RUNS rounds (default 3). A page's distances are paired: in each round its
 * TBT and score minus the floor's of the same round, and the median of those; its own figures are
 * the medians of its runs. Runs that fail (a page that never paints under load) are retried.
 *
 * Also printed: when the first paint was observed (before Lighthouse's simulation). Lighthouse
 * counts every script that finished loading before the observed first paint as holding up the
 * largest paint, so a later first paint on this machine shows as a much later simulated LCP.
 *
 * Headless Chromium sometimes reports the first paint one or two seconds after the page has
 * loaded, with the main thread idle in between: no frame is drawn in the gap, and sometimes the
 * filmstrip already shows the page. That matches a known behaviour
 * (GoogleChrome/lighthouse#17148): the display compositor withholds frames from a renderer it
 * judged unresponsive during the load. Such a run's simulated FCP and LCP count every script, and
 * its simulated TBT counts fewer tasks. Each line says in how many runs the first paint came over
 * LATE_PAINT_MS (500 ms) after the load event.
 *
 * Uses Debian's Chromium (CHROME_PATH or CHROMIUM_PATH, default /usr/bin/chromium).
 * Run `npm run build` first.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { buildFloor, CHROMIUM, CHROMIUM_FLAGS, startServer } from './server.ts';

export const PUBLIC_PAGES = ['/', '/states', '/states/CO', '/iop', '/methodology', '/data', '/datasets/national-estimates', '/datasets/state-estimates-2002-2019', '/api'];
const OTHER = ['accessibility', 'best-practices', 'seo'] as const;
const RUNS = Number(process.env.RUNS ?? 3);
const TBT_ALLOWANCE = 150;
const SCORE_ALLOWANCE = 0.03;
const HEADERS_FLOOR = 'floor + site headers and CSP nonce';

type Run = { performance: number; tbt: number; lcp: number; cls: number; observedFcp: number; observedLoad: number; other: number[]; audits: RunnerResult['lhr']['audits'] };

/**
 * A run whose first paint is reported this long after the load event (every page here is drawn
 * on the server, so it has all it needs to paint by then) was hit by Chromium's frame throttling
 * (see the note at the top): its simulated metrics are skewed.
 */
const LATE_PAINT_MS = 500;
const late = (r: Run) => r.observedFcp - r.observedLoad > LATE_PAINT_MS;

/** Each run's score and TBT, and how many runs the frame throttling hit. */
const runsLine = (rs: Run[]) =>
  `runs: perf ${rs.map((r) => r.performance.toFixed(2)).join('/')}, TBT ${rs.map((r) => Math.round(r.tbt)).join('/')} ms; first paint over ${LATE_PAINT_MS} ms after load in ${rs.filter(late).length} of ${rs.length}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(port: number, url: string): Promise<Run> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', ...OTHER] });
    if (r && !r.lhr.runtimeError && r.lhr.categories.performance?.score !== null) {
      const a = r.lhr.audits;
      const observed = (a['metrics']?.details as { items?: Array<{ observedFirstContentfulPaint?: number; observedLoad?: number }> } | undefined)?.items?.[0];
      return {
        performance: r.lhr.categories.performance?.score ?? 0,
        tbt: a['total-blocking-time']?.numericValue ?? NaN,
        lcp: a['largest-contentful-paint']?.numericValue ?? NaN,
        cls: a['cumulative-layout-shift']?.numericValue ?? NaN,
        observedFcp: observed?.observedFirstContentfulPaint ?? NaN,
        observedLoad: observed?.observedLoad ?? NaN,
        other: OTHER.map((c) => r.lhr.categories[c]?.score ?? 0),
        audits: a,
      };
    }
    console.log(`    (run of ${url} failed: ${r?.lhr.runtimeError?.code ?? 'no result'}; retrying)`);
  }
  throw new Error(`no successful Lighthouse run for ${url}`);
}

async function main() {
  buildFloor('bare');
  buildFloor('headers');
  const site = await startServer();
  const floor = await startServer({ floor: 'bare' });
  const headersFloor = await startServer({ floor: 'headers' });
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  const pages = process.argv.slice(2).length ? process.argv.slice(2) : PUBLIC_PAGES;
  const runs = new Map<string, Run[]>([['floor', []], [HEADERS_FLOOR, []], ...pages.map((p) => [p, []] as [string, Run[]])]);
  try {
    // One warm-up load of each, unmeasured: the first request to a route compiles nothing in
    // production, but it does fill the server's data caches, which a visitor's request finds warm.
    for (const p of pages) await fetch(`${site.url}${p}`);
    await fetch(`${floor.url}/`);
    await fetch(`${headersFloor.url}/`);
    for (let round = 1; round <= RUNS; round++) {
      console.log(`round ${round} of ${RUNS}…`);
      runs.get('floor')!.push(await measure(chrome.port, `${floor.url}/`));
      runs.get(HEADERS_FLOOR)!.push(await measure(chrome.port, `${headersFloor.url}/`));
      for (const p of pages) runs.get(p)!.push(await measure(chrome.port, `${site.url}${p}`));
    }
  } finally {
    await chrome.kill();
    site.stop();
    floor.stop();
    headersFloor.stop();
  }

  const summary = (rs: Run[]) => {
    const byScore = [...rs].sort((a, b) => a.performance - b.performance);
    const mid = byScore[Math.floor(byScore.length / 2)];
    return { ...mid, performance: median(rs.map((r) => r.performance)), tbt: median(rs.map((r) => r.tbt)), lcp: median(rs.map((r) => r.lcp)), observedFcp: median(rs.map((r) => r.observedFcp)) };
  };
  const floorRuns = runs.get('floor')!;
  const f = summary(floorRuns);
  /** The median over rounds of a page's figure minus the floor's in the same round. */
  const paired = (rs: Run[], key: 'performance' | 'tbt') => median(rs.map((r, i) => r[key] - floorRuns[i][key]));
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`\nLighthouse mobile preset, median of ${RUNS} runs per page; Δ floor is the median of each round's difference from the floor.`);
  console.log(`${'page'.padEnd(38)}${'perf'.padStart(6)}${'Δ floor'.padStart(9)}${'TBT'.padStart(9)}${'Δ floor'.padStart(10)}${'LCP'.padStart(9)}${'CLS'.padStart(7)}${'1st paint'.padStart(11)}   a11y/bp/seo   goals`);
  console.log(`${'floor (bare Next.js page)'.padEnd(38)}${f.performance.toFixed(2).padStart(6)}${''.padStart(9)}${ms(f.tbt).padStart(9)}${''.padStart(10)}${ms(f.lcp).padStart(9)}${f.cls.toFixed(3).padStart(7)}${ms(f.observedFcp).padStart(11)}`);
  const sign = (n: number, t: string) => `${n >= 0 ? '+' : '−'}${t}`;
  /** One row: the page's medians, its paired distances to the bare floor, and (for a page) whether its goals are met. */
  const row = (label: string, rs: Run[], goal: boolean) => {
    const s = summary(rs);
    const dPerf = paired(rs, 'performance');
    const dTbt = paired(rs, 'tbt');
    const met = dTbt <= TBT_ALLOWANCE && dPerf >= -SCORE_ALLOWANCE - 1e-9 && s.other.every((x) => x === 1);
    console.log(
      `${label.padEnd(38)}${s.performance.toFixed(2).padStart(6)}${sign(dPerf, Math.abs(dPerf).toFixed(2)).padStart(9)}${ms(s.tbt).padStart(9)}${sign(dTbt, ms(Math.abs(dTbt))).padStart(10)}${ms(s.lcp).padStart(9)}${s.cls.toFixed(3).padStart(7)}${ms(s.observedFcp).padStart(11)}   ${s.other.map((x) => x.toFixed(2)).join('/')}   ${goal ? (met ? 'MET' : 'NOT MET') : '(no goal)'}`,
    );
    console.log(`    ${runsLine(rs)}`);
    if (goal && !met) {
      for (const audit of Object.values(s.audits)) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual') {
          console.log(`    ${audit.id}: ${audit.score} ${audit.displayValue ?? ''} — ${audit.title}`);
        }
      }
    }
    return met;
  };
  row(HEADERS_FLOOR, runs.get(HEADERS_FLOOR)!, false);
  let allMet = true;
  for (const p of pages) allMet = row(p, runs.get(p)!, true) && allMet;
  console.log(`floor ${runsLine(floorRuns)}`);
  console.log(`\nGoals: TBT ≤ floor + ${TBT_ALLOWANCE} ms, performance ≥ floor − ${SCORE_ALLOWANCE}, accessibility/best practices/SEO 1.00.`);
  console.log(allMet ? 'All goals met.' : 'Some goals not met (audits listed under each page).');
  if (!allMet) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
