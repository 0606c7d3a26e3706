import { expect, test } from '@playwright/test';

// A 375 px phone (the mobile project only).
test('the navigation folds behind a Menu button and opens to every section', async ({ page }) => {
  await page.goto('/');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links.first()).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(links).toHaveText(['Dashboard', 'States', 'IOP', 'Data', 'Methodology']);
  await page.getByRole('link', { name: 'Methodology' }).tap();
  await expect(page).toHaveURL(/\/methodology$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Methodology');
  await expect(links.first()).toBeHidden();
});
