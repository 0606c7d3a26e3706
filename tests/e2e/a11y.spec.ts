import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** Every public page, plus a 404. */
export const PAGES = ['/', '/?indicator=needing_not_receiving_specialty_tx&geo=CA', '/?indicator=mde_past_year', '/states', '/states/CO', '/states/DC', '/iop', '/methodology', '/data', '/datasets/national-estimates', '/datasets/state-estimates-2018-2019', '/api', '/embed/trend?indicator=heroin_use_past_year', '/embed/map', '/embed/ages?geo=CO', '/no-such-page'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe-core (${scheme} theme)`, () => {
    test.use({ colorScheme: scheme });
    for (const path of PAGES) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        // Open every table view so their contents are checked too.
        for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary).toEqual([]);
      });
    }
  });
}
