import { expect, test } from '@playwright/test';
import { chartsLaidOut, shown, stateRows, tooltip } from './data';

// Mouse hover: the desktop project only (see playwright.config.ts).
test('hovering a state in the ranking shows its estimate and 95% interval from the data', async ({ page }) => {
  // 2018–2019, asked for in the URL (the dashboard opens on the latest period).
  const [top, second] = stateRows('sud_past_year').filter((r) => r.period === '2018-2019');
  await page.goto('/?period=2018-2019');
  await chartsLaidOut(page);
  for (const r of [top, second]) {
    await page.locator(`[data-chart="ranking"] [data-state="${r.geography}"]`).hover();
    const f = shown(r);
    await expect(tooltip(page)).toContainText(f.estimate);
    await expect(tooltip(page)).toContainText(f.interval as string);
  }
});

