import { expect, test } from '@playwright/test';
import { rows } from './data';

/**
 * Choices that lead to nothing (issue 11, item 8): an age group is offered only where it has
 * figures, and says when they are national only; such a view shows its trend and one note in
 * place of the state charts, never four empty charts with downloads and "no data" sources.
 */
test.describe('choices that lead to figures', () => {
  test('substance use disorder at 65+ shows its national figure and one note, with no empty chart, download or “no data” source', async ({ page }) => {
    const published = rows('national-estimates.csv').filter((r) => r.indicator === 'sud_past_year' && r.geography === 'US' && r.age_group === '65+' && r.estimate !== '');
    expect(published.length).toBeGreaterThan(0);
    // A link that asks for numbers of people, which SAMHSA never published for this age group.
    await page.goto('/?indicator=sud_past_year&age=65%2B&trend=count');
    await expect(page.getByRole('combobox', { name: /^Age group/ }).locator('option[value="65+"]')).toHaveText('65+ (national only)');
    await expect(page.locator('[data-chart="trend"] .point')).toHaveCount(published.length);
    await expect(page.locator('#trend .chart-subtitle')).toContainText('Percent of the age group');
    // Only the measure with a figure is offered, so there is no switch to an empty chart.
    await expect(page.locator('#trend').getByRole('radio', { name: 'Number of people' })).toHaveCount(0);
    for (const id of ['state-trend', 'map', 'ranking', 'ages']) await expect(page.locator(`#${id}`)).toHaveCount(0);
    const note = page.locator('.no-state-figures');
    await expect(note).toHaveCount(1);
    await expect(note).toContainText('aged 65 or older');
    await expect(page.locator('.chart-empty')).toHaveCount(0);
    await expect(page.getByText('Source: no data in view')).toHaveCount(0);
    await expect(page.locator('.chart-actions')).toHaveCount(1);
    // The note links to the age groups that have state figures.
    await note.getByRole('link', { name: '18–25' }).click();
    await expect(page).toHaveURL(/age=18-25/);
    await expect(page.locator('svg[data-chart="map"]')).toBeVisible();
  });

  test('the headline cards say which figure they always show while the charts follow the choice', async ({ page }) => {
    await page.goto('/?indicator=mde_past_year');
    await expect(page.getByRole('heading', { level: 2, name: /^Headline: substance use disorder/ })).toBeVisible();
    await expect(page.locator('.headline-scope')).toContainText('the charts below follow your choices');
    await expect(page.locator('#trend .chart-title')).toContainText('Major depressive episode');
  });
});
