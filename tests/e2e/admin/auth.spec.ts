/**
 * Every staff page and admin API route refuses a request without a valid session — the routes are
 * read from the app folder, so a new one cannot be missed — and state-changing requests from
 * other sites are refused even with a session. Real HTTP against the production server.
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN_PORT, ADMIN_PRIVATE, LEAVER, LOCKED, STAFF } from './env';
import { ORIGIN, signIn } from './helpers';

const APP = path.join(__dirname, '..', '..', '..', 'app');

function walk(dir: string, file: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...walk(full, file));
    else if (name === file) found.push(dir);
  }
  return found;
}

/** Sample values for dynamic segments: a real dataset, a well-formed version and upload id. */
const SAMPLE: Record<string, string> = { id: 'national-estimates', version: '20260101T000000000Z-000000000000' };
const toUrl = (dir: string) =>
  `/${path
    .relative(APP, dir)
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (/^\[(\w+)\]$/.test(s) ? SAMPLE[s.slice(1, -1)] : s))
    .join('/')}`;

const PAGES = walk(path.join(APP, 'admin'), 'page.tsx').map(toUrl);
const APIS = walk(path.join(APP, 'api', 'admin'), 'route.ts').map((dir) => {
  const source = readFileSync(path.join(dir, 'route.ts'), 'utf8');
  const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
  // An upload id in the path must be well-formed to reach the handler's own checks.
  return { url: toUrl(dir).replace('/national-estimates/', '/00000000-0000-4000-8000-000000000000/'), methods };
});

/** Headers an attacker might use to skip a proxy (CVE-2025-29927 and the RSC variants). */
const BYPASS: Array<Record<string, string>> = [{}, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }, { RSC: '1', 'Next-Router-Prefetch': '1' }];

test('the route lists are complete: every staff page and admin API route was found', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['/admin', '/admin/login', '/admin/audit', '/admin/datasets/new', '/admin/datasets/national-estimates']));
  expect(PAGES.length).toBeGreaterThanOrEqual(6);
  expect(APIS.map((a) => a.url)).toEqual(expect.arrayContaining(['/api/admin/login', '/api/admin/publish', '/api/admin/rollback', '/api/admin/remove', '/api/admin/uploads']));
  for (const api of APIS) expect(api.methods.length, api.url).toBeGreaterThan(0);
});

test('every staff page sends a visitor without a session to the sign-in page, whatever headers they add', async ({ request }) => {
  for (const url of PAGES.filter((p) => p !== '/admin/login')) {
    for (const headers of BYPASS) {
      const res = await request.get(url, { headers, maxRedirects: 0 });
      const body = await res.text();
      expect(body, `${url} ${JSON.stringify(headers)}`).not.toContain('Sign out');
      expect(body).not.toContain(STAFF.email);
      if (!headers.RSC) {
        expect(res.status(), url).toBe(307);
        expect(res.headers().location).toBe(`/admin/login?next=${encodeURIComponent(url)}`);
      }
    }
  }
  // The sign-in page itself is public, and offers no staff content.
  const login = await request.get('/admin/login');
  expect(login.status()).toBe(200);
  expect(await login.text()).toContain('Staff sign-in');
});

test('every admin API route answers 401 without a session, and with a forged or expired one', async ({ request }) => {
  await signIn(); // the server makes its session key on first use
  const key = readFileSync(path.join(ADMIN_PRIVATE, 'session.key'), 'utf8').trim();
  const forge = (payload: object, secret: string) => {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `atlas-staff=${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const now = Date.now();
  const cookies = [
    undefined,
    forge({ e: STAFF.email, v: 1, iat: now, exp: now + 3600_000 }, 'not the key'),
    forge({ e: STAFF.email, v: 1, iat: now - 9 * 3600_000, exp: now - 3600_000 }, key),
    forge({ e: 'nobody@example.org', v: 1, iat: now, exp: now + 3600_000 }, key),
  ];
  for (const api of APIS.filter((a) => a.url !== '/api/admin/login')) {
    for (const method of api.methods) {
      for (const cookie of cookies) {
        for (const headers of BYPASS.slice(0, 2)) {
          const res = await request.fetch(api.url, { method, headers: { ...headers, Origin: ORIGIN, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, data: method === 'GET' ? undefined : '{}', maxRedirects: 0 });
          expect(res.status(), `${method} ${api.url} cookie=${cookie?.slice(0, 20)}`).toBe(401);
          expect((await res.json()).error.code).toBe('unauthenticated');
        }
      }
    }
  }
  // The real key and a current session version do get in (the forgery above was refused for its content, not its form).
  const good = forge({ e: STAFF.email, v: 1, iat: now, exp: now + 3600_000 }, key);
  const res = await request.get('/admin', { headers: { Cookie: good }, maxRedirects: 0 });
  expect(res.status()).toBe(200);
});

test('with a session, state-changing requests from another site, or that do not say where they come from, get 403', async ({ request }) => {
  const cookie = await signIn();
  const posts = APIS.filter((a) => a.methods.includes('POST'));
  for (const api of posts) {
    const variants: Array<Record<string, string>> = [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site', Origin: ORIGIN }, {}];
    for (const headers of variants) {
      const res = await request.post(api.url, { headers: { ...headers, Cookie: cookie, 'Content-Type': 'application/json' }, data: '{}', maxRedirects: 0 });
      expect(res.status(), `${api.url} ${JSON.stringify(headers)}`).toBe(403);
      expect((await res.json()).error.code).toBe('cross-site');
    }
  }
});

test('sign-in: wrong passwords are refused, then rate-limited with a clear message; sign-out ends the session everywhere', async ({ request, page }) => {
  // Nine sign-ins, each a deliberately slow scrypt hash (128 MiB, two at a time): about 9 s with
  // one core busy, so this test gets a budget of its own.
  test.setTimeout(120_000); // up to 34 s with one core busy: every refused sign-in is a full password hash
  const attempt = (password: string) => request.post('/api/admin/login', { headers: { Origin: ORIGIN }, form: { email: LOCKED.email, password } });
  const wrong = await Promise.all(Array.from({ length: 5 }, (_, i) => attempt('wrong password number ' + i)));
  for (const res of wrong) {
    expect(res.status()).toBe(401);
    expect((await res.json()).error.message).toBe('That email and password do not match a staff account.');
  }
  // Now even the right password waits.
  const limited = await attempt(LOCKED.password);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(60);
  expect((await limited.json()).error.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes\.$/);
  // An unknown account answers exactly like a wrong password.
  const unknown = await request.post('/api/admin/login', { headers: { Origin: ORIGIN }, form: { email: 'nobody@example.org', password: 'whatever it is' } });
  expect(unknown.status()).toBe(401);

  // The browser form: the cookie is HttpOnly and SameSite=Strict; signing out ends the session.
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(LEAVER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p.form-error[role="alert"]')).toHaveText('That email and password do not match a staff account.');
  await page.getByLabel('Email').fill(LEAVER.email);
  await page.getByLabel('Password').fill(LEAVER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const [session] = (await page.context().cookies()).filter((c) => c.name === 'atlas-staff');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(session.expires * 1000 - Date.now()).toBeGreaterThan(7.9 * 3600_000);
  const copied = `atlas-staff=${session.value}`;
  expect((await request.get('/admin/audit', { headers: { Cookie: copied }, maxRedirects: 0 })).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?signed-out=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  expect((await request.get('/admin/audit', { headers: { Cookie: copied }, maxRedirects: 0 })).status()).toBe(307);
});

test('uploads: over 20 MB is refused with 413 whether declared or streamed, and a corrupted transfer with 400', async ({ request }) => {
  const cookie = await signIn();
  const url = '/api/admin/uploads?dataset=national-estimates&mode=replace&name=big.csv';
  // Declared: refused before the body is read.
  const declared = await request.post(url, { headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'text/csv' }, data: Buffer.alloc(21 * 1024 * 1024, 0x41) });
  expect(declared.status()).toBe(413);
  expect((await declared.json()).error.message).toMatch(/larger than 20 MB/);

  // Streamed without a length (chunked): refused as soon as the count passes the limit.
  const streamed = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: ADMIN_PORT, path: url, method: 'POST', headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const pump = () => {
      while (sent < 40) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).error.code).toBe('too-large');

  const mismatch = await request.post(url, { headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'text/csv', 'X-Content-SHA256': '0'.repeat(64) }, data: 'indicator\n' });
  expect(mismatch.status()).toBe(400);
  expect((await mismatch.json()).error.code).toBe('hash-mismatch');
});
