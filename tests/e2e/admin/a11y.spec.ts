import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pageViolations } from '../axe';
import { nationalWith, signInPage } from './helpers';

for (const scheme of ['light', 'dark'] as const) {
  test(`the staff pages have no accessibility violations (${scheme} theme), report and preview included`, async ({ page }) => {
    // Seven pages and two uploads, each page scanned by axe (see ../axe.ts): 4 s on an idle
    // 2-core machine, up to 12 s with one core busy; this budget keeps that under a third.
    test.setTimeout(120_000); // up to 34 s with one core busy
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/login?error=invalid');
    expect(await pageViolations(page)).toEqual([]);
    await signInPage(page);
    for (const url of ['/admin', '/admin/audit', '/admin/datasets/new', '/admin/datasets/state-estimates-2002-2019']) {
      await page.goto(url);
      expect(await pageViolations(page), url).toEqual([]);
    }
    // A report with errors, then one with differences, warnings and the preview chart.
    await page.goto('/admin/datasets/national-estimates');
    await page.getByLabel('CSV file').setInputFiles(path.join(__dirname, '..', '..', 'fixtures', 'csv', 'V22-interval-reversed.csv'));
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(page.locator('table.report-errors')).toBeVisible();
    expect(await pageViolations(page)).toEqual([]);
    const file = path.join(tmpdir(), `atlas-a11y-${scheme}-${Date.now()}.csv`);
    // Far above anything another test may have published meanwhile, so the warning always appears.
    writeFileSync(file, nationalWith('99.9'));
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(page.locator('.warning-box')).toContainText('more than half');
    await expect(page.locator('.preview svg[data-chart="trend"]')).toBeVisible();
    expect(await pageViolations(page)).toEqual([]);
  });
}
