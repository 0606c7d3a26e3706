import { expect, test } from '@playwright/test';
import { chartsLaidOut, shown, stateRows, tooltip } from './data';

// Touch: the mobile project only (see playwright.config.ts).
test('a tap on a state in the ranking shows its figure', async ({ page }) => {
  // 2018–2019, asked for in the URL (the dashboard opens on the latest period).
  const ranked = stateRows('sud_past_year').filter((r) => r.period === '2018-2019');
  await page.goto('/?period=2018-2019');
  // The charts settle at the phone's width after the page loads; tap once they have.
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

// The server draws a phone's charts at PHONE_WIDTH (lib/charts/constants.ts); the mobile project's
// 375 px screen gives them 343 px, close enough that the browser keeps that drawing, scaled to fit,
// instead of laying every chart out again just after the page loads.
test('a phone keeps the charts the server drew for it, and lays them out again when the screen widens', async ({ page }) => {
  for (const path of ['/', '/states/CO']) {
    await page.goto(path);
    await chartsLaidOut(page);
    const bodies = await page.locator('.chart-body[data-width]').evaluateAll((els) =>
      els.map((b) => ({ drawn: b.getAttribute('data-width'), body: b.getBoundingClientRect().width, svg: (b.querySelector(':scope > svg') as SVGElement).getBoundingClientRect().width })),
    );
    expect(bodies.length, path).toBeGreaterThanOrEqual(path === '/' ? 5 : 2);
    for (const b of bodies) {
      expect(b.drawn, path).toBe('363');
      expect(b.body, path).toBe(343);
      expect(b.svg, path).toBeCloseTo(343, 0); // scaled to fill its container
    }
  }
  // A tablet's width is too far from the drawing: each chart is laid out again at its own width.
  await page.setViewportSize({ width: 800, height: 900 });
  await expect
    .poll(() => page.locator('.chart-body[data-width]').evaluateAll((els) => els.map((b) => `${b.getAttribute('data-width')}/${Math.round(b.getBoundingClientRect().width)}`)))
    .toEqual(['768/768', '768/768']);
  await chartsLaidOut(page);
});
