import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { comparePeriodsNewestFirst } from '../../lib/charts/view';
import { rows, shown, stateRows as allStateRows, tooltip, type Row } from './data';

/**
 * The map and ranking show one period (the latest with figures by default; any period from the
 * picker). These tests ask for 2018–2019 in the URL and compare with that period's rows.
 */
const PERIOD = '2018-2019';
const stateRows = (indicator: string, age = '12+', unit = 'percent') => allStateRows(indicator, age, unit).filter((r) => r.period === PERIOD);
const ALL = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> }).resources.flatMap((r) => rows(r.path));

test.describe('dashboard', () => {
  test('the keyboard moves through the ranking with arrow keys, and Enter opens a state', async ({ page }) => {
    const ranked = stateRows('sud_past_year');
    await page.goto(`/?period=${PERIOD}`);
    const first = page.locator('[data-chart="ranking"] a[tabindex="0"]');
    await first.focus();
    await expect(tooltip(page)).toContainText(shown(ranked[0]).estimate);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-chart="ranking"] a:focus')).toHaveAttribute('data-state', ranked[1].geography);
    await expect(tooltip(page)).toContainText(shown(ranked[1]).estimate);
    await page.keyboard.press('End');
    const last = ranked[ranked.length - 1];
    await expect(tooltip(page)).toContainText(shown(last).estimate);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/states/${last.geography}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the map can be explored by keyboard, DC included, and Enter opens the profile', async ({ page }) => {
    // Two full pages (the dashboard, then the profile it opens) and a walk across the map's keys.
    test.setTimeout(90_000);
    const dc = stateRows('sud_past_year').find((r) => r.geography === 'DC') as Row;
    await page.goto(`/?period=${PERIOD}`);
    await page.locator('[data-chart="map"] a[tabindex="0"]').focus();
    for (let i = 0; i < 20; i++) {
      if ((await page.locator('[data-chart="map"] a:focus').getAttribute('data-state')) === 'DC') break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(tooltip(page)).toContainText('District of Columbia');
    await expect(tooltip(page)).toContainText(shown(dc).estimate);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/states\/DC$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('District of Columbia');
  });

  test('a methodology break explains itself on focus', async ({ page }) => {
    await page.goto('/');
    const breaks = page.locator('[data-chart="trend"] .break');
    await expect(breaks).toHaveCount(3);
    await breaks.first().focus();
    await expect(tooltip(page)).toContainText('2015: the method changed');
  });

  test('the view lives in the URL: it survives a reload and back/forward restores it', async ({ page }) => {
    await page.goto('/');
    const picker = page.getByRole('combobox', { name: /^Indicator/ });
    await picker.selectOption('aud_past_year');
    await expect(page).toHaveURL(/indicator=aud_past_year/);
    await page.getByRole('combobox', { name: /^Age group/ }).selectOption('18-25');
    await expect(page).toHaveURL(/age=18-25/);
    await page.reload();
    await expect(picker).toHaveValue('aud_past_year');
    await expect(page.getByRole('combobox', { name: /^Age group/ })).toHaveValue('18-25');
    await expect(page.locator('#map .chart-title')).toContainText('Alcohol use disorder');
    await page.goBack();
    await expect(page).toHaveURL(/indicator=aud_past_year/);
    await expect(page).not.toHaveURL(/age=18-25/);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(picker).toHaveValue('sud_past_year');
    await expect(page.locator('#map .chart-title')).toContainText('Substance use disorder');
  });

  test('changing the indicator updates the charts and their tables', async ({ page }) => {
    const before = stateRows('sud_past_year').find((r) => r.geography === 'CO') as Row;
    const after = stateRows('cocaine_use_past_year').find((r) => r.geography === 'CO') as Row;
    // A period chosen in the URL stays when the indicator changes.
    await page.goto(`/?period=${PERIOD}`);
    const table = page.locator('#map .chart-table');
    await table.locator('summary').click();
    const coRow = table.getByRole('row', { name: /^Colorado/ });
    await expect(coRow).toContainText(shown(before).estimate);
    await page.getByRole('combobox', { name: /^Indicator/ }).selectOption('cocaine_use_past_year');
    await expect(page.locator('#map .chart-title')).toContainText('Cocaine use');
    await expect(coRow).toContainText(shown(after).estimate);
    await expect(page.locator('#map .chart-summary')).toContainText('Cocaine use in the past year');
    await page.mouse.move(0, 0); // keep a hovered row from taking over the tooltip
    await page.locator('[data-chart="ranking"] a[tabindex="0"]').focus();
    await expect(tooltip(page)).toContainText(shown(stateRows('cocaine_use_past_year')[0]).estimate);
  });

  test('no drawn line spans two comparability series of its measure', async ({ page }) => {
    // Substance use disorder breaks in 2015; illicit drug use too; alcohol use disorder runs 2002–2019 as one series.
    let lines = 0;
    for (const view of ['indicator=sud_past_year&trend=count', 'indicator=sud_past_year&trend=percent', 'indicator=aud_past_year&trend=count']) {
      await page.goto(`/?${view}`);
      const result = await page.locator('[data-chart="trend"]').evaluate((svg) => {
        const bands = new Map([...svg.querySelectorAll('.bands rect[data-series]')].map((r) => [r.getAttribute('data-series'), (r as SVGRectElement).getBBox()]));
        return [...svg.querySelectorAll('.lines path[data-series]')].map((p) => {
          const box = (p as SVGPathElement).getBBox();
          const band = bands.get(p.getAttribute('data-series'));
          return { inside: !!band && box.x >= band.x - 0.01 && box.x + box.width <= band.x + band.width + 0.01, series: p.getAttribute('data-series') };
        });
      });
      for (const r of result) expect(r, `${view} ${r.series}`).toMatchObject({ inside: true });
      lines += result.length;
    }
    expect(lines).toBeGreaterThan(1);
  });

});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every chart is in the page as SVG and the pickers still change the view', async ({ page }) => {
    await page.goto(`/?indicator=aud_past_year&period=${PERIOD}`);
    for (const chart of ['trend', 'map', 'ranking', 'age']) await expect(page.locator(`svg[data-chart="${chart}"]`)).toBeVisible();
    await expect(page.locator('[data-chart="map"] a')).toHaveCount(51);
    await page.getByRole('combobox', { name: /^Indicator/ }).selectOption('heroin_use_past_year');
    await page.getByRole('button', { name: 'Update charts' }).click();
    await expect(page).toHaveURL(/indicator=heroin_use_past_year/);
    await expect(page.locator('#map .chart-title')).toContainText('Heroin use');
    const top = stateRows('heroin_use_past_year')[0];
    await expect(page.locator('[data-chart="ranking"] a').first()).toHaveAttribute('data-state', top.geography);
    await page.locator('#ranking .chart-table summary').click();
    await expect(page.locator('#ranking table')).toContainText(shown(top).estimate);
  });
});

test.describe('state profiles', () => {
  test('show every indicator for the state beside the U.S., with intervals', async ({ page }) => {
    const texas = ALL.filter((r) => r.geography === 'TX' && r.estimate !== '');
    const indicators = new Set(texas.map((r) => r.indicator));
    // Each indicator's table shows its latest period with percentages.
    const latest = [...new Set(texas.filter((r) => r.indicator === 'sud_past_year' && r.unit === 'percent').map((r) => r.period))].sort(comparePeriodsNewestFirst)[0];
    const tx = texas.find((r) => r.indicator === 'sud_past_year' && r.period === latest && r.age_group === '18-25' && r.unit === 'percent') as Row;
    await page.goto('/states/TX');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Texas');
    await expect(page.locator('section.profile-section')).toHaveCount(indicators.size);
    const f = shown(tx);
    await expect(page.locator('#sud_past_year').getByRole('row', { name: /^18–25/ })).toContainText(`${f.estimate} (${f.interval})`);
  });

  test('an unknown state code is a 404', async ({ page }) => {
    const res = await page.goto('/states/ZZ');
    expect(res?.status()).toBe(404);
  });
});
