/**
 * npm run bench:bundle
 *
 * Builds the app, serves it, and loads the dashboard and a bare page of the same build (the 404
 * page: the framework plus the site layout, no dashboard) in Chromium, in each language (`/` and
 * `/es`). Prints the gzipped size of every JavaScript file each page loads, and the difference
 * (goal, in each language: dashboard ≤ floor + 60 kB).
 * SKIP_BUILD=1 reuses the current build.
 */
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, startServer } from './server';

async function scripts(url: string): Promise<Map<string, number>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  const sizes = new Map<string, number>();
  const pending: Array<Promise<void>> = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res.body().then((body) => {
        sizes.set(new URL(res.url()).pathname, gzipSync(body).length);
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await browser.close();
  return sizes;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function main() {
  if (!process.env.SKIP_BUILD) execSync('npx next build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer();
  try {
    let allMet = true;
    for (const [language, prefix] of [
      ['English', ''],
      ['Spanish', '/es'],
    ] as const) {
      const home = await scripts(`${server.url}${prefix || '/'}`);
      const floor = await scripts(`${server.url}${prefix}/bench-floor-404`);
      console.log(`\n${language}: JavaScript loaded (gzipped):`);
      for (const [file, size] of [...home].sort((a, b) => b[1] - a[1])) console.log(`  ${floor.has(file) ? ' ' : '+'} ${kb(size).padStart(9)}  ${file}`);
      const extra = total(home) - total(floor);
      const met = extra <= 60 * 1024;
      allMet &&= met;
      console.log(`\n${`${prefix || '/'} (dashboard):`.padEnd(27)}${kb(total(home))} in ${home.size} files`);
      console.log(`${`${prefix}/… (404, floor):`.padEnd(27)}${kb(total(floor))} in ${floor.size} files`);
      console.log(`dashboard above the floor: ${kb(extra)} (goal ≤ 60 kB) ${met ? 'MET' : 'NOT MET'}`);
    }
    if (!allMet) process.exitCode = 1;
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
