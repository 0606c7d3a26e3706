import { chromium } from '@playwright/test';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const [w, sel, url, out] of [[1280, '#trend', '/', 'trend-1280'], [375, '#trend', '/', 'trend-375'], [375, '#ranking', '/', 'ranking-375'], [375, '#map', '/', 'map-375'], [1280, '#ages', '/?geo=CO', 'ages-1280']] as const) {
    const p = await b.newPage({ viewport: { width: w, height: 900 } });
    await p.goto('http://127.0.0.1:3000' + url, { waitUntil: 'networkidle' });
    await p.locator(sel).screenshot({ path: `screenshots/${out}.png` });
    await p.close();
  }
  await b.close();
})();
