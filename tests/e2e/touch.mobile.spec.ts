import { expect, test } from '@playwright/test';
import { chartsLaidOut, shown, stateRows, tooltip } from './data';

// Touch: the mobile project only (see playwright.config.ts).
test('a tap on a state in the ranking shows its figure', async ({ page }) => {
  // 2018–2019, asked for in the URL (the dashboard opens on the latest period).
  const ranked = stateRows('sud_past_year').filter((r) => r.period === '2018-2019');
  await page.goto('/?period=2018-2019');
  // The charts are laid out again at the phone's width after the page loads; tap once they are.
  await chartsLaidOut(page);
  await page.locator(`[data-chart="ranking"] [data-state="${ranked[2].geography}"] .row-hit`).tap();
  await expect(tooltip(page)).toContainText(shown(ranked[2]).estimate);
});

test.describe('before any JavaScript runs', () => {
  test.use({ javaScriptEnabled: false });

  // The server reads the phone from the request (Sec-CH-UA-Mobile, or the user agent) and draws
  // the ranking with touch-sized rows, so the page needs no second layout once it runs.
  test('the server already draws touch-sized ranking rows for a phone', async ({ page }) => {
    await page.goto('/?period=2018-2019');
    const heights = await page.locator('[data-chart="ranking"] .row-hit').evaluateAll((rects) => rects.map((r) => r.getAttribute('height')));
    expect(heights).toHaveLength(51);
    expect(new Set(heights)).toEqual(new Set(['28']));
  });
});
