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

// The server draws a phone's charts at PHONE_WIDTH, 343 px (lib/charts/constants.ts): the chart
// width of a 375 px phone. A wider phone keeps that drawing, scaled up to fit, instead of laying
// every chart out again just after the page loads; a tooltip still sits beside its point.
test.describe('on a 412 px phone', () => {
  test.use({ viewport: { width: 412, height: 915 } });

  test('a chart below the fold is measured only when its section nears the screen, not by forcing a layout at load', async ({ page }) => {
    await page.goto('/?period=2018-2019');
    const body = (id: string) => page.locator(`#${id} .chart-body[data-width]`);
    // The first chart, brought into view, takes its turn: the page runs and the queue works.
    await body('trend').scrollIntoViewIfNeeded();
    await expect(body('trend')).toHaveAttribute('data-laid-out', '');
    await page.evaluate(() => window.scrollTo(0, 0));
    // Every chart measured at load would have had its turn by now (each waits for an idle moment).
    await page.waitForTimeout(1500);
    const ranking = body('ranking');
    expect(await ranking.evaluate((b) => b.checkVisibility({ contentVisibilityAuto: true }))).toBe(false); // not rendered yet
    await expect(ranking).not.toHaveAttribute('data-laid-out', '');
    await ranking.scrollIntoViewIfNeeded();
    await expect(ranking).toHaveAttribute('data-laid-out', '');
  });

  test('the phone keeps the charts the server drew for it, scaled up, and lays them out again when the screen widens', async ({ page }) => {
    for (const path of ['/?period=2018-2019', '/states/CO']) {
      await page.goto(path);
      await chartsLaidOut(page);
      const bodies = await page.locator('.chart-body[data-width]').evaluateAll((els) =>
        els.map((b) => ({ drawn: b.getAttribute('data-width'), body: b.getBoundingClientRect().width, svg: (b.querySelector(':scope > svg') as SVGElement).getBoundingClientRect() })),
      );
      expect(bodies.length, path).toBeGreaterThanOrEqual(path === '/states/CO' ? 2 : 5);
      for (const b of bodies) {
        expect(b.drawn, path).toBe('343');
        expect(b.body, path).toBe(380);
        expect(b.svg.width, path).toBeCloseTo(380, 0); // scaled up to fill its container
      }
    }
    // Back on the dashboard: a ranking row's tooltip sits level with the row, in the scaled drawing.
    await page.goto('/?period=2018-2019');
    await chartsLaidOut(page);
    const row = page.locator('[data-chart="ranking"] [data-state="KS"] .row-hit');
    await row.tap();
    const [r, t] = [await row.boundingBox(), await tooltip(page).boundingBox()];
    expect(r && t && (Math.abs(t.y - (r.y + r.height)) < 12 || Math.abs(t.y + t.height - r.y) < 12)).toBe(true);
    expect(r!.height).toBeGreaterThanOrEqual(28); // touch-sized rows, never scaled down

    // A tablet's width is far from the drawing: each chart is laid out again at its own width, once
    // it is near the screen (a chart far below is not rendered until then: content-visibility).
    await page.setViewportSize({ width: 800, height: 900 });
    const bodies = page.locator('.chart-body[data-width]');
    await expect(bodies).toHaveCount(5);
    for (const body of await bodies.all()) {
      await body.scrollIntoViewIfNeeded();
      await expect(body).toHaveAttribute('data-width', '768');
      await expect(body).toHaveAttribute('data-laid-out', '');
    }
  });
});
