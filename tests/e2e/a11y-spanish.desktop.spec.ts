import { expect, test } from '@playwright/test';
import { pageViolations } from './axe';

/**
 * The Spanish pages, in the light theme, on the desktop project (this file's name): what differs
 * from English is words, labels and lang attributes, not the colours and layout rules the English
 * scans (a11y.spec.ts, both themes, both projects) already cover.
 */
const SPANISH_A11Y_PAGES = ['/es', '/es?indicator=mde_past_year', '/es/states', '/es/states/CO', '/es/iop', '/es/methodology', '/es/data', '/es/datasets/national-estimates', '/es/api', '/es/embed/map', '/es/no-such-page'];

test.describe.configure({ timeout: 120_000 }); // as a11y.spec.ts: up to 35 s per page with one core busy

test.describe('axe-core in Spanish', () => {
  for (const path of SPANISH_A11Y_PAGES) {
    test(`${path} has no accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await pageViolations(page)).toEqual([]);
    });
  }
});
