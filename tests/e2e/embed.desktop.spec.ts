/**
 * An embed on another site: the embed code's script sizes the frame to the chart, and the credit
 * ("Data: SAMHSA…" and the link back) is always in sight, with or without the script.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';

/** Serves `body` as a page of another site (localhost; the app is on 127.0.0.1) for the length of `check`. */
async function hostPage(page: Page, body: string, check: () => Promise<void>) {
  const host = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>A newspaper</title><script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'atlas:height') heights.push(e.data); });</script><h1>A newspaper</h1>${body}<p>After the chart.</p>`);
  });
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  try {
    await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    await check();
  } finally {
    host.close();
  }
}

const embedFrame = async (page: Page): Promise<Frame> => {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/embed/'))).toBe(true);
  return page.frames().find((f) => f.url().includes('/embed/')) as Frame;
};

/** The embed's content height, its document's scroll height and window height, and where its credit bar sits. */
const measure = (frame: Frame) =>
  frame.evaluate(() => {
    const credit = (document.querySelector('.embed-credit') as HTMLElement).getBoundingClientRect();
    return {
      content: Math.ceil((document.querySelector('main.embed') as HTMLElement).getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
      creditTop: credit.top,
      creditBottom: credit.bottom,
      credit: (document.querySelector('.embed-credit') as HTMLElement).innerText,
    };
  });

const embedCode = (src: string, height: number, script: string) => `<iframe src="${src}" title="Chart" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>\n<script src="${script}" async></script>`;

/** The iframe's height on the host page, less the embed's content height (0 when the frame fits its chart). */
const misfit = async (page: Page, frame: Frame) => Math.abs((await page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height)) - (await measure(frame)).content);

test('with the embed code’s script, the map’s frame takes the chart’s height and the credit is in sight without scrolling', async ({ page, baseURL }) => {
  await hostPage(page, embedCode(`${baseURL}/embed/map?indicator=sud_past_year`, 860, `${baseURL}/embed.js`), async () => {
    const frame = await embedFrame(page);
    await expect(frame.locator('svg[data-chart="map"]')).toBeVisible();
    // The frame grows past the 860 px the code suggests, to the content's height (within a pixel or two).
    await expect.poll(() => misfit(page, frame)).toBeLessThanOrEqual(2);
    const m = await measure(frame);
    expect(m.content).toBeGreaterThan(860);
    expect(m.scroll).toBeLessThanOrEqual(m.inner + 2); // nothing below an inner scroll bar
    expect(m.creditTop).toBeGreaterThanOrEqual(0);
    expect(m.creditBottom).toBeLessThanOrEqual(m.inner + 1);
    expect(m.credit).toContain('Data: SAMHSA');
    // What the embed posted: its kind and its height.
    const posted = await page.evaluate(() => (window as unknown as { heights: Array<{ height: number; chart: string }> }).heights.at(-1));
    expect(posted?.chart).toBe('map');
    expect(Math.abs((posted?.height ?? 0) - m.content)).toBeLessThanOrEqual(1);
  });
});

test('when the host page narrows to a phone’s width, the chart reflows taller and the frame follows it', async ({ page, baseURL }) => {
  await hostPage(page, embedCode(`${baseURL}/embed/trend?indicator=sud_past_year`, 720, `${baseURL}/embed.js`), async () => {
    const frame = await embedFrame(page);
    await expect(frame.locator('svg[data-chart="trend"]')).toBeVisible();
    await expect.poll(() => misfit(page, frame)).toBeLessThanOrEqual(2);
    const wide = (await measure(frame)).content;
    await page.setViewportSize({ width: 375, height: 812 });
    await expect.poll(async () => (await measure(frame)).content).toBeGreaterThan(wide);
    await expect.poll(() => misfit(page, frame)).toBeLessThanOrEqual(2);
    const narrow = await measure(frame);
    expect(narrow.scroll).toBeLessThanOrEqual(narrow.inner + 2);
    expect(narrow.creditBottom).toBeLessThanOrEqual(narrow.inner + 1);
  });
});

test('without the script, a frame shorter than the chart still shows the credit and the link back at its foot', async ({ page, baseURL }) => {
  await hostPage(page, `<iframe src="${baseURL}/embed/trend?indicator=sud_past_year" title="Trend" width="100%" height="500" style="border:0"></iframe>`, async () => {
    const frame = await embedFrame(page);
    await expect(frame.locator('svg[data-chart="trend"]')).toBeVisible();
    const m = await measure(frame);
    expect(m.content).toBeGreaterThan(m.inner); // the chart does need more room than it was given
    expect(m.creditTop).toBeGreaterThanOrEqual(0);
    expect(m.creditBottom).toBeLessThanOrEqual(m.inner + 1);
    await expect(frame.getByRole('link', { name: 'Open this chart on Substance Use Atlas' })).toBeInViewport();
  });
});

test('embed.js is served from the site, small and documented', async ({ request }) => {
  const res = await request.get('/embed.js');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('javascript');
  const text = await res.text();
  expect(text).toContain("'atlas:height'");
  expect(text).toContain('event.source');
  expect(text.length).toBeLessThan(4000);
});
