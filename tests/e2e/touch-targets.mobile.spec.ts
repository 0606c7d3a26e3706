import { expect, test, type Page } from '@playwright/test';
import { chartsLaidOut, tooltip } from './data';

/**
 * Touch targets on a 375 px phone (the mobile project), measured in the DOM: every state on the
 * map (the smallest through their boxes beside it), every ranking row, and the break badges are at
 * least 24 × 24 px (WCAG 2.2, 2.5.8); trend points too close for that get the part of the plot
 * nearest to them, so a tap selects the figure it lands on, and buttons step through them.
 */
const MIN = 24;
const SMALL = ['VT', 'NH', 'MA', 'RI', 'CT', 'NJ', 'DE', 'MD', 'DC'];

type Box = { key: string; width: number; height: number; y: number };

/** The page once its charts are laid out at the phone's width (after hydration). */
async function dashboard(page: Page, search = '?period=2018-2019') {
  await page.goto(`/${search}`);
  // The picker appears once the page runs JavaScript; then every chart is laid out at its own width.
  await expect(page.getByRole('combobox', { name: /Open a state’s profile/ })).toBeVisible();
  await chartsLaidOut(page);
}

const boxes = (page: Page, selector: string, key: string) =>
  page.locator(selector).evaluateAll(
    (els, k) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { key: (e as HTMLElement).dataset[k] ?? '', width: r.width, height: r.height, y: r.y };
      }),
    key,
  ) as Promise<Box[]>;

const small = (list: Box[]) => list.filter((b) => b.width < MIN || b.height < MIN).map((b) => `${b.key} ${b.width.toFixed(1)}×${b.height.toFixed(1)}`);

test('every state, DC included, has a target of at least 24 × 24 px: on the map, or as a box beside it', async ({ page }) => {
  await dashboard(page);
  const callouts = await boxes(page, '[data-callout]', 'callout');
  expect(callouts.map((b) => b.key)).toEqual(SMALL);
  expect(small(callouts)).toEqual([]);
  const states = (await boxes(page, '[data-chart="map"] a[data-state]', 'state')).filter((b) => !SMALL.includes(b.key));
  expect(states).toHaveLength(51 - SMALL.length);
  expect(small(states)).toEqual([]);
  // A box acts like its state: the first tap shows the figure.
  await page.locator('[data-callout="RI"]').tap();
  await expect(tooltip(page)).toContainText('Rhode Island');
  await expect(tooltip(page)).toContainText('Tap again to open the profile');
});

test('ranking rows are at least 24 px tall and do not overlap', async ({ page }) => {
  await dashboard(page);
  const rows = await boxes(page, '[data-chart="ranking"] .row-hit', 'none');
  expect(rows).toHaveLength(51);
  expect(small(rows)).toEqual([]);
  for (let i = 1; i < rows.length; i++) expect(rows[i].y).toBeGreaterThanOrEqual(rows[i - 1].y + rows[i - 1].height - 0.5);
});

test('a tap on a trend point selects that point, even where years sit closer than a finger', async ({ page }) => {
  await dashboard(page);
  const points = page.locator('[data-chart="trend"] .point');
  const periods = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-period') as string));
  expect(periods).toContain('2018-2019');
  expect(periods).toContain('2019');
  // The point under each marker's centre is that marker's own (the issue: 2018–2019 opened 2019).
  await page.locator('svg[data-chart="trend"]').scrollIntoViewIfNeeded();
  // A chart below the fold is skipped (content-visibility: auto) until a frame has drawn it in
  // view, and skipped content takes no hits: wait for that frame, as any finger does.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const hits = await points.evaluateAll((els) =>
    els.map((g) => {
      const r = (g.querySelector('.marker') as SVGGraphicsElement).getBoundingClientRect();
      const under = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('.point');
      const hit = (g.querySelector('.hit') as SVGGraphicsElement).getBoundingClientRect();
      return { period: g.getAttribute('data-period'), under: under?.getAttribute('data-period') ?? null, height: hit.height };
    }),
  );
  for (const h of hits) expect(h, h.period ?? '').toMatchObject({ under: h.period });
  expect(hits.filter((h) => h.height < MIN)).toEqual([]);
  // A finger on the 2018–2019 marker, beside 2019's.
  const pooled = await page.locator('[data-chart="trend"] .point[data-period="2018-2019"] .marker').boundingBox();
  if (!pooled) throw new Error('no 2018–2019 point');
  await page.touchscreen.tap(pooled.x + pooled.width / 2, pooled.y + pooled.height / 2);
  await expect(tooltip(page)).toContainText('2018–2019');
  // Earlier / later buttons step from there, and are big enough for a finger.
  const later = page.getByRole('button', { name: 'Later ›' }).first();
  const box = await later.boundingBox();
  expect(box && box.width >= MIN && box.height >= MIN).toBe(true);
  await later.tap();
  await expect(tooltip(page)).toContainText(periods[periods.indexOf('2018-2019') + 1].replace('-', '–'));
});

test('a methodology break explains itself when tapped and when focused', async ({ page }) => {
  await dashboard(page);
  const badge = page.locator('[data-chart="trend"] .break').first();
  const hit = await badge.locator('.hit').boundingBox();
  expect(hit && hit.width >= MIN && hit.height >= MIN).toBe(true);
  await badge.tap();
  await expect(tooltip(page)).toContainText('2015: the method changed');
  await expect(tooltip(page)).toContainText('not compared');
  // Tapped elsewhere, it closes; focused from the keyboard, it explains itself again.
  await page.locator('#trend .chart-title').tap();
  await expect(tooltip(page)).toHaveCount(0);
  await page.locator('[data-chart="trend"] .break').nth(1).focus();
  await expect(tooltip(page)).toContainText('2020: the method changed');
});

test('the state picker beside the map opens the chosen state’s profile', async ({ page }) => {
  await dashboard(page);
  await page.getByRole('combobox', { name: /Open a state’s profile/ }).selectOption('OH');
  await expect(page).toHaveURL(/\/states\/OH$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ohio');
});
