/**
 * npm run screenshots [-- /path /other]   Saves full-page screenshots at 375 and 1280 px wide of
 * the given pages (default: the main public pages) from a running server (BASE_URL, default
 * http://127.0.0.1:3000) into screenshots/ (not committed), to look at what visitors see.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/states', '/iop', '/methodology', '/data', '/api', '/datasets/state-estimates-2002-2019'];
const OUT = path.join(process.cwd(), 'screenshots');

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: process.env.DARK ? 'dark' : 'light' });
    for (const p of PAGES) {
      await page.goto(BASE + p, { waitUntil: 'networkidle' });
      // Sections below the fold are drawn only near the viewport (content-visibility: auto), and a
      // full-page picture is taken from one viewport: draw them all, as a visitor scrolling would see them.
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      const name = `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}${process.env.DARK ? '-dark' : ''}.png`;
      await page.screenshot({ path: path.join(OUT, name), fullPage: true });
      console.log(path.join('screenshots', name));
      if (process.env.SLICES) {
        // Also save the page in screen-sized slices, to look at a long mobile page at full resolution.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += 900, i++) {
          const slice = name.replace('.png', `-part${i}.png`);
          await page.screenshot({ path: path.join(OUT, slice), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
          console.log(path.join('screenshots', slice));
        }
      }
    }
    await page.close();
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
