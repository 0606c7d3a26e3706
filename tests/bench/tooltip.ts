/**
 * npm run bench:tooltip
 *
 * In Chromium against the production build, moves the mouse over every state of the ranking
 * chart, then walks it with the arrow keys, and reads the time from each pointer or key event to
 * the tooltip's commit (Performance API measures named "tooltip"). Goal: under 16 ms.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS, startServer } from './server';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const rows = page.locator('[data-chart="ranking"] a');
    const count = await rows.count();
    const measures = async () => page.evaluate(() => performance.getEntriesByName('tooltip').map((e) => e.duration));
    const clear = () => page.evaluate(() => performance.clearMeasures('tooltip'));

    await clear();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < count; i++) await rows.nth(i).locator('.row-hit').hover();
    }
    const hover = await measures();

    await clear();
    await page.locator('[data-chart="ranking"] a[tabindex="0"]').focus();
    for (let i = 0; i < count * 3; i++) await page.keyboard.press(i % (2 * count) < count ? 'ArrowDown' : 'ArrowUp');
    const keys = await measures();

    for (const [name, values] of [['mouse hover', hover], ['arrow keys', keys]] as const) {
      console.log(`${name.padEnd(12)} ${values.length} updates: median ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`);
    }
    const p95 = Math.max(percentile(hover, 95), percentile(keys, 95));
    console.log(`tooltip update p95: ${p95.toFixed(2)} ms (goal < 16 ms) ${p95 < 16 ? 'MET' : 'NOT MET'}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
