import { expect, test } from '@playwright/test';
import { shown } from './data';
import { percentAndCount } from './states-data';

// A 375 px phone (the mobile project, see playwright.config.ts).
test('on /states/OH a table row shows the age group, the percentage and the number of people side by side, with no sideways scroll', async ({ page }) => {
  const { indicator, percent, count } = percentAndCount('OH');
  await page.goto(`/states/OH#${indicator}`);
  const section = page.locator(`section#${indicator}`);
  // Still a table for screen readers, with its column headers.
  const table = section.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Ohio, number of people' })).toBeAttached();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /(^| )12\+$/ }) });
  const label = row.getByRole('rowheader');
  const pct = row.getByRole('cell').filter({ hasText: shown(percent).estimate }).first();
  const people = row.getByRole('cell').filter({ hasText: shown(count).estimate });
  await expect(pct).toContainText(shown(percent).interval ?? '');
  await expect(people).toContainText(shown(count).interval ?? '');
  await row.scrollIntoViewIfNeeded();

  const viewport = page.viewportSize() ?? { width: 375, height: 812 };
  const boxes = await Promise.all([label, pct, people].map((l) => l.boundingBox()));
  for (const box of boxes) {
    expect(box).not.toBeNull();
    if (!box) continue;
    // Whole on screen at once: nothing past the right edge, nothing above or below the viewport.
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }
  // The percentage and the count are beside each other, under the row's label.
  const [l, p, c] = boxes as NonNullable<(typeof boxes)[number]>[];
  expect(Math.abs(p.y - c.y)).toBeLessThan(4);
  expect(l.y + l.height).toBeLessThanOrEqual(p.y + 1);
  // No sideways scrolling: neither the page nor the table's box scrolls.
  const scroll = await section.locator('.table-scroll').evaluate((el) => ({ box: el.scrollWidth - el.clientWidth, page: document.documentElement.scrollWidth }));
  expect(scroll.box).toBeLessThanOrEqual(0);
  expect(scroll.page).toBeLessThanOrEqual(viewport.width);
});
