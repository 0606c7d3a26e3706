/**
 * Issue 11, the staff path, in a real browser over real HTTP: the report reads like help. The
 * live file checked again is a note, not an error; a state listed twice is one error in the
 * file's words; a Windows-1252 file shows the text it read; the name field's pattern works in
 * the browser; a refused sign-in keeps the email; a restore shows what it changes before it is
 * confirmed and its result at the top; the public changelog calls a correction a correction; and
 * on a phone the diff's "before → after" is on screen. Each test makes a dataset of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { liveFile, ORIGIN, signIn } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const TABLE_23 = path.join(ROOT, 'data', 'sources', 'samhsa-sae-2018-2019', 'percentages', 'NSDUHsaeExcelTab23-2019.csv');
const WINDOWS_1252 = path.join(ROOT, 'tests', 'fixtures', 'csv', 'E3a-valid-windows-1252.csv');

/**
 * The repository's national estimates (not the scratch copy other tests publish over), with the
 * 2014 U.S. 12+ SUD figure (21.5 million as published) set to `value` when given.
 */
function national(value?: string): Buffer {
  const text = readFileSync(path.join(ROOT, 'data', 'national-estimates.csv'), 'utf8');
  if (!value) return Buffer.from(text);
  const next = text.replace(/^(sud_past_year,2014,US,12\+,millions,)21\.5,/m, `$1${value},`);
  if (next === text) throw new Error('the 2014 row was not found');
  return Buffer.from(next);
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const csv = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

/** Publishes `bytes` over the API: as a new dataset `name`, or replacing it. */
async function publishOver(request: APIRequestContext, cookie: string, name: string, bytes: Buffer, mode: 'add' | 'replace', note: string): Promise<void> {
  const headers = { Cookie: cookie, Origin: ORIGIN };
  const upload = await request.post(`/api/admin/uploads?dataset=${name}&mode=${mode}&name=${mode}.csv`, { headers: { ...headers, 'Content-Type': 'text/csv' }, data: bytes });
  expect(upload.status()).toBe(200);
  const report = await upload.json();
  const meta = { title: `Report test ${name}`, description: 'A copy of the national estimates for a staff-page test.', source: 'SAMHSA (test copy)' };
  const publish = await request.post('/api/admin/publish', {
    headers: { ...headers, 'Content-Type': 'application/json' },
    data: { uploadId: report.uploadId, baseHash: report.baseHash, note, acknowledged: true, ...(mode === 'add' ? { meta } : {}) },
  });
  expect(publish.status()).toBe(200);
}

/** One session for the file's tests (a sign-in costs a deliberately slow password hash). */
let cookie = '';
test.beforeAll(async () => {
  cookie = await signIn();
});

/** The browser signed in with that session. */
async function asStaff(page: Page): Promise<void> {
  const at = cookie.indexOf('=');
  await page.context().addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: ORIGIN }]);
}

/** A new dataset holding the repository's national estimates. */
async function copyOfNational(request: APIRequestContext, prefix: string): Promise<string> {
  const name = unique(prefix);
  await publishOver(request, cookie, name, national(), 'add', 'Test dataset');
  return name;
}

/**
 * Tests that publish a dataset of their own first (an upload and a publish over the API, each
 * rewriting datapackage.json under the publish lock) before they use the browser.
 */
const PUBLISHES_FIRST = 60_000;

async function check(page: Page, file: ReturnType<typeof csv> | string) {
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check this file' }).click();
}

test('checking the file that is live already says there is nothing to publish, as a note and not as an error', async ({ page, request }) => {
  test.setTimeout(PUBLISHES_FIRST);
  const name = await copyOfNational(request, 'same-as-live');
  await asStaff(page);
  await page.goto(`/admin/datasets/${name}`);
  await check(page, csv('same.csv', liveFile(`${name}.csv`)));
  await expect(page.getByRole('heading', { name: 'This file holds exactly the data that is live now' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('there is nothing to publish');
  await expect(page.locator('.report')).not.toContainText(/error/i);
  await expect(page.locator('table.report-errors')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
});

test('a state listed twice in a SAMHSA table is one error, in the file’s words: “Row 21 repeats row 20 (Delaware)”', async ({ page }) => {
  const lines = readFileSync(TABLE_23, 'latin1').split('\n');
  const delaware = lines.findIndex((l) => /^\d+,Delaware,/.test(l)) + 1;
  const twice = Buffer.from(lines.flatMap((l, i) => (i + 1 === delaware ? [l, l] : [l])).join('\n'), 'latin1');
  await asStaff(page);
  await page.goto('/admin/datasets/new');
  await page.getByLabel(/^Dataset name/).fill(unique('twice'));
  await check(page, csv('Tab23-Delaware-twice.csv', twice));
  await expect(page.getByRole('heading', { name: 'This file has 1 error — nothing was changed' })).toBeVisible();
  const rows = page.locator('table.report-errors tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Row ${delaware + 1} repeats row ${delaware} (Delaware)`);
  await expect(rows.first()).not.toContainText('revision');
});

test('the Windows-1252 warning shows the text it read, with its line', async ({ page }) => {
  await asStaff(page);
  await page.goto('/admin/datasets/new');
  await page.getByLabel(/^Dataset name/).fill(unique('cp1252'));
  await check(page, WINDOWS_1252);
  await expect(page.locator('.file-warnings')).toContainText('read as Windows-1252');
  await expect(page.locator('.file-warnings')).toContainText('line 4: “Montréal — ok”');
});

test('the browser refuses a dataset name that breaks the pattern before anything is uploaded', async ({ page }) => {
  await asStaff(page);
  await page.goto('/admin/datasets/new');
  const field = page.getByLabel(/^Dataset name/);
  // The pattern compiles as the browser compiles it (the v flag), so the browser enforces it.
  expect(await field.evaluate((input: HTMLInputElement) => new RegExp(`^(?:${input.pattern})$`, 'v').source.length > 0)).toBe(true);
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/admin/uploads')) uploads.push(r.url());
  });
  await field.fill('bad_name');
  await page.getByLabel('CSV file').setInputFiles(WINDOWS_1252);
  expect(await field.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
  // Submitting as the button does: the browser checks the form, refuses it and points at the field.
  await field.evaluate((input: HTMLInputElement) => input.form?.requestSubmit());
  await expect(field).toBeFocused();
  await field.fill('good-name');
  expect(await field.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
  expect(uploads).toEqual([]);
});

test('a refused sign-in keeps the email typed and leaves it out of the address bar', async ({ page }) => {
  test.setTimeout(60_000); // a refused sign-in costs a full password hash, deliberately slow (as in auth.spec.ts)
  const email = `${unique('nobody')}@example.org`;
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not anyone’s password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p.form-error[role="alert"]')).toHaveText('That email and password do not match a staff account.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(page.url()).not.toContain('example.org');
});

test('restore shows what will change before it is confirmed, and its result at the top of the page; the changelog calls a correction a correction', async ({ page, request }) => {
  test.setTimeout(PUBLISHES_FIRST + 30_000); // a second publish over the API, a restore and the public page
  const name = await copyOfNational(request, 'restore');
  await publishOver(request, cookie, name, national('22.7'), 'replace', 'Corrected the 2014 count (test).');

  // The public changelog: one value corrected is a correction, not "new data".
  await page.goto(`/datasets/${name}`);
  const latest = page.locator('.changelog li').first();
  await expect(latest).toContainText('Corrected the 2014 count (test).');
  await expect(latest).toContainText('a correction to figures already published');
  await expect(latest).not.toContainText('new data');

  await asStaff(page);
  await page.goto(`/admin/datasets/${name}`);
  const first = page.getByRole('row', { name: /New dataset/ });
  await first.getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Restore the version of/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('0 observations added, 0 observations removed, 1 observation changed');
  const changed = dialog.locator('table.diff-changed');
  await expect(changed).toContainText('sud_past_year · US · 12+ · 2014 · millions');
  await expect(changed.locator('del')).toHaveText('22.7');
  await expect(changed.locator('ins')).toHaveText('21.5');
  await dialog.getByLabel(/^Release note for restoring/).fill('Restored the published figure (test).');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();

  const status = page.locator('.page-status');
  await expect(status).toContainText(/^Restored: the version of .+ is live again, as version \d/);
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  const box = await status.boundingBox();
  expect(box!.y - (heading!.y + heading!.height)).toBeLessThan(100);
  await expect(page.locator('table.history tbody tr').first()).toContainText('Restored the published figure (test).');
  await expect(dialog).toBeHidden();
});

test('at 375 px the diff shows “before → after” on screen, as cards', async ({ page, request }) => {
  test.setTimeout(PUBLISHES_FIRST);
  const name = await copyOfNational(request, 'phone-diff');
  await page.setViewportSize({ width: 375, height: 812 });
  await asStaff(page);
  await page.goto(`/admin/datasets/${name}`);
  await check(page, csv('revision.csv', national('22.7')));
  const after = page.locator('table.diff-changed ins');
  await expect(after).toHaveText('22.7');
  // Measured before anything scrolls: the value is within the 375 px, and its box needs no sideways scroll.
  const box = await after.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  const scroller = page.locator('.table-scroll', { has: page.locator('table.diff-changed') });
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
