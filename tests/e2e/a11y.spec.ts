import { expect, test } from '@playwright/test';
import { pageViolations } from './axe';

/** Every public page, plus a 404. */
export const PAGES = ['/', '/?indicator=needing_not_receiving_specialty_tx&geo=CA', '/?indicator=mde_past_year', '/states', '/states/CO', '/states/DC', '/iop', '/methodology', '/data', '/datasets/national-estimates', '/datasets/state-estimates-2002-2019', '/api', '/embed/trend?indicator=heroin_use_past_year', '/embed/map', '/embed/ages?geo=CO', '/no-such-page'];

// An axe scan is heavy by nature: the home page and each of its four tables (hundreds of cells,
// each checked for contrast) take 3 s on an idle 2-core machine and up to 13 s with one core busy
// and the other worker beside it. This budget keeps that under a third of the timeout.
test.describe.configure({ timeout: 120_000 }); // up to 35 s per page with one core busy

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe-core (${scheme} theme)`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        // The page, then the contents of its tables, download menus and phone menu, each opened.
        expect(await pageViolations(page)).toEqual([]);
      });
    }
  });
}

