import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { stateRows } from './data';

/**
 * Without JavaScript (issue 11, item 9): the data downloads are plain links to the API, which
 * answer with the view's figures, no button that needs JavaScript is shown, and "Show as" has a
 * button that sends the choice.
 */
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a chart’s data downloads are links to the API that answer with the view’s figures as CSV, and no button does nothing', async ({ page, request }) => {
    await page.goto('/?indicator=aud_past_year&age=18-25&period=2018-2019');
    const actions = page.locator('#ranking .chart-actions');
    await actions.locator('summary').click();
    await expect(actions.getByRole('button')).toHaveCount(0);
    const csvLink = actions.getByRole('link', { name: 'Data (CSV)' });
    const href = (await csvLink.getAttribute('href')) as string;
    expect(href).toMatch(/^\/api\/datasets\/[^?]+\?.*format=csv$/);
    const res = await request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
    const ranked = stateRows('aud_past_year', '18-25').filter((r) => r.period === '2018-2019');
    expect(new Set(parsed.map((r) => r.geography))).toEqual(new Set([...ranked.map((r) => r.geography), 'US']));
    expect(parsed.every((r) => r.indicator === 'aud_past_year' && r.age_group === '18-25' && r.period === '2018-2019' && r.unit === 'percent')).toBe(true);
    const json = await request.get((await actions.getByRole('link', { name: 'Data (JSON)' }).getAttribute('href')) as string);
    expect(json.status()).toBe(200);
    expect((await json.json()).count).toBe(parsed.length);
    await expect(actions.getByRole('link', { name: 'Link to this view' })).toHaveAttribute('href', /indicator=aud_past_year.*#ranking$/);
  });

  test('a chart drawn from several datasets links to each dataset’s figures', async ({ page, request }) => {
    await page.goto('/?indicator=sud_past_year&trend=count');
    const actions = page.locator('#trend .chart-actions');
    await actions.locator('summary').click();
    await expect(actions.getByRole('button')).toHaveCount(0);
    const links = actions.locator('#trend-api a');
    expect(await links.count()).toBeGreaterThanOrEqual(4);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') as string))) {
      expect(href).toMatch(/^\/api\/datasets\/.+format=(csv|json)$/);
      expect((await request.get(href)).status(), href).toBe(200);
    }
  });

  test('a desktop browser gets mouse-sized ranking rows from the server', async ({ page }) => {
    await page.goto('/?period=2018-2019');
    const heights = await page.locator('[data-chart="ranking"] .row-hit').evaluateAll((rects) => rects.map((r) => r.getAttribute('height')));
    expect(heights).toHaveLength(51);
    expect(new Set(heights)).toEqual(new Set(['18']));
  });

  test('“Show as” has a button that sends the choice', async ({ page }) => {
    await page.goto('/?indicator=sud_past_year');
    const map = page.locator('#map');
    await expect(map.locator('.chart-subtitle')).toContainText('Percent of the age group');
    await map.getByRole('radio', { name: 'Number of people' }).check();
    await map.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/measure=count/);
    await expect(page.locator('#map .chart-subtitle')).toContainText('Number of people');
  });
});
