import { expect, test } from '@playwright/test';

/**
 * The chosen place follows the visitor (issue 11, item 10), and arrowing through a picker loads
 * one view, not one per key.
 */
test.describe('the place', () => {
  test('one choice of place drives the state trend, the age chart and the ranking, says so, and links to the state’s profile with the view', async ({ page }) => {
    await page.goto('/?indicator=aud_past_year&age=18-25');
    await page.getByRole('combobox', { name: /^Place/ }).selectOption('OH');
    await expect(page).toHaveURL(/geo=OH/);
    await expect(page.locator('.place-status')).toHaveText('Showing Ohio in the state trend and the age chart, marked in the ranking.');
    await expect(page.locator('#state-trend .chart-title')).toContainText('Ohio beside the United States');
    await expect(page.locator('#ages .chart-title')).toContainText('Ohio');
    await expect(page.locator('[data-chart="ranking"] [data-state="OH"]')).toHaveClass(/\bhighlight\b/);
    const profile = page.getByRole('link', { name: 'Ohio’s profile' });
    const href = (await profile.getAttribute('href')) as string;
    expect(href).toMatch(/^\/states\/OH\?/);
    const params = new URLSearchParams(href.slice(href.indexOf('?')));
    expect(params.get('indicator')).toBe('aud_past_year');
    expect(params.get('age')).toBe('18-25');
    expect(params.get('measure')).toBe('percent');
  });

  test('arrowing through the indicator picker adds one history entry, which back leaves in one step', async ({ page }) => {
    await page.goto('/');
    const picker = page.getByRole('combobox', { name: /^Indicator/ });
    const values = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = values[values.indexOf('sud_past_year') + 3];
    const before = await page.evaluate(() => history.length);
    await picker.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveValue(target);
    await expect(page).toHaveURL(new RegExp(`indicator=${target}`));
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await expect(page.locator('#trend .chart-title')).not.toContainText('Substance use disorder in the past year');
    // Back leaves the run of arrowing in one step.
    await page.goBack();
    await expect(page).not.toHaveURL(/indicator=/);
    await expect(picker).toHaveValue('sud_past_year');
  });
});
