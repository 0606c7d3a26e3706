import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nationalWith, signInPage } from './helpers';

async function violations(page: Page): Promise<string[]> {
  for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the staff pages have no accessibility violations (${scheme} theme), report and preview included`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/login?error=invalid');
    expect(await violations(page)).toEqual([]);
    await signInPage(page);
    for (const url of ['/admin', '/admin/audit', '/admin/datasets/new', '/admin/datasets/state-estimates-2018-2019']) {
      await page.goto(url);
      expect(await violations(page), url).toEqual([]);
    }
    // A report with errors, then one with differences, warnings and the preview chart.
    await page.goto('/admin/datasets/national-estimates');
    await page.getByLabel('CSV file').setInputFiles(path.join(__dirname, '..', '..', 'fixtures', 'csv', 'V22-interval-reversed.csv'));
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(page.locator('table.report-errors')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    const file = path.join(tmpdir(), `atlas-a11y-${scheme}-${Date.now()}.csv`);
    // Far above anything another test may have published meanwhile, so the warning always appears.
    writeFileSync(file, nationalWith('99.9'));
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(page.locator('.warning-box')).toContainText('more than half');
    await expect(page.locator('.preview svg[data-chart="trend"]')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
