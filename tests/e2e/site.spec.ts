import { expect, test } from '@playwright/test';
import { findRow, rows, shown, STATE_FILES } from './data';

export const SITE_PAGES = ['/', '/states', '/states/CO', '/iop', '/methodology', '/data', '/datasets/national-estimates', '/api', '/no-such-page'];

test.describe('every page', () => {
  for (const path of SITE_PAGES) {
    test(`${path} loads without console errors or CSP violations, with the help lines and page metadata`, async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !(path === '/no-such-page' && /status of 404/.test(m.text()))) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      const footer = page.getByRole('contentinfo');
      await expect(footer.getByRole('link', { name: '1-800-662-HELP (4357)' })).toHaveAttribute('href', 'tel:+18006624357');
      await expect(footer.getByRole('link', { name: 'FindTreatment.gov' })).toHaveAttribute('href', 'https://findtreatment.gov');
      await expect(footer.getByRole('link', { name: 'call or text 988' })).toHaveAttribute('href', 'tel:988');
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-frame-options']).toBe('DENY');
      await expect(page).toHaveTitle(/Substance Use Atlas/);
      if (path !== '/no-such-page') {
        await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
        await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Substance Use Atlas/);
      }
    });
  }
});

test('the API answers with nosniff and a CSP that lets nothing run', async ({ request }) => {
  const res = await request.get('/api/datasets');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('staff pages cut the link to a cross-origin opener; public pages skip that header, which costs their first paint', async ({ request }) => {
  for (const path of ['/admin', '/admin/login']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['cross-origin-opener-policy'], path).toBe('same-origin');
  }
  for (const path of ['/', '/states/CO', '/api']) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expect(res.headers()['cross-origin-opener-policy'], path).toBeUndefined();
    expect(res.headers()['x-frame-options'], path).toBe('DENY');
  }
});

test('the skip link and the main navigation work with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.goto('/');
  // Tab through the header; on a phone, open the Menu with Enter on the way.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const text = (await page.locator(':focus').textContent())?.trim();
    if (text?.startsWith('Menu')) await page.keyboard.press('Enter');
    if (text === 'IOP') break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/iop$/);
  await expect(page.locator('nav[aria-label="Main"] a[href="/iop"]').first()).toHaveAttribute('aria-current', 'page');
});

test('sitemap.xml lists the public pages and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const p of ['/iop', '/methodology', '/api', '/states/DC', '/datasets/state-estimates-2002-2019']) expect(sitemap).toContain(`${p}</loc>`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test.describe('/iop', () => {
  test('quotes its statistics from data/, each with its source', async ({ page }) => {
    const national = rows('national-estimates.csv');
    const us12 = (indicator: string) => national.filter((r) => r.indicator === indicator && r.geography === 'US' && r.age_group === '12+');
    const reference = findRow('national-estimates.csv', { indicator: 'sud_past_year', period: '2014', age_group: '12+', unit: 'millions' });
    const latest = us12('sud_past_year').filter((r) => r.unit === 'millions' && /^\d{4}$/.test(r.period)).sort((a, b) => b.period.localeCompare(a.period))[0];
    const neededPeriods = new Set(us12('needed_tx_any').map((r) => r.period));
    const share = [...us12('received_specialty_tx_among_needing'), ...us12('received_specialty_tx_any_among_needing').filter((r) => r.unit === 'percent_of_needing')]
      .filter((r) => neededPeriods.has(r.period))
      .sort((a, b) => b.period.localeCompare(a.period))[0];
    const needed = us12('needed_tx_any').find((r) => r.period === share.period && r.unit !== 'percent') as Record<string, string>;
    // The page quotes the newest period with state figures, whichever dataset holds it.
    const gapAll = STATE_FILES.flatMap((f) => rows(f).filter((r) => r.indicator === 'needing_not_receiving_specialty_tx' && r.age_group === '12+' && r.unit === 'percent' && r.estimate !== ''));
    const gapPeriod = [...new Set(gapAll.filter((r) => r.geography.length === 2 && r.geography !== 'US').map((r) => r.period))].sort((a, b) => Number(b.slice(-4)) - Number(a.slice(-4)))[0];
    const gapRows = gapAll.filter((r) => r.period === gapPeriod && r.geography.length === 2 && r.geography !== 'US').sort((a, b) => Number(b.estimate) - Number(a.estimate));
    const usGap = gapAll.find((r) => r.period === gapPeriod && r.geography === 'US') as Record<string, string>;

    await page.goto('/iop');
    const stats = page.locator('.stats');
    for (const r of [reference, latest, share, needed, usGap, gapRows[0], gapRows[gapRows.length - 1]]) {
      await expect(stats).toContainText(shown(r).estimate);
      await expect(stats).toContainText(r.source);
    }
    await expect(stats).toContainText(`${reference.estimate} million`);
    await expect(stats.getByRole('link', { name: /treatment gap by state/ })).toHaveAttribute('href', '/?indicator=needing_not_receiving_specialty_tx');
    await expect(page.getByRole('heading', { name: 'Where IOP fits among levels of care' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '1-800-662-HELP (4357)' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/\baddicts?\b/i);
  });
});

test('a dataset page lists the filtered observations in a real table: every row, its figure, interval and source', async ({ page }) => {
  const selection = rows('national-estimates.csv').filter((r) => r.indicator === 'sud_past_year' && r.geography === 'US' && r.age_group === '12+');
  expect(selection.length).toBeGreaterThan(5);
  await page.goto('/datasets/national-estimates?indicator=sud_past_year&geography=US&age_group=12%2B');
  const table = page.getByRole('table', { name: /^Observations in / });
  await expect(table.getByRole('columnheader')).toHaveText(['Geography', 'Age', 'Period', 'Estimate', '95% interval', 'Indicator', 'Series', 'Source']);
  await expect(table.locator('tbody tr')).toHaveCount(selection.length);
  await expect(page.getByRole('status')).toContainText(`${selection.length} observations`);
  const r = findRow('national-estimates.csv', { indicator: 'sud_past_year', period: '2021', geography: 'US', age_group: '12+', unit: 'percent' });
  const row = table.locator('tbody tr').filter({ hasText: shown(r).estimate }).filter({ has: page.getByRole('cell', { name: '2021', exact: true }) });
  await expect(row).toHaveCount(1);
  // Text from the data is text, not markup: the source's dots, spaces and semicolons as written.
  await expect(row.locator('td.source')).toHaveText(r.source);
  await expect(row.locator('td').nth(4)).toHaveText(shown(r).interval ?? '—');
});
