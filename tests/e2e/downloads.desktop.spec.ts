import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ingest } from '../../lib/import/ingest';
import { shown, stateRows } from './data';

const knownIndicators = new Set(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'datapackage.json'), 'utf8')).indicators.map((i: { name: string }) => i.name) as string[]);

async function download(page: Page, chart: string, button: string) {
  const actions = page.locator(`#${chart} .chart-actions`);
  if ((await actions.getAttribute('open')) === null) await actions.locator('summary').click();
  const pending = page.waitForEvent('download');
  // The data downloads are links (to the API, for visitors without JavaScript); the images are buttons.
  await actions.getByRole(button.startsWith('Data') ? 'link' : 'button', { name: button }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), data: readFileSync((await file.path()) as string) };
}

test.describe('download this view', () => {
  test('the ranking’s CSV holds exactly the plotted rows, matches the chart’s table, and data:check accepts it', async ({ page }) => {
    // 2018–2019, asked for in the URL (the dashboard opens on the latest period).
    await page.goto('/?indicator=aud_past_year&age=18-25&period=2018-2019');
    const csv = await download(page, 'ranking', 'Data (CSV)');
    expect(csv.name).toBe('aud_past_year_ranking_18-25_percent_2018-2019.csv');
    const checked = await ingest(csv.data, { knownIndicators, collect: true });
    expect(checked.errors).toEqual([]);
    const ranked = stateRows('aud_past_year', '18-25').filter((r) => r.period === '2018-2019');
    expect(checked.rows).toHaveLength(ranked.length + 1); // every state and DC, and the U.S. reference
    await page.locator('#ranking .chart-table summary').click();
    const table = page.locator('#ranking table');
    await expect(table.locator('tbody tr')).not.toHaveCount(0);
    // The table is built in one go when opened: read it once rather than once per figure.
    const text = (await table.textContent()) ?? '';
    for (const o of checked.rows) {
      const f = shown({ estimate: String(o.estimate), ci_lower: String(o.ci_lower), ci_upper: String(o.ci_upper), unit: o.unit, qualifiers: o.qualifiers.join(';') });
      expect(text).toContain(`${f.estimate}`);
      expect(text).toContain(`${f.interval}`);
    }
    const parsed = Papa.parse<Record<string, string>>(csv.data.toString('utf8'), { header: true, skipEmptyLines: true }).data;
    expect(new Set(parsed.map((r) => r.geography))).toEqual(new Set([...ranked.map((r) => r.geography), 'US']));
    expect(parsed.every((r) => r.interval_type && r.series && r.source)).toBe(true);
  });

  test('the trend’s JSON holds the plotted figures with their series and sources', async ({ page }) => {
    await page.goto('/?indicator=sud_past_year&trend=count');
    const json = await download(page, 'trend', 'Data (JSON)');
    const body = JSON.parse(json.data.toString('utf8'));
    expect(body.chart).toContain('national trend');
    expect(body.view).toContain('indicator=sud_past_year');
    const points = await page.locator('[data-chart="trend"] .point').count();
    expect(body.observations).toHaveLength(points);
    expect(new Set(body.observations.map((o: { series: string }) => o.series)).size).toBeGreaterThan(1);
  });

  test('the map as SVG and PNG carries its title, source and date', async ({ page }) => {
    await page.goto('/');
    const title = (await page.locator('#map .chart-title').textContent()) as string;
    const svg = await download(page, 'map', 'Image (SVG)');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.data.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain(`<title>${title.replace(/&/g, '&amp;')}</title>`);
    expect(text).toContain('Source: SAMHSA');
    expect(text).toContain(`downloaded ${new Date().toISOString().slice(0, 10)}`);
    expect(text).not.toContain('var(--');
    const png = await download(page, 'map', 'Image (PNG)');
    expect(png.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The PNG opens, and its top band (the title) has dark text on the light background.
    const check = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const band = ctx.getImageData(0, 0, img.width, 80).data;
      let dark = 0;
      for (let i = 0; i < band.length; i += 4) if (band[i] + band[i + 1] + band[i + 2] < 200) dark++;
      return { width: img.width, height: img.height, dark };
    }, png.data.toString('base64'));
    expect(check.width).toBeGreaterThan(1000);
    expect(check.dark).toBeGreaterThan(500);
  });
});

test.describe('share and embed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link gives this view’s address, which reopens the same view', async ({ page }) => {
    await page.goto('/?indicator=cocaine_use_past_year&age=18-25&geo=CO');
    await page.locator('#map .chart-actions summary').click();
    await page.locator('#map').getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('#map .chart-actions [role="status"]')).toHaveText('Copied the link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/indicator=cocaine_use_past_year/);
    expect(link).toMatch(/#map$/);
    await page.goto(link);
    await expect(page.getByRole('combobox', { name: /^Age group/ })).toHaveValue('18-25');
    await expect(page.locator('#map .chart-title')).toContainText('Cocaine use');
  });

  test('the embed code frames just the chart on another site, while ordinary pages refuse to be framed', async ({ page, baseURL }) => {
    await page.goto('/?indicator=heroin_use_past_year');
    await page.locator('#trend .chart-actions summary').click();
    await page.locator('#trend').getByRole('button', { name: 'Copy embed code' }).click();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/trend\?indicator=heroin_use_past_year[^"]*" title="[^"]+" width="100%"/);
    // …and the script that sizes the frame to the chart (public/embed.js).
    expect(code).toMatch(/<\/iframe>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
    const embedUrl = /src="([^"]+)"/.exec(code)?.[1] as string;
    const other = await page.context().newPage();
    await newspaper(other, `${code}<iframe id="plain" src="${baseURL}/" title="plain"></iframe>`, async () => {
      const frame = other.frameLocator('iframe').first();
      await expect(frame.locator('h1.chart-title')).toContainText('Heroin use in the past year');
      await expect(frame.locator('svg[data-chart="trend"]')).toBeVisible();
      await expect(frame.getByRole('link', { name: 'Open this chart on Substance Use Atlas' })).toBeVisible();
      await expect(frame.locator('.site-header')).toHaveCount(0);
      await expect(other.frameLocator('#plain').locator('.site-header')).toHaveCount(0);
      await expect(other.frameLocator('#plain').locator('#main')).toHaveCount(0);
    });
    const res = await page.request.get(embedUrl);
    expect(res.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(res.headers()['x-frame-options']).toBeUndefined();
  });

  test('a state chosen in an embedded map opens its profile in a new tab, leaving the frame as it was', async ({ page, baseURL }) => {
    await newspaper(page, `<iframe src="${baseURL}/embed/map?indicator=sud_past_year" title="map" width="100%" height="860"></iframe>`, async () => {
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('svg[data-chart="map"]')).toBeVisible();
      const popup = page.waitForEvent('popup');
      await frame.locator('a[data-state="CO"]').click();
      const opened = await popup;
      await expect(opened).toHaveURL(/\/states\/CO$/);
      await expect(opened.getByRole('heading', { level: 1 })).toContainText('Colorado');
      await expect(frame.locator('svg[data-chart="map"]')).toBeVisible();
      expect(page.frames()[1].url()).toContain('/embed/map');
    });
  });
});

/**
 * A newspaper's page on another site, served over real HTTP (localhost here, the app on
 * 127.0.0.1). frame-ancestors * matches network schemes only, so it cannot be about:blank.
 */
async function newspaper(page: Page, body: string, check: () => Promise<void>) {
  const host = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>A newspaper</title><h1>A newspaper</h1>${body}`);
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  try {
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    await check();
  } finally {
    host.close();
  }
}
