import { chromium } from '@playwright/test';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const [w, sel, url, out, scheme] of [[375, 'table.stack', '/iop', 'levels-375', 'light'], [1280, 'table.stack', '/iop', 'levels-1280', 'light'], [375, 'header', '/', 'header-375', 'light'], [1280, '#trend', '/', 'trend-dark', 'dark'], [1280, '#map', '/', 'map-dark', 'dark']] as const) {
    const p = await b.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
    await p.goto('http://127.0.0.1:3000' + url, { waitUntil: 'networkidle' });
    if (out === 'header-375') await p.getByRole('button', { name: 'Menu' }).click();
    await p.locator(sel).first().screenshot({ path: `screenshots/${out}.png` });
    await p.close();
  }
  await b.close();
})();
