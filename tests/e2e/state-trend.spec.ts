import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pageViolations } from './axe';
import { rows, shown, tooltip, type Row } from './data';
import { seriesNamesFor } from '../../lib/vocabulary/comparability';
import { periodYears } from '../../lib/vocabulary/series';
import { formatPeriod } from '../../lib/format/numbers';

/** Every row of every dataset in data/, read from the package's own list of files. */
const PACKAGE = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
const ALL = PACKAGE.resources.flatMap((r) => rows(r.path));
const OH = ALL.filter((r) => r.geography === 'OH' && r.estimate !== '');
const isCount = (r: Row) => !r.unit.startsWith('percent');

/** Newest first, as the pickers list periods. */
const newestFirst = (a: string, b: string) => {
  const [a0, a1] = periodYears(a) ?? [0, 0];
  const [b0, b1] = periodYears(b) ?? [0, 0];
  return b1 - a1 || b0 - a0;
};

/** Ohio's periods of an indicator in one measure, age 12+, oldest first. */
function ohioPeriods(indicator: string, measure: 'percent' | 'count'): string[] {
  const periods = OH.filter((r) => r.indicator === indicator && r.age_group === '12+' && (measure === 'count' ? isCount(r) : r.unit === 'percent')).map((r) => r.period);
  return [...new Set(periods)].sort((a, b) => newestFirst(b, a));
}

/**
 * An indicator and measure in which Ohio has figures before and after 2015: with a 2015 break
 * (`breaks`), or one series across 2015 with the two periods that bridge it (2013–2014,
 * 2014–2015, 2015–2016).
 */
function acrossTwentyFifteen(breaks: boolean): { indicator: string; measure: 'percent' | 'count' } {
  for (const indicator of [...new Set(OH.map((r) => r.indicator))].sort()) {
    const breaksIn2015 = seriesNamesFor(indicator).includes('DSM-IV_2015-2019');
    if (breaksIn2015 !== breaks) continue;
    for (const measure of ['percent', 'count'] as const) {
      const periods = ohioPeriods(indicator, measure);
      const ok = breaks
        ? periods.some((p) => (periodYears(p)?.[1] ?? 0) === 2014) && periods.some((p) => (periodYears(p)?.[0] ?? 0) === 2015)
        : ['2013-2014', '2014-2015', '2015-2016'].every((p) => periods.includes(p));
      if (ok) return { indicator, measure };
    }
  }
  throw new Error(`no indicator for Ohio ${breaks ? 'with' : 'without'} a 2015 break and figures on both sides`);
}

/**
 * In one look at the state trend (so a re-layout at the measured width cannot come in between):
 * the x extent of every line of the place (not the U.S.), the x of the 2015 break if there is
 * one, and the x of each period's mark.
 */
const measure = (page: Page) =>
  page.locator('[data-chart="state-trend"]').evaluate((svg) => {
    const lines = [...svg.querySelectorAll('.lines path[data-geography="place"]')].map((p) => {
      const box = (p as SVGPathElement).getBBox();
      return { x0: box.x, x1: box.x + box.width, series: p.getAttribute('data-series') };
    });
    const brk = svg.querySelector('.break-lines line[data-break="2015"]');
    const periods: Record<string, number> = {};
    for (const g of svg.querySelectorAll('.point[data-period]')) {
      const whisker = g.querySelector('.mark:not(.us) .marker');
      const t = whisker && (whisker as SVGGraphicsElement).transform.baseVal.consolidate()?.matrix;
      if (t) periods[g.getAttribute('data-period') as string] = t.e;
    }
    return { lines, breakX: brk ? Number(brk.getAttribute('x1')) : null, periods };
  });

test.describe('period control', () => {
  test('the period is in the URL: choosing one, reloading and going back all keep the view in step', async ({ page }) => {
    const periods = [...new Set(ALL.filter((r) => r.indicator === 'sud_past_year' && r.age_group === '12+' && r.unit === 'percent' && r.estimate !== '' && r.geography.length === 2 && r.geography !== 'US').map((r) => r.period))].sort(newestFirst);
    expect(periods.length).toBeGreaterThan(1);
    const [latest, older] = periods;
    await page.goto('/');
    const picker = page.getByRole('combobox', { name: /^Period/ });
    // Only the periods with percentages are offered, the latest first and chosen by default.
    await expect(picker.locator('option')).toHaveText(periods.map(formatPeriod));
    await expect(picker).toHaveValue(latest);
    await expect(page.locator('#map .chart-title')).toContainText(formatPeriod(latest));
    await picker.selectOption(older);
    await expect(page).toHaveURL(new RegExp(`period=${older}`));
    await expect(page.locator('#map .chart-title')).toContainText(formatPeriod(older));
    await expect(page.locator('#map .legend')).toContainText(formatPeriod(older));
    await page.reload();
    await expect(picker).toHaveValue(older);
    await expect(page.locator('#ranking .chart-title')).toContainText(formatPeriod(older));
    await page.goBack();
    await expect(page).not.toHaveURL(/period=/);
    await expect(picker).toHaveValue(latest);
    await expect(page.locator('#map .chart-title')).toContainText(formatPeriod(latest));
  });
});

test.describe('state trend', () => {
  test('on /states/OH a line never crosses a 2015 break, and joins across 2015 where the measure is comparable', async ({ page }) => {
    const broken = acrossTwentyFifteen(true);
    await page.goto(`/states/OH?indicator=${broken.indicator}&measure=${broken.measure}`);
    const { lines, breakX } = await measure(page);
    expect(breakX).not.toBeNull();
    const x = breakX as number;
    expect(lines.some((l) => l.x1 <= x)).toBe(true);
    expect(lines.some((l) => l.x0 >= x)).toBe(true);
    for (const l of lines) expect(l.x0 < x && l.x1 > x, `${broken.indicator} ${l.series} crosses 2015`).toBe(false);

    const joined = acrossTwentyFifteen(false);
    await page.goto(`/states/OH?indicator=${joined.indicator}&measure=${joined.measure}`);
    const chart = await measure(page);
    expect(chart.breakX).toBeNull();
    const [before, after] = [chart.periods['2013-2014'], chart.periods['2015-2016']];
    expect(chart.lines.some((l) => l.x0 <= before + 0.5 && l.x1 >= after - 0.5), `${joined.indicator}: one line from 2013–2014 to 2015–2016`).toBe(true);
  });

  test('the keyboard moves through the periods and the tooltip names Ohio’s figure and the U.S. one', async ({ page }) => {
    const periods = ohioPeriods('sud_past_year', 'percent');
    const row = (period: string, geography: string) =>
      ALL.find((r) => r.indicator === 'sud_past_year' && r.geography === geography && r.age_group === '12+' && r.unit === 'percent' && r.period === period && r.revision === '0') as Row;
    await page.goto('/states/OH?indicator=sud_past_year');
    const first = page.locator('[data-chart="state-trend"] .point[tabindex="0"]');
    await first.focus();
    await expect(tooltip(page)).toContainText(`Ohio: ${shown(row(periods[0], 'OH')).estimate}`);
    await page.keyboard.press('End');
    const last = periods[periods.length - 1];
    await expect(page.locator('[data-chart="state-trend"] .point:focus')).toHaveAttribute('data-period', last);
    await expect(tooltip(page)).toContainText(formatPeriod(last));
    await expect(tooltip(page)).toContainText(`Ohio: ${shown(row(last, 'OH')).estimate}`);
    await expect(tooltip(page)).toContainText('United States:');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('[data-chart="state-trend"] .point:focus')).toHaveAttribute('data-period', periods[periods.length - 2]);
    await page.keyboard.press('Escape');
    await expect(tooltip(page)).toHaveCount(0);
  });

  test('in numbers of people the U.S. is left out, and the subtitle says why', async ({ page }) => {
    await page.goto('/?geo=OH&measure=count');
    const section = page.locator('#state-trend');
    await expect(section.locator('.chart-subtitle')).toContainText('The United States is left out in numbers of people');
    await expect(section.locator('[data-geography="us"]')).toHaveCount(0);
    await section.getByRole('radio', { name: 'Percent of the age group' }).check();
    await expect(page).toHaveURL(/measure=percent/);
    await expect(section.locator('.mark.us').first()).toBeVisible();
  });
});

test.describe('accessibility of the state trend', () => {
  // Axe scans are heavy (see a11y.spec.ts): an explicit budget, each test well under a third of it.
  test.describe.configure({ timeout: 90_000 }); // an axe scan: up to 23 s with one core busy
  for (const url of ['/', '/states/OH']) {
    test(`${url} has no accessibility violations`, async ({ page }) => {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      expect(await pageViolations(page)).toEqual([]);
    });
  }
});
