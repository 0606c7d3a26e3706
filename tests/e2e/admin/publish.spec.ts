/**
 * The staff journey in a real browser — sign in, a malformed file's errors, a valid revision's
 * diff and preview, publish, the public pages changed, roll back, restored, the audit log and the
 * public changelog — and two staff publishing at once over real HTTP.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sha256 } from '../../../lib/data/package';
import { ADMIN_PRIVATE } from './env';
import { liveFile, nationalWith, ORIGIN, signIn, signInPage } from './helpers';

test.describe.configure({ mode: 'serial' });

/** The 2014 row of a dataset page's table (the period column says exactly 2014). */
const year2014 = (page: Page) => page.locator('table.data tbody tr').filter({ has: page.locator('td:nth-child(3)', { hasText: /^2014$/ }) });

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'csv', 'V22-interval-reversed.csv');

test('sign in, see a bad file’s errors, publish a revision, see it on the public pages, roll back, and find both in the logs', async ({ page }) => {
  test.setTimeout(90_000);
  const original = liveFile('national-estimates.csv');
  // The API's answer before the publish, asked twice: the server keeps it and may send the second
  // from memory (lib/cli/replay.mjs). After the publish it must not.
  const query = '/api/datasets/national-estimates?indicator=sud_past_year&period=2014&age_group=12%2B&geography=US';
  for (let i = 0; i < 2; i++) expect((await (await page.request.get(query)).json()).observations[0].estimate).toBe(21.5);
  await signInPage(page);
  await page.getByRole('row', { name: /National estimates/ }).getByRole('link', { name: 'Replace data or roll back' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('National estimates, 2002–2024');

  // A malformed file: its errors by row and column, and nothing changes.
  await page.getByLabel('CSV file').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Check this file' }).click();
  await expect(page.getByRole('heading', { name: /This file has 1 error — nothing was changed/ })).toBeVisible();
  const errors = page.locator('table.report-errors');
  await expect(errors).toContainText('row 3, column “ci_lower”');
  await expect(errors).toContainText('The lower bound 9.9 is above the upper bound 9.56.');
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  expect(liveFile('national-estimates.csv').equals(original)).toBe(true);

  // A valid revision: 2014's 21.5 million becomes 22.7 million.
  const revision = path.join(tmpdir(), `atlas-revision-${Date.now()}.csv`);
  writeFileSync(revision, nationalWith('22.7'));
  await page.getByLabel('CSV file').setInputFiles(revision);
  await page.getByRole('button', { name: 'Check this file' }).click();
  await expect(page.getByRole('heading', { name: 'This file can be published' })).toBeVisible();
  await expect(page.getByText('0 observations added, 0 observations removed, 1 observation changed')).toBeVisible();
  const changed = page.locator('table.diff-changed');
  await expect(changed).toContainText('sud_past_year · US · 12+ · 2014 · millions');
  await expect(changed.locator('del')).toHaveText('21.5');
  await expect(changed.locator('ins')).toHaveText('22.7');
  // The preview draws the national trend with the new figure, and the live one a click away.
  const preview = page.locator('.preview');
  await expect(preview.locator('svg[data-chart="trend"]')).toBeVisible();
  await preview.locator('.chart-table summary').click();
  await expect(preview.locator('table')).toContainText('22.7 million');
  await preview.getByLabel('Live now').check();
  await expect(preview.locator('table')).toContainText('21.5 million');

  const publish = page.getByRole('button', { name: 'Publish' });
  await expect(publish).toBeDisabled(); // no release note yet
  await page.getByLabel(/^Release note/).fill('Corrected the 2014 substance use disorder count (test revision).');
  await publish.click();
  await expect(page.getByRole('status').filter({ hasText: 'Published:' })).toBeVisible();
  await expect(page.locator('table.history')).toContainText('Corrected the 2014 substance use disorder count (test revision).');
  expect(sha256(liveFile('national-estimates.csv'))).toBe(sha256(nationalWith('22.7')));

  // The public pages and the API show it at once, with the release note.
  const publicPage = await page.context().newPage();
  await publicPage.goto('/datasets/national-estimates?indicator=sud_past_year&geography=US&age_group=12%2B');
  await expect(year2014(publicPage)).toContainText('22.7 million');
  await expect(publicPage.locator('.changelog')).toContainText('Corrected the 2014 substance use disorder count (test revision).');
  await publicPage.goto('/?indicator=sud_past_year');
  await publicPage.locator('#trend .chart-table summary').click();
  await expect(publicPage.locator('#trend table')).toContainText('22.7 million');
  for (let i = 0; i < 2; i++) expect((await (await publicPage.request.get(query)).json()).observations[0].estimate).toBe(22.7);

  // Roll back to the bundled version.
  await page.reload();
  const bundled = page.getByRole('row', { name: /Bundled data/ });
  await bundled.getByRole('button', { name: /^Restore/ }).click();
  await bundled.getByLabel(/^Release note for restoring/).fill('Restored the published figure (test rollback).');
  await bundled.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.locator('table.history tbody tr').first()).toContainText('Restored the published figure (test rollback).');
  await expect(page.locator('table.history tbody tr').first()).toContainText('Live');
  expect(liveFile('national-estimates.csv').equals(original)).toBe(true);
  expect((await (await publicPage.request.get(query)).json()).observations[0].estimate).toBe(21.5);
  await publicPage.goto('/datasets/national-estimates?indicator=sud_past_year&geography=US&age_group=12%2B');
  await expect(year2014(publicPage)).toContainText('21.5 million');
  const log = publicPage.locator('.changelog li');
  await expect(log.first()).toContainText('Restored the published figure (test rollback).');
  await expect(log.first()).toContainText('an earlier version restored');
  await expect(log.nth(1)).toContainText('Corrected the 2014 substance use disorder count (test revision).');

  // The audit log has the upload, the publish and the rollback, with the hashes before and after.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const rows = (action: string) => page.locator(`table.audit tbody tr[data-action="${action}"]`).first();
  await expect(rows('rollback')).toContainText('Restored the published figure (test rollback).');
  await expect(rows('publish')).toContainText('Corrected the 2014 substance use disorder count (test revision).');
  // Other tests upload at the same time: find this test's upload by its file name.
  await expect(page.locator('table.audit tbody tr[data-action="upload"]', { hasText: path.basename(revision) })).toContainText('valid; +0 −0 ~1');
  await expect(rows('publish')).toContainText(`${sha256(original).slice(7, 19)} → ${sha256(nationalWith('22.7')).slice(7, 19)}`);
});

test('two staff publish different files at once: exactly one wins, the other gets 409, nothing is lost', async ({ request }) => {
  const [alice, bob] = [await signIn(), await signIn()];
  const upload = async (cookie: string, value: string) => {
    const res = await request.post(`/api/admin/uploads?dataset=national-estimates&mode=replace&name=${value}.csv`, {
      headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'text/csv' },
      data: nationalWith(value),
    });
    expect(res.status()).toBe(200);
    return res.json();
  };
  const [a, b] = await Promise.all([upload(alice, '23.4'), upload(bob, '24.6')]);
  expect(a.baseHash).toBe(b.baseHash);
  const publish = (cookie: string, report: { uploadId: string; baseHash: string }, note: string) =>
    request.post('/api/admin/publish', {
      headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
      data: { uploadId: report.uploadId, baseHash: report.baseHash, note, acknowledged: true },
    });
  const responses = await Promise.all([publish(alice, a, 'Alice’s revision'), publish(bob, b, 'Bob’s revision')]);
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([200, 409]);
  const winner = responses[0].status() === 200 ? a : b;
  const loser = winner === a ? b : a;
  const conflict = await responses.find((r) => r.status() === 409)?.json();
  expect(conflict.error.message).toMatch(/someone else published in the meantime/);

  // The live file is exactly the winner's; the history has it; the audit log has one publish of it.
  expect(sha256(liveFile('national-estimates.csv'))).toBe(winner.candidateHash);
  const result = await (responses[0].status() === 200 ? responses[0] : responses[1]).json();
  expect(existsSync(path.join(ADMIN_PRIVATE, 'history', 'national-estimates', `${result.version}.csv`))).toBe(true);
  const audit = readFileSync(path.join(ADMIN_PRIVATE, 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(audit.filter((e) => e.action === 'publish' && e.toHash === winner.candidateHash)).toHaveLength(1);
  expect(audit.filter((e) => e.action === 'publish' && e.toHash === loser.candidateHash)).toHaveLength(0);
  // Nothing is lost: the loser's checked upload is still there to re-check against the new live data.
  expect(existsSync(path.join(ADMIN_PRIVATE, 'uploads', `${loser.uploadId}.csv`))).toBe(true);
  const again = await upload(winner === a ? bob : alice, winner === a ? '24.6' : '23.4');
  expect(again.baseHash).toBe(winner.candidateHash);
  expect(again.diff.changed).toBe(1);
});
