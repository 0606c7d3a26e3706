import { expect, test } from '@playwright/test';
import { findRow, shown, tooltip } from './data';

/**
 * "Show as: Number of people": a state's count is never set against the nation's. The ranking
 * tags no state higher or lower and draws no U.S. line, the map's tooltip says nothing of the U.S.
 * estimate, the age chart and a state's trend show the state alone, and each says why.
 */
const PERIOD = '2021-2022';
const COUNT_VIEW = `/?indicator=sud_past_year&measure=count&period=${PERIOD}`;
const ohio = findRow('state-estimates-2021-on.csv', { indicator: 'sud_past_year', period: PERIOD, geography: 'OH', age_group: '12+', unit: 'thousands' });

test('in numbers of people the ranking has no higher/lower tags and no U.S. line, and says why', async ({ page }) => {
  await page.goto(COUNT_VIEW);
  const ranking = page.locator('[data-chart="ranking"]');
  await expect(ranking.locator('a.row')).toHaveCount(51);
  await expect(ranking.locator('.row-mark')).toHaveCount(0);
  await expect(ranking.locator('.reference-line')).toHaveCount(0);
  await expect(ranking.locator('.reference-label')).toHaveCount(0);
  await expect(page.locator('#ranking .chart-subtitle')).not.toContainText('U.S. estimate');
  await expect(page.locator('#ranking .counts-not-compared')).toContainText('states are not compared with the United States');
  await expect(page.locator('#ranking .chart-summary')).not.toContainText(/above the U\.S\.|below/);
  await expect(page.locator('#map .counts-not-compared')).toContainText('a count mostly shows where many people live');
});

test('in numbers of people the map tooltip gives a state’s count and nothing against the U.S. estimate', async ({ page }) => {
  await page.goto(COUNT_VIEW);
  await page.locator('[data-chart="map"] [data-state="OH"]').focus();
  await expect(tooltip(page)).toContainText(shown(ohio).estimate);
  await expect(tooltip(page)).not.toContainText('U.S.');
  await expect(page.locator('[data-chart="map"] [data-state="OH"]')).not.toHaveAttribute('aria-label', /U\.S\./);
});

test('in numbers of people a state’s age groups and trend are shown without the nation’s counts', async ({ page }) => {
  await page.goto(`${COUNT_VIEW}&geo=OH`);
  const age = page.locator('[data-chart="age"]');
  await expect(age.locator('.row').first()).toBeVisible();
  await expect(age.locator('.dot.us')).toHaveCount(0);
  await expect(page.locator('#ages .chart-subtitle')).not.toContainText('hollow markers');
  await expect(page.locator('#ages .counts-not-compared')).toContainText('the state is shown alone');
  const trend = page.locator('[data-chart="state-trend"]');
  await expect(trend.locator('.point').first()).toBeVisible();
  await expect(trend.locator('[data-geography="us"], .mark.us')).toHaveCount(0);
  await expect(page.locator('#state-trend .chart-subtitle')).toContainText('The United States is left out in numbers of people');
});

test('in percentages the same ranking does set states against the U.S. estimate', async ({ page }) => {
  await page.goto('/?indicator=sud_past_year&period=2018-2019');
  await expect(page.locator('[data-chart="ranking"] .reference-line')).toHaveCount(1);
  await expect(page.locator('[data-chart="ranking"] .row-mark').first()).toBeVisible();
  await expect(page.locator('#ranking .counts-not-compared')).toHaveCount(0);
});
