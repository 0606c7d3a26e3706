/**
 * Issue 10, item 7 in a real browser over real HTTP: SAMHSA's 2021 table uploaded to a dataset
 * that holds 2018–2019 (DSM-IV) figures is not published as is — the report asks where the rows
 * belong; widening the dataset (a reason, the name typed, the title revised) publishes them; the
 * rows can go to a new dataset instead; and staff can edit a dataset's title, which the public
 * catalog shows at once. Each test makes a dataset of its own, so nothing depends on the names or
 * scopes of the bundled data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { pageViolations } from '../axe';
import { sha256 } from '../../../lib/data/package';
import { liveFile, ORIGIN, signIn, signInPage } from './helpers';

test.describe.configure({ mode: 'serial' });

const ROOT = path.join(__dirname, '..', '..', '..');
const TABLE_2019 = path.join(ROOT, 'data', 'sources', 'samhsa-sae-2018-2019', 'percentages', 'NSDUHsaeExcelTab01-2019.csv');
const TABLE_2021 = path.join(ROOT, 'data', 'sources', 'samhsa-sae-2021', 'percentages', 'NSDUHsaeExcelTab01-2021.csv');
const DSM5 = '2021 onward (DSM-5, web and in-person)';

/** A dataset of SAMHSA's 2018–2019 Table 1, added over the API: its scope is that table's series. */
async function addDataset(request: APIRequestContext, cookie: string, name: string, title: string): Promise<void> {
  const headers = { Cookie: cookie, Origin: ORIGIN };
  const upload = await request.post(`/api/admin/uploads?dataset=${name}&mode=add&name=Tab01-2019.csv`, { headers: { ...headers, 'Content-Type': 'text/csv' }, data: readFileSync(TABLE_2019) });
  expect(upload.status()).toBe(200);
  const report = await upload.json();
  const publish = await request.post('/api/admin/publish', {
    headers: { ...headers, 'Content-Type': 'application/json' },
    data: { uploadId: report.uploadId, baseHash: null, note: 'Test dataset', acknowledged: true, meta: { title, description: 'SAMHSA’s 2018–2019 state estimates (DSM-IV); not comparable with 2020 and later.', source: 'SAMHSA, 2018-2019 NSDUH State-Specific Tables' } },
  });
  expect(publish.status()).toBe(200);
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

test('an upload outside the dataset’s scope: the report asks where the rows belong, the API refuses it as is, and widening the dataset publishes it', async ({ page, request }) => {
  // Two uploads, a refused publish and a published one, each analysing and diffing a whole state
  // file against the live data: 20–50 s on a busy 2-core machine, so a budget three times that.
  test.setTimeout(150_000);
  const name = unique('scope-widen');
  const title = 'State estimates, 2018–2019 (test)';
  const cookie = await signIn();
  await addDataset(request, cookie, name, title);

  await signInPage(page);
  await page.goto(`/admin/datasets/${name}`);
  // The dataset page shows what it holds and what it is for.
  const facts = page.locator('.dataset-facts');
  await expect(facts).toContainText('2018–2019');
  await expect(facts).toContainText('2015–2019 (DSM-IV, redesigned questionnaire)');
  await expect(facts).not.toContainText(DSM5);

  await page.getByLabel('CSV file').setInputFiles(TABLE_2021);
  await page.getByRole('button', { name: 'Check this file' }).click();
  await expect(page.getByRole('heading', { name: 'This file is valid, but some of its rows are outside this dataset’s scope' })).toBeVisible();
  await expect(page.getByText('NSDUHsaeExcelTab01-2021.csv', { exact: false }).first()).toContainText('a SAMHSA state table');
  const question = page.getByRole('region', { name: 'Where do these rows belong?' });
  await expect(question).toContainText(`280 rows are in the series ${DSM5}, which this dataset — ${title} — does not hold.`);
  // Nothing to publish until staff answer.
  await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0);
  expect(await pageViolations(page)).toEqual([]);

  // The API refuses the same upload as is: 409 outside-scope, with the series and their rows.
  const uploadId = await page.evaluate(() => document.querySelector('[data-upload-id]')?.getAttribute('data-upload-id'));
  expect(uploadId).toBeTruthy();
  const headers = { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' };
  const liveHash = sha256(liveFile(`${name}.csv`));
  const refused = await request.post('/api/admin/publish', { headers, data: { uploadId, baseHash: liveHash, note: 'As is', acknowledged: true } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatchObject({ code: 'outside-scope', outside: [{ series: 'DSM-5_2021+', rows: 280 }] });
  const noReason = await request.post('/api/admin/publish', { headers, data: { uploadId, baseHash: liveHash, note: 'As is', acknowledged: true, widenScope: true } });
  expect(noReason.status()).toBe(400);
  expect((await noReason.json()).error.code).toBe('scope-reason-required');

  // Widen: the title and description are shown for review, a reason and the typed name confirm.
  await question.getByLabel(/In this dataset: widen its scope/).check();
  const widen = page.getByRole('group', { name: `Widen “${title}”` });
  await expect(widen.getByLabel('Title')).toHaveValue(title);
  await expect(widen.getByLabel('Description')).toHaveValue(/not comparable with 2020 and later/);
  await widen.getByLabel('Title').fill('State estimates, 2018–2019 and 2021 (test)');
  await widen.getByLabel('Description').fill('SAMHSA’s state estimates: 2018–2019 (DSM-IV) and 2021 (DSM-5), not comparable with each other.');
  await widen.getByLabel(/^Why this dataset should hold them/).fill('The dataset is to hold every state release of this table.');
  const publish = page.getByRole('button', { name: 'Widen the scope and publish' });
  await page.getByLabel(/^Release note/).fill('Added the 2021 table (test).');
  await page.getByLabel('I have read the warnings and the figures are right').check();
  await expect(publish).toBeDisabled(); // the name is not typed yet
  await widen.getByLabel(/Type .* to confirm/).fill(name);
  await publish.click();
  await expect(page.getByRole('status').filter({ hasText: 'Published:' })).toBeVisible();

  // The page now says the dataset holds 2021 and is for it; the public catalog has the new title.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('State estimates, 2018–2019 and 2021 (test)');
  await expect(facts).toContainText(DSM5);
  await expect(facts).toContainText('2021');
  await page.goto('/admin/audit');
  await expect(page.locator('table.audit tbody tr[data-action="widen-scope"]', { hasText: name })).toContainText('The dataset is to hold every state release of this table.');
});

test('the rows outside the scope can go to a new dataset instead, through the adding-a-dataset form', async ({ page, request }) => {
  const name = unique('scope-split');
  const cookie = await signIn();
  await addDataset(request, cookie, name, 'State estimates, 2018–2019 (split test)');
  await signInPage(page);
  await page.goto(`/admin/datasets/${name}`);
  await page.getByLabel('CSV file').setInputFiles(TABLE_2021);
  await page.getByRole('button', { name: 'Check this file' }).click();
  const question = page.getByRole('region', { name: 'Where do these rows belong?' });
  await question.getByLabel('In a new dataset of their own').check();
  const newName = `${name}-2021`;
  await question.getByLabel(/^Name of the new dataset/).fill(newName);
  await question.getByRole('button', { name: 'Check these rows as a new dataset' }).click();
  await expect(page.getByRole('heading', { name: `These rows can be published as the new dataset “${newName}”` })).toBeVisible();
  await expect(page.getByText(`It will hold the series ${DSM5}`)).toBeVisible();
  const form = page.locator('form.publish-form');
  await form.getByLabel('Title', { exact: true }).fill('State estimates, 2021 (split test)');
  await form.getByLabel(/^Description/).fill('SAMHSA’s 2021 state estimates (DSM-5).');
  await form.getByLabel(/^Source \(the publication\)/).fill('SAMHSA, 2021 NSDUH State-Specific Tables');
  await form.getByLabel(/^Release note/).fill('The 2021 table, as a dataset of its own (test).');
  await form.getByLabel('I have read the warnings and the figures are right').check();
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Published: version` })).toContainText(newName);
  const catalog = await (await request.get('/api/datasets')).json();
  const added = catalog.datasets.find((d: { id: string }) => d.id === newName);
  expect(added).toMatchObject({ observations: 280 });
  // The original dataset did not change.
  expect(catalog.datasets.find((d: { id: string }) => d.id === name)).toMatchObject({ observations: 280 });
});

test('staff edit a dataset’s title and description, and the public catalog shows the new title at once', async ({ page, request }) => {
  const name = unique('scope-words');
  const cookie = await signIn();
  await addDataset(request, cookie, name, 'State estimates (words test)');
  await signInPage(page);
  await page.goto(`/admin/datasets/${name}`);
  const form = page.locator('form.words-form');
  const save = form.getByRole('button', { name: 'Save title and description' });
  await expect(save).toBeDisabled();
  // A title that begins like a formula is refused with the reason.
  await form.getByLabel(/^Title/).fill('=HYPERLINK("https://example.org")');
  await form.getByLabel(/^What changed and why/).fill('Clearer title (test).');
  await save.click();
  await expect(form.getByRole('alert')).toContainText('must not begin with =, +, - or @');
  await form.getByLabel(/^Title/).fill('State estimates, 2018–2019, DSM-IV (words test)');
  await save.click();
  await expect(form.getByRole('status')).toContainText('Saved');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('State estimates, 2018–2019, DSM-IV (words test)');

  const catalog = await page.context().newPage();
  await catalog.goto('/data');
  await expect(catalog.getByRole('heading', { name: 'State estimates, 2018–2019, DSM-IV (words test)', exact: true })).toBeVisible();
  await catalog.goto(`/datasets/${name}`);
  await expect(catalog.locator('.changelog li').first()).toContainText('title or description edited');
  await expect(catalog.locator('.changelog li').first()).toContainText('Clearer title (test).');
});
