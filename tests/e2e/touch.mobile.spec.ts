import { expect, test } from '@playwright/test';
import { shown, stateRows, tooltip } from './data';

// Touch: the mobile project only (see playwright.config.ts).
test('a tap on a state in the ranking shows its figure', async ({ page }) => {
  // 2018–2019, asked for in the URL (the dashboard opens on the latest period).
  const ranked = stateRows('sud_past_year').filter((r) => r.period === '2018-2019');
  await page.goto('/?period=2018-2019');
  // The charts below the ranking fill in after the page loads; tap once the layout has settled.
  await page.waitForLoadState('networkidle');
  await page.locator(`[data-chart="ranking"] [data-state="${ranked[2].geography}"] .row-hit`).tap();
  await expect(tooltip(page)).toContainText(shown(ranked[2]).estimate);
});
