/**
 * npm run bench:lighthouse
 *
 * Lighthouse 12 (mobile preset: emulated phone, simulated slow 4G and CPU) against the production
 * build, for every public page. Prints the four category scores per page.
 * Goals: performance ≥ 0.95; accessibility, best practices and SEO = 1.0.
 * Uses Debian's Chromium (CHROME_PATH or CHROMIUM_PATH, default /usr/bin/chromium).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS, startServer } from './server.ts';

export const PUBLIC_PAGES = ['/', '/states', '/states/CO', '/iop', '/methodology', '/data', '/datasets/national-estimates', '/datasets/state-estimates-2018-2019'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const GOALS: Record<(typeof CATEGORIES)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

async function main() {
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  let allMet = true;
  try {
    console.log(`${'page'.padEnd(40)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
    for (const path of process.argv.slice(2).length ? process.argv.slice(2) : PUBLIC_PAGES) {
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`no result for ${path}`);
      const scores = CATEGORIES.map((c) => result.lhr.categories[c]?.score ?? 0);
      const met = CATEGORIES.every((c, i) => scores[i] >= GOALS[c]);
      allMet &&= met;
      console.log(`${path.padEnd(40)} ${scores.map((s) => s.toFixed(2).padStart(15)).join('')}  ${met ? 'MET' : 'NOT MET'}`);
      if (!met) {
        for (const audit of Object.values(result.lhr.audits)) {
          if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable') {
            console.log(`    ${audit.id}: ${audit.score} ${audit.displayValue ?? ''} — ${audit.title}`);
          }
        }
      }
    }
    console.log(allMet ? 'All goals met.' : 'Some goals not met (audits listed under each page).');
  } finally {
    await chrome.kill();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
