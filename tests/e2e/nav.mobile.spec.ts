import { expect, test } from '@playwright/test';

// A 375 px phone (the mobile project only).
test('the navigation folds into a Menu disclosure that opens to every section', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.locator('.nav-row')).toBeHidden();
  const menu = nav.locator('details.nav-menu');
  const links = menu.getByRole('link');
  await expect(links.first()).toBeHidden();
  await menu.locator('summary').tap();
  await expect(menu).toHaveAttribute('open', '');
  await expect(links).toHaveText(['Dashboard', 'States', 'IOP', 'Data', 'Methodology']);
  await page.getByRole('link', { name: 'Methodology' }).tap();
  await expect(page).toHaveURL(/\/methodology$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Methodology');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(menu.locator('a[href="/methodology"]')).toHaveAttribute('aria-current', 'page');
});

test('without JavaScript the Menu still opens', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('details.nav-menu summary').click();
  await page.locator('details.nav-menu').getByRole('link', { name: 'IOP' }).click();
  await expect(page).toHaveURL(/\/iop$/);
  await context.close();
});
