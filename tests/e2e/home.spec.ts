import { expect, test } from '@playwright/test';
import { findRow } from './data';

test('a visitor sees the 2014 figure of people with a substance use disorder, with its source', async ({ page }) => {
  const row = findRow('national-estimates.csv', { indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions' });
  await page.goto('/');
  const card = page.getByRole('article', { name: `The ${row.period} estimate` });
  await expect(card.getByTestId('figure')).toHaveText(`${row.estimate} million`);
  await expect(card).toContainText('Aged 12 or older, 2014');
  await expect(card).toContainText(row.source);
  await expect(card).toContainText('Not comparable');
  // Read from SAMHSA's own report: not marked as quoted.
  await expect(card.getByTestId('quoted-via')).toHaveCount(0);
});

test('a figure read from a site quoting SAMHSA says so beside the number, and the page promises intervals only where published', async ({ page }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: /^Latest national estimate/ });
  const heading = await card.getByRole('heading').textContent();
  const period = /\((\d{4}(?:-\d{4})?)\)/.exec(heading ?? '')?.[1] as string;
  const row = findRow('national-estimates.csv', { indicator: 'sud_past_year', period, geography: 'US', age_group: '12+', unit: 'millions' });
  const quoting = / quoting /.exec(row.source);
  // Marked exactly when its source is a site quoting SAMHSA (as the latest one is today).
  if (quoting) await expect(card.getByTestId('quoted-via')).toHaveText(`quoted via ${row.source.slice(0, quoting.index).replace(/\/\S*/g, '')}`);
  else await expect(card.getByTestId('quoted-via')).toHaveCount(0);
  if (row.ci_lower === '') await expect(card).toContainText('No interval was published with this figure.');
  await expect(page.locator('.lead')).not.toContainText('the uncertainty and the source of every number');
});

test('the latest national estimate is shown with its period, series and source', async ({ page }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: /^Latest national estimate/ });
  const heading = await card.getByRole('heading').textContent();
  const period = /\((\d{4}(?:-\d{4})?)\)/.exec(heading ?? '')?.[1] as string;
  const row = findRow('national-estimates.csv', { indicator: 'sud_past_year', period, geography: 'US', age_group: '12+', unit: 'millions' });
  await expect(card.getByTestId('figure')).toHaveText(`${Number(row.estimate).toFixed(1)} million`);
  await expect(card).toContainText(row.source);
  await expect(card).toContainText('2021 onward');
});

test('a dataset page lists observations in a table that filters by indicator and state', async ({ page }) => {
  const row = findRow('state-estimates-2002-2019.csv', { indicator: 'sud_past_year', period: '2018-2019', geography: 'CO', age_group: '18-25', unit: 'percent' });
  await page.goto('/data');
  await page.getByRole('region', { name: 'State estimates, 2002–2019' }).getByRole('link', { name: 'Browse the observations' }).click();
  await expect(page).toHaveURL(/\/datasets\/state-estimates-2002-2019$/);
  await page.getByLabel('Indicator').selectOption('sud_past_year');
  await page.getByLabel('Geography').selectOption('CO');
  await page.getByLabel('Age group').selectOption('18-25');
  await page.getByLabel('Period').selectOption('2018-2019');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/indicator=sud_past_year/);
  await expect(page).toHaveURL(/period=2018-2019/);
  await expect(page.getByRole('status')).toHaveText('2 observations.');
  const table = page.getByRole('table');
  await expect(table).toContainText(`${row.estimate}%`);
  await expect(table).toContainText('Table 23');
});

test('an unknown dataset is a 404 page', async ({ page }) => {
  const response = await page.goto('/datasets/no-such-dataset');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
