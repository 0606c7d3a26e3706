/**
 * Attacks on the staff side over real HTTP, against the staff test server (no trusted proxy):
 * parallel guessing, a rotated X-Forwarded-For, a flood of refused sign-ins, publish metadata of
 * the wrong type, and two datasets with the same bytes. Each uses accounts and datasets of its
 * own, so the other staff tests never see its effects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_PRIVATE } from './env';
import { ORIGIN, signIn } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The audit log's entries for one user (the log is shared with the other staff tests). */
function auditOf(user: string): Array<{ user: string; action: string; detail?: string; address?: string }> {
  return readFileSync(path.join(ADMIN_PRIVATE, 'audit.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { user: string; action: string; detail?: string; address?: string })
    .filter((e) => e.user === user);
}

// Each test sends dozens of sign-ins, some of them deliberately slow scrypt hashes (two at a time):
// a budget of their own keeps them well inside it on a slow machine.
test.describe.configure({ timeout: 90_000 });

const login = (request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) =>
  request.post('/api/admin/login', { headers: { Origin: ORIGIN, ...headers }, form: { email, password } });

test('40 parallel wrong passwords for one account: only the first 5 are checked, the rest are refused at once', async ({ request }) => {
  const email = 'burst@example.org';
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(request, email, `wrong password ${i}`)));
  const statuses = answers.map((r) => r.status());
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  for (const r of answers.filter((x) => x.status() === 429)) expect(Number(r.headers()['retry-after'])).toBeGreaterThan(60);
});

test('a rotated X-Forwarded-For neither escapes the per-address limits nor changes the address in the audit log', async ({ request }) => {
  const email = 'rotator@example.org';
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) statuses.push((await login(request, email, 'wrong password here', { 'X-Forwarded-For': `10.9.8.${i}` })).status());
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  const lines = auditOf(email);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.address).toBe('127.0.0.1');
});

test('refused sign-ins cannot flood the audit log: an over-long email is never logged, and repeats are logged once', async ({ request }) => {
  // As long as the sign-in form allows (16 kB in all).
  const huge = `${'x'.repeat(15 * 1024)}@example.org`;
  const email = 'flood@example.org';
  const answers = await Promise.all(Array.from({ length: 50 }, () => login(request, huge, 'whatever it is')));
  expect(answers.every((r) => r.status() === 401)).toBe(true);
  for (let i = 0; i < 5; i++) expect((await login(request, email, `wrong ${i} password`)).status()).toBe(401);
  const limited = await Promise.all(Array.from({ length: 50 }, () => login(request, email, 'still wrong password')));
  expect(limited.every((r) => r.status() === 429)).toBe(true);
  expect(auditOf(huge)).toEqual([]);
  expect(auditOf(huge.slice(0, 254))).toEqual([]);
  // One line for the wrong passwords and one for the refusals that followed: 2, not 55.
  expect(auditOf(email).map((e) => e.detail)).toEqual(['wrong email or password', 'too many failed attempts']);
});

test('publish metadata of the wrong type is refused with 400; two datasets with the same bytes keep their own ETags and bodies; removing one leaves the other', async ({ request }) => {
  const cookie = await signIn();
  const headers = { Cookie: cookie, Origin: ORIGIN };
  const bytes = readFileSync(path.join(ROOT, 'data', 'national-estimates.csv'));
  const add = async (dataset: string) => {
    const res = await request.post(`/api/admin/uploads?dataset=${dataset}&mode=add&name=copy.csv`, { headers: { ...headers, 'Content-Type': 'text/csv' }, data: bytes });
    expect(res.status()).toBe(200);
    return (await res.json()) as { uploadId: string; baseHash: null };
  };
  const publish = (uploadId: string, meta: unknown) => request.post('/api/admin/publish', { headers, data: { uploadId, baseHash: null, note: 'A copy for the ETag test', acknowledged: true, meta } });

  const a = await add('same-bytes-a');
  for (const meta of [
    { title: 123, description: 'd', source: 's' },
    { title: 't', description: 'd', source: 's', sourceUrl: ['https://example.org'] },
    { title: 'Two\nlines', description: 'd', source: 's' },
    'not an object',
  ]) {
    const res = await publish(a.uploadId, meta);
    expect(res.status(), JSON.stringify(meta)).toBe(400);
    expect((await res.json()).error.code).toMatch(/^metadata-(invalid|required)$/);
  }
  expect((await publish(a.uploadId, { title: 'Copy A', description: 'd', source: 's' })).status()).toBe(200);
  const b = await add('same-bytes-b');
  expect((await publish(b.uploadId, { title: 'Copy B', description: 'd', source: 's' })).status()).toBe(200);

  const [ra, rb] = await Promise.all([request.get('/api/datasets/same-bytes-a?geography=US'), request.get('/api/datasets/same-bytes-b?geography=US')]);
  const [ja, jb] = [await ra.json(), await rb.json()];
  expect(ja.dataset.hash).toBe(jb.dataset.hash); // the same bytes…
  expect(ra.headers().etag).not.toBe(rb.headers().etag); // …but never the same cached answer
  expect([ja.dataset.id, ja.dataset.title, jb.dataset.id, jb.dataset.title]).toEqual(['same-bytes-a', 'Copy A', 'same-bytes-b', 'Copy B']);
  // A client revalidating B with A's ETag gets B in full, not a 304.
  expect((await request.get('/api/datasets/same-bytes-b?geography=US', { headers: { 'If-None-Match': ra.headers().etag } })).status()).toBe(200);

  const removed = await request.post('/api/admin/remove', { headers, data: { dataset: 'same-bytes-b', baseHash: jb.dataset.hash, note: 'Only needed for a test' } });
  expect(removed.status()).toBe(200);
  expect((await request.get('/api/datasets/same-bytes-b')).status()).toBe(404);
  expect((await request.get('/api/datasets/same-bytes-a?geography=US')).status()).toBe(200);
  const rest = await request.post('/api/admin/remove', { headers, data: { dataset: 'same-bytes-a', baseHash: ja.dataset.hash, note: 'Only needed for a test' } });
  expect(rest.status()).toBe(200);
});
