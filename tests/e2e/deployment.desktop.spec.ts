/**
 * The production server as deployed behind one HTTPS proxy: its own process (lib/cli/serve.mjs,
 * what `npm start` runs) with SITE_URL=https://…, ATLAS_TRUSTED_PROXIES=1 and scratch copies of
 * the data and private folders, so these tests can break a dataset without touching any other
 * test's server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = path.join(__dirname, '..', '..');
const STAFF = { email: 'deploy@example.org', password: 'a long deployment password' };

let server: ChildProcess;
let base: string;
let work: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Starting a second production server (and hashing a password) takes a while on a slow machine.
  test.setTimeout(120_000);
  work = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-deploy-'));
  const data = path.join(work, 'data');
  mkdirSync(data);
  for (const f of readdirSync(path.join(ROOT, 'data'))) if (f === 'datapackage.json' || f.endsWith('.csv')) cpSync(path.join(ROOT, 'data', f), path.join(data, f));
  const added = spawnSync('npx', ['tsx', 'lib/cli/staff-add.ts', STAFF.email], { cwd: ROOT, env: { ...process.env, ATLAS_PRIVATE_DIR: path.join(work, 'private') }, input: `${STAFF.password}\n`, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`staff:add failed: ${added.stderr}`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, 'lib', 'cli', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: data, ATLAS_PRIVATE_DIR: path.join(work, 'private'), SITE_URL: 'https://atlas.example.org', ATLAS_TRUSTED_PROXIES: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/datasets`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the deployment-like server did not start');
});

test.afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

test('over HTTPS: every response carries HSTS, and the staff cookie is Secure with the __Host- prefix', async ({ request }) => {
  // Pages, the API and a staff page (the package ZIP, 30 MB of CSV to compress, is the third test's).
  for (const url of ['/', '/data', '/api/datasets', '/api/openapi.json', '/admin/login']) {
    const res = await request.get(`${base}${url}`, { maxRedirects: 0 });
    expect(res.headers()['strict-transport-security'], url).toBe('max-age=63072000; includeSubDomains');
  }
  const res = await request.post(`${base}/api/admin/login`, { headers: { Origin: base }, form: STAFF });
  expect(res.status()).toBe(200);
  const cookie = res.headers()['set-cookie'];
  expect(cookie).toMatch(/^__Host-atlas-staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
  const token = cookie.split(';')[0].split('=').slice(1).join('=');
  expect((await request.get(`${base}/admin`, { headers: { Cookie: `__Host-atlas-staff=${token}` }, maxRedirects: 0 })).status()).toBe(200);
  // The same token under the name a plain-HTTP site would use is not a session here.
  expect((await request.get(`${base}/admin`, { headers: { Cookie: `atlas-staff=${token}` }, maxRedirects: 0 })).status()).toBe(307);
});

test('behind one trusted proxy, the address in the audit log is the one the proxy added, not one the client wrote', async ({ request }) => {
  const res = await request.post(`${base}/api/admin/login`, { headers: { Origin: base, 'X-Forwarded-For': '6.6.6.6, 198.51.100.23' }, form: { email: 'nobody@example.org', password: 'not a password at all' } });
  expect(res.status()).toBe(401);
  const lines = readFileSync(path.join(work, 'private', 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user: string; address: string });
  expect(lines.filter((l) => l.user === 'nobody@example.org').map((l) => l.address)).toEqual(['198.51.100.23']);
});

test('a dataset whose file breaks fails only its own views; staff can remove it; the package ZIP is served from one build', async ({ request }) => {
  // Break the state dataset the way a bad publish could: bytes that do not validate, with
  // datapackage.json updated to match them (so only validation notices).
  const data = path.join(work, 'data');
  const pkgFile = path.join(data, 'datapackage.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { resources: Array<{ name: string; path: string; bytes: number; hash: string }> };
  const broken = Buffer.from('indicator,period\nfunction Object() { [native code] },2014\n');
  const resource = pkg.resources.find((r) => r.name === 'state-estimates-2002-2019');
  if (!resource) throw new Error('no state dataset');
  writeFileSync(path.join(data, resource.path), broken);
  resource.bytes = broken.length;
  resource.hash = `sha256:${createHash('sha256').update(broken).digest('hex')}`;
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  await new Promise((r) => setTimeout(r, 1_100)); // the server re-checks files it has read every 500 ms

  for (const url of ['/', '/states', '/states/CO', '/iop', '/data', '/methodology', '/api', '/embed/trend', '/embed/map', '/embed/ranking', '/datasets/national-estimates', '/api/datasets', '/api/datasets/national-estimates?geography=US', '/api/package']) {
    expect((await request.get(`${base}${url}`)).status(), url).toBe(200);
  }
  const home = await (await request.get(`${base}/`)).text();
  expect(home).toContain('are left out of this page');
  const page = await request.get(`${base}/datasets/state-estimates-2002-2019`);
  expect(await page.text()).toContain('This dataset cannot be shown right now.');
  const api = await request.get(`${base}/api/datasets/state-estimates-2002-2019`);
  expect(api.status()).toBe(503);
  expect((await api.json()).error.code).toBe('dataset-unavailable');
  const catalog = await (await request.get(`${base}/api/datasets`)).json();
  expect(catalog.datasets.map((d: { id: string; available: boolean }) => [d.id, d.available])).toEqual([
    ['national-estimates', true],
    ['state-estimates-2002-2019', false],
    ['state-estimates-2021-on', true],
  ]);

  // The same ZIP bytes for every request of one data version.
  const [z1, z2] = await Promise.all([request.get(`${base}/api/package`), request.get(`${base}/api/package`)]);
  expect((await z1.body()).equals(await z2.body())).toBe(true);

  // Staff can take the broken dataset off the site; the notice goes with it.
  const login = await request.post(`${base}/api/admin/login`, { headers: { Origin: base }, form: STAFF });
  const cookie = login.headers()['set-cookie'].split(';')[0];
  const removed = await request.post(`${base}/api/admin/remove`, { headers: { Cookie: cookie, Origin: base }, data: { dataset: 'state-estimates-2002-2019', baseHash: resource.hash, note: 'Broken file; restoring later' } });
  expect(removed.status()).toBe(200);
  expect(await (await request.get(`${base}/`)).text()).not.toContain('are left out of this page');
  expect((await request.get(`${base}/api/datasets/state-estimates-2002-2019`)).status()).toBe(404);
});
