import { expect, test } from '@playwright/test';
import { shown, stateRows, tooltip } from './data';

// Touch: the mobile project only (see playwright.config.ts).
test('a tap on a state in the ranking shows its figure', async ({ page }) => {
  const ranked = stateRows('sud_past_year');
  await page.goto('/');
  await page.locator(`[data-chart="ranking"] [data-state="${ranked[2].geography}"] .row-hit`).tap();
  await expect(tooltip(page)).toContainText(shown(ranked[2]).estimate);
});
