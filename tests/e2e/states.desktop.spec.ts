import { expect, test, type Page } from '@playwright/test';
import { GEOGRAPHIES } from '../../lib/vocabulary/geography';
import { dashboardView } from './states-data';

const STATES = GEOGRAPHIES.filter((g) => g.level === 'state');
const paramsOf = (href: string | null) => Object.fromEntries(new URL(href ?? '', 'http://x').searchParams);
const onPath = (path: string) => (url: URL) => url.pathname === path;

/** A state page as the dashboard links to it: the visitor's whole view in the URL. */
const view = dashboardView('OH');
const fromDashboard = `/states/OH?${new URLSearchParams(view).toString()}`;

test('a state page reached from the dashboard links back to the dashboard with the same view and the state as the place', async ({ page }) => {
  await page.goto(fromDashboard);
  const back = page.getByRole('link', { name: '← Dashboard with Ohio selected' });
  expect(new URL((await back.getAttribute('href')) ?? '', 'http://x').pathname).toBe('/');
  expect(paramsOf(await back.getAttribute('href'))).toEqual({ ...view, geo: 'OH' });
  await back.click();
  await expect(page).toHaveURL((url) => {
    const p = Object.fromEntries(url.searchParams);
    return url.pathname === '/' && p.indicator === view.indicator && p.age === view.age && p.measure === view.measure && p.geo === 'OH';
  });
});

test('choosing another state on a state page keeps the view', async ({ page }) => {
  await page.goto(fromDashboard);
  await page.getByRole('combobox', { name: 'State' }).selectOption('TX');
  await expect(page).toHaveURL(onPath('/states/TX'));
  expect(paramsOf(page.url())).toEqual(view);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Texas');
  await expect(page.getByRole('combobox', { name: 'Indicator' })).toHaveValue(view.indicator);
});

test('without JavaScript, the state picker opens another state with the same view', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(fromDashboard);
  await page.getByRole('combobox', { name: 'State' }).selectOption('TX');
  await page.getByRole('button', { name: 'Update charts' }).click();
  await expect(page).toHaveURL(onPath('/states/TX'));
  expect(paramsOf(page.url())).toEqual(view);
  await context.close();
});

test('a new indicator on a state page drops the dashboard choices that belonged to the old one', async ({ page }) => {
  await page.goto(fromDashboard);
  await page.getByRole('combobox', { name: 'Indicator' }).selectOption('sud_past_year');
  await expect(page).toHaveURL((url) => url.searchParams.get('indicator') === 'sud_past_year');
  const back = paramsOf(await page.getByRole('link', { name: '← Dashboard with Ohio selected' }).getAttribute('href'));
  expect(back.indicator).toBe('sud_past_year');
  expect(back.geo).toBe('OH');
  expect(back.period).toBeUndefined();
  expect(back.trend).toBeUndefined();
});

async function azLinks(page: Page) {
  return page.getByTestId('states-az').getByRole('link').evaluateAll((links) => links.map((a) => ({ name: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
}

test('/states lists every state and DC from A to Z, with a link for each', async ({ page }) => {
  await page.goto('/states');
  await expect(page.getByRole('heading', { name: 'All states, A–Z' })).toBeVisible();
  const links = await azLinks(page);
  expect(links).toHaveLength(51);
  const names = links.map((l) => l.name);
  expect(names).toEqual([...STATES.map((s) => s.name)].sort((a, b) => a.localeCompare(b)));
  for (const l of links) expect(l.href).toBe(`/states/${STATES.find((s) => s.name === l.name)?.code}`);
  // Letter links jump within the page, with or without JavaScript.
  await page.getByRole('navigation', { name: 'Jump to a letter' }).getByRole('link', { name: 'W', exact: true }).click();
  await expect(page).toHaveURL(/#letter-W$/);
  await expect(page.getByRole('link', { name: 'Wyoming' }).first()).toBeInViewport();
});

test('/states finds states by name, and opens the one a search names', async ({ page }) => {
  await page.goto('/states');
  // A text box with suggestions (a datalist): a combobox to assistive technology.
  const search = page.getByRole('combobox', { name: 'Find a state' });
  await search.fill('new');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/states\?q=new$/);
  expect((await azLinks(page)).map((l) => l.name)).toEqual(['New Hampshire', 'New Jersey', 'New Mexico', 'New York']);
  await page.getByRole('combobox', { name: 'Find a state' }).fill('ohio');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page).toHaveURL(onPath('/states/OH'));
});

test('/states keeps a view it is given in its links', async ({ page }) => {
  await page.goto(`/states?${new URLSearchParams(view).toString()}`);
  const links = await azLinks(page);
  expect(links).toHaveLength(51);
  for (const l of links) expect(paramsOf(l.href)).toEqual(view);
});
