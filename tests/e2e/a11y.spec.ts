import { expect, test } from '@playwright/test';
import { pageViolations } from './axe';
import { PAGES } from './pages';

// An axe scan is heavy by nature: the home page and each of its four tables (hundreds of cells,
// each checked for contrast) take 3 s on an idle 2-core machine and up to 13 s with one core busy
// and the other worker beside it. This budget keeps that under a third of the timeout.
test.describe.configure({ timeout: 120_000 }); // up to 35 s per page with one core busy

/**
 * The dark theme swaps the same colour variables on every page, so it is scanned on one page of
 * each kind — dashboard (charts, tables, menus), a state page (its tables become cards on a
 * phone), the explainer, the catalog, a dataset table, the API page (code), an embed and the
 * 404 — rather than on every address: that keeps the suite within its time on a slow machine.
 */
const DARK_PAGES = ['/', '/states/CO', '/iop', '/data', '/datasets/state-estimates-2002-2019', '/api', '/embed/map', '/no-such-page'];

for (const [scheme, pages] of [
  ['light', PAGES],
  ['dark', DARK_PAGES],
] as const) {
  test.describe(`axe-core (${scheme} theme)`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        // The page, then the contents of its tables, download menus and phone menu, each opened.
        expect(await pageViolations(page)).toEqual([]);
      });
    }
  });
}
