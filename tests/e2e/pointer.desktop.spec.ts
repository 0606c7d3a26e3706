import { expect, test } from '@playwright/test';
import { shown, stateRows, tooltip } from './data';

// Mouse hover: the desktop project only (see playwright.config.ts).
test('hovering a state in the ranking shows its estimate and 95% interval from the data', async ({ page }) => {
  const [top, second] = stateRows('sud_past_year');
  await page.goto('/');
  for (const r of [top, second]) {
    await page.locator(`[data-chart="ranking"] [data-state="${r.geography}"]`).hover();
    const f = shown(r);
    await expect(tooltip(page)).toContainText(f.estimate);
    await expect(tooltip(page)).toContainText(f.interval as string);
  }
});

