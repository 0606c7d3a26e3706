import { expect, test } from '@playwright/test';
import { chartsLaidOut, tooltip } from './data';

/** Keyboard hints and geography (the desktop project: a keyboard and a mouse). */
test('arrow keys on the map move to the nearest state in that direction, not the next name', async ({ page }) => {
  await page.goto('/?period=2018-2019');
  const focused = page.locator('[data-chart="map"] a:focus');
  await page.locator('[data-chart="map"] [data-state="KS"]').focus();
  // Alphabetically Kansas is followed by Kentucky; on the map, Missouri lies to its right.
  const steps: Array<[string, string]> = [
    ['ArrowRight', 'MO'],
    ['ArrowLeft', 'KS'],
    ['ArrowUp', 'NE'],
    ['ArrowDown', 'KS'],
    ['ArrowDown', 'OK'],
  ];
  for (const [key, state] of steps) {
    await page.keyboard.press(key);
    await expect(focused, `${key} → ${state}`).toHaveAttribute('data-state', state);
  }
  await expect(tooltip(page)).toContainText('Oklahoma');
});

test('a chart says which keys move between its points while it has keyboard focus', async ({ page }) => {
  await page.goto('/?period=2018-2019');
  const hint = page.locator('#ranking [data-testid="keys-hint"]');
  await expect(hint).toBeHidden();
  await page.locator('[data-chart="ranking"] a[tabindex="0"]').focus();
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('↑ ↓ move between states');
  await page.keyboard.press('ArrowDown');
  await expect(hint).toBeVisible();
  await page.locator('[data-chart="trend"] .point[tabindex="0"]').focus();
  await expect(hint).toBeHidden();
  await expect(page.locator('#trend [data-testid="keys-hint"]')).toContainText('← → move between points');
});

test('the ranking tooltip sits beside the bars, never over the state names', async ({ page }) => {
  await page.goto('/?period=2018-2019');
  const rows = page.locator('[data-chart="ranking"] a.row');
  await expect(rows).toHaveCount(51);
  await chartsLaidOut(page);
  for (const i of [0, 25, 50]) {
    await rows.nth(i).hover();
    await expect(tooltip(page)).toBeVisible();
    const box = await tooltip(page).boundingBox();
    const labels = await page.locator('[data-chart="ranking"] .row-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const covered = labels.filter((l) => box && l.right > box.x && l.x < box.x + box.width && l.bottom > box.y && l.y < box.y + box.height);
    expect(covered, `row ${i}`).toEqual([]);
  }
});
