import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, endSessions, findAccount } from '@/lib/admin/accounts';
import { TEMP_PREFIX, writeFileAtomic } from '@/lib/store/atomic';
import { auditEntriesNewestFirst } from '@/lib/store/audit';
import { changeWarnings, diffObservations, mergeTable } from '@/lib/admin/changes';
import { crossSiteProblem } from '@/lib/admin/csrf';
import { listVersions } from '@/lib/store/history';
import { LockBusyError, withLock } from '@/lib/store/lock';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '@/lib/admin/passwords';
import { publishUpload, rollbackTo, PublishError } from '@/lib/admin/publish';
import { clearedCookies, cookieSecurity, issueToken, readToken, sessionCookie, staffFromToken, tokenFromCookieHeader } from '@/lib/admin/session';
import { analyseUpload, readLimited, UploadTooLargeError } from '@/lib/admin/uploads';
import { ingest } from '@/lib/import/ingest';
import { checkPackage, readPackage, sha256 } from '@/lib/data/package';
import { IssueLog } from '@/lib/import/issues';
import type { Observation } from '@/lib/vocabulary/schema';

const ROOT = path.resolve(__dirname, '..', '..');
/** The whole audit log, oldest first (fine for the few lines a test writes). */
const readAudit = () => [...auditEntriesNewestFirst()].reverse();
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-admin-unit-'));
  process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
  process.env.ATLAS_DATA_DIR = path.join(work, 'data');
  mkdirSync(process.env.ATLAS_DATA_DIR);
  for (const f of ['datapackage.json', 'national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv']) copyFileSync(path.join(ROOT, 'data', f), path.join(work, 'data', f));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete process.env.ATLAS_PRIVATE_DIR;
  delete process.env.ATLAS_DATA_DIR;
});

const obs = (over: Partial<Observation> = {}): Observation => ({
  indicator: 'sud_past_year',
  period: '2014',
  geography: 'US',
  age_group: '12+',
  unit: 'millions',
  estimate: 21.5,
  ci_lower: null,
  ci_upper: null,
  interval_type: null,
  series: 'DSM-IV_2002-2014',
  revision: 0,
  qualifiers: [],
  source: 'SAMHSA',
  note: '',
  ...over,
});

describe('passwords', () => {
  it('hash with scrypt at OWASP parameters, verify the right password only, and never store it', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(stored).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    // The same password hashes differently each time (random salt).
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyAgainstNothing('anything')).toBe(false);
  });

  it('accounts: created once, normalised, password rules enforced; reset and sign-out end sessions', async () => {
    await addAccount(' Ed@Example.org ', 'a long enough password');
    expect((await findAccount('ed@example.org'))?.sessionVersion).toBe(1);
    await expect(addAccount('ed@example.org', 'another long password')).rejects.toThrow(/already has an account/);
    await expect(addAccount('not-an-email', 'a long enough password')).rejects.toThrow(/not an email/);
    await expect(addAccount('short@example.org', 'short')).rejects.toThrow(/at least 12/);
    const mode = statSync(path.join(process.env.ATLAS_PRIVATE_DIR as string, 'staff.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    await addAccount('ed@example.org', 'a brand new password', true);
    expect((await findAccount('ED@example.org'))?.sessionVersion).toBe(2);
    await endSessions('ed@example.org');
    expect((await findAccount('ed@example.org'))?.sessionVersion).toBe(3);
  });
});

describe('sessions', () => {
  it('are signed, expire after 8 hours, and end when the account signs out', async () => {
    await addAccount('session@example.org', 'a long enough password');
    const now = Date.now();
    const token = await issueToken('session@example.org', 1, now);
    expect((await readToken(token, now))?.e).toBe('session@example.org');
    expect(await staffFromToken(token, now)).toEqual({ email: 'session@example.org' });
    // Expiry: valid just before 8 hours, refused at 8 hours.
    expect(await readToken(token, now + 8 * 3600_000 - 1000)).not.toBeNull();
    expect(await readToken(token, now + 8 * 3600_000)).toBeNull();
    // Tampering: another email with the old signature, a forged signature, junk.
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), e: 'ed@example.org' })).toString('base64url');
    expect(await readToken(`${forged}.${mac}`, now)).toBeNull();
    expect(await readToken(`${body}.${createHmac('sha256', 'guess').update(body).digest('base64url')}`, now)).toBeNull();
    expect(await readToken('nonsense', now)).toBeNull();
    expect(await readToken(undefined, now)).toBeNull();
    // The key was generated on first use, with mode 0600.
    expect(statSync(path.join(process.env.ATLAS_PRIVATE_DIR as string, 'session.key')).mode & 0o777).toBe(0o600);
    await endSessions('session@example.org');
    expect(await staffFromToken(token, now)).toBeNull();
  });

  it('cookies are HttpOnly and SameSite=Strict; Secure with the __Host- prefix exactly when the configured site address is https', () => {
    const local = new URL('http://localhost:3000');
    const prod = new URL('https://atlas.example.org');
    expect(cookieSecurity(local)).toEqual({ secure: false, name: 'atlas-staff' });
    expect(cookieSecurity(prod)).toEqual({ secure: true, name: '__Host-atlas-staff' });
    // A plain-HTTP site on a public name is still plain HTTP: the configuration decides, not the Host header.
    expect(cookieSecurity(new URL('http://atlas.example.org')).secure).toBe(false);
    expect(sessionCookie('T', prod)).toBe('__Host-atlas-staff=T; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure');
    expect(sessionCookie('T', local)).toBe('atlas-staff=T; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800');
    expect(clearedCookies(prod)).toEqual(['__Host-atlas-staff=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure']);
    expect(tokenFromCookieHeader('a=1; atlas-staff=abc.def; b=2', local)).toBe('abc.def');
    expect(tokenFromCookieHeader('__Host-atlas-staff=xyz', prod)).toBe('xyz');
    // Only the cookie this configuration issues counts: on HTTPS a non-prefixed cookie (which any
    // subdomain or plain-HTTP page could plant) is ignored.
    expect(tokenFromCookieHeader('atlas-staff=planted', prod)).toBeUndefined();
    expect(tokenFromCookieHeader('__Host-atlas-staff=xyz', local)).toBeUndefined();
    expect(tokenFromCookieHeader('not-atlas-staff=1', local)).toBeUndefined();
  });
});

describe('cross-site requests', () => {
  const req = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/admin/publish', { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers } });
  it('are refused unless Sec-Fetch-Site or Origin says the request came from this site', () => {
    expect(crossSiteProblem(req({ 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(crossSiteProblem(req({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(crossSiteProblem(req({ 'sec-fetch-site': 'cross-site' }))).toMatch(/another site/);
    expect(crossSiteProblem(req({ 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:3000' }))).toMatch(/another site/);
    expect(crossSiteProblem(req({ origin: 'https://evil.example' }))).toMatch(/another site/);
    expect(crossSiteProblem(req({ origin: 'null' }))).toMatch(/unreadable|another site/);
    expect(crossSiteProblem(req({}))).toMatch(/does not say where it came from/);
  });
});

describe('atomic replacement', () => {
  it('a failure between the temporary write and the rename leaves the old file whole and no temporary file', () => {
    const dir = mkdtempSync(path.join(work, 'atomic-'));
    const target = path.join(dir, 'live.csv');
    writeFileSync(target, 'old contents\n');
    expect(() =>
      writeFileAtomic(target, 'new contents\n'.repeat(1000), {
        beforeCommit: (temp) => {
          expect(readFileSync(temp, 'utf8')).toBe('new contents\n'.repeat(1000));
          throw new Error('crash before rename');
        },
      }),
    ).toThrow('crash before rename');
    expect(readFileSync(target, 'utf8')).toBe('old contents\n');
    expect(readdirSync(dir)).toEqual(['live.csv']);
    writeFileAtomic(target, 'new contents\n');
    expect(readFileSync(target, 'utf8')).toBe('new contents\n');
    expect(() => writeFileAtomic(target, 'again', { exclusive: true })).toThrow(/EEXIST/);
    expect(readFileSync(target, 'utf8')).toBe('new contents\n');
  });

  it('a process killed at any moment of a replacement leaves the old or the new file, never a partial one', async () => {
    const dir = mkdtempSync(path.join(work, 'killed-'));
    const target = path.join(dir, 'live.csv');
    const oldText = 'a,b\n'.repeat(200_000);
    const newText = 'c,d\n'.repeat(250_000);
    writeFileSync(target, oldText);
    const script = `
      const { writeFileAtomic } = require(${JSON.stringify(path.join(ROOT, 'lib/store/atomic.ts'))});
      const text = 'c,d\\n'.repeat(250000);
      writeFileAtomic(${JSON.stringify(target)}, text);
      process.stdout.write('running\\n');
      for (;;) writeFileAtomic(${JSON.stringify(target)}, text);
    `;
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
      // However slow the machine is to start a process, the kill lands while the writer loops:
      // after its first replacement, at a different moment each time.
      await new Promise((r) => child.stdout?.once('data', r));
      writeFileSync(target, oldText);
      await new Promise((r) => setTimeout(r, 5 + i * 17));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const now = readFileSync(target, 'utf8');
      expect(now === oldText || now === newText).toBe(true);
      seen.add(now === oldText ? 'old' : 'new');
      writeFileSync(target, oldText);
    }
    // The writer was running when killed: it replaced the file again after the reset at least once.
    expect(seen.has('new')).toBe(true);
  }, 60_000);
});

describe('the publish lock', () => {
  it('serialises writers in this process', async () => {
    const lock = path.join(work, 'serial.lock');
    const order: string[] = [];
    const job = (name: string, ms: number) =>
      withLock(lock, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name} out`);
      });
    await Promise.all([job('a', 60), job('b', 10), job('c', 1)]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for another process holding it, gives up with LockBusyError, and takes over a dead owner’s lock', async () => {
    const lock = path.join(work, 'process.lock');
    const holder = spawn(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(lock)}); require('fs').writeFileSync(${JSON.stringify(path.join(lock, 'owner'))}, process.pid + ' now'); setTimeout(() => {}, 60000);`], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    const start = Date.now();
    await expect(withLock(lock, async () => 'never', 400)).rejects.toBeInstanceOf(LockBusyError);
    expect(Date.now() - start).toBeGreaterThanOrEqual(400);
    // The holder dies without releasing: its lock is stale as soon as its pid is gone.
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    expect(existsSync(lock)).toBe(true);
    expect(await withLock(lock, async () => 'taken over', 2000)).toBe('taken over');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('readLimited', () => {
  const stream = (chunks: number, size: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });
  it('reads up to the limit and stops with UploadTooLargeError past it', async () => {
    expect((await readLimited(stream(4, 1000), 4000)).length).toBe(4000);
    await expect(readLimited(stream(5, 1000), 4000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect((await readLimited(null, 10)).length).toBe(0);
  });
});

describe('changes', () => {
  it('diff: added, removed, changed with the columns that changed, unchanged', () => {
    const live = [obs(), obs({ period: '2015', series: 'DSM-IV_2015-2019', estimate: 20.1 }), obs({ period: '2016', series: 'DSM-IV_2015-2019', estimate: 20.1 })];
    const next = [obs({ estimate: 22.7 }), obs({ period: '2015', series: 'DSM-IV_2015-2019', estimate: 20.1 }), obs({ period: '2017', series: 'DSM-IV_2015-2019', estimate: 19.7 })];
    const diff = diffObservations(live, next);
    expect(diff.added.map((o) => o.period)).toEqual(['2017']);
    expect(diff.removed.map((o) => o.period)).toEqual(['2016']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0].fields).toEqual(['estimate']);
    expect(diff.unchanged).toBe(1);
  });

  it('warnings: a move of more than half, disappearing rows, a new series, a new indicator, a dropped interval', () => {
    const live = [obs(), obs({ geography: 'CO', ci_lower: 20, ci_upper: 23, interval_type: 'credible' })];
    const next = [obs({ estimate: 33 }), obs({ geography: 'CA', series: 'DSM-5_2021-', indicator: 'new_thing' })];
    const warnings = changeWarnings(live, next, diffObservations(live, next), new Set(['sud_past_year']));
    expect(warnings.map((w) => w.code).sort()).toEqual(['large-change', 'new-indicator', 'new-series', 'rows-removed']);
    expect(warnings.find((w) => w.code === 'large-change')?.message).toMatch(/from 21\.5 to 33 \(\+53%\)/);
    // 21.5 → 30 is +40%: no warning.
    expect(changeWarnings([obs()], [obs({ estimate: 30 })], diffObservations([obs()], [obs({ estimate: 30 })]), new Set(['sud_past_year']))).toEqual([]);
    const dropped = [obs({ geography: 'CO', ci_lower: null, ci_upper: null, interval_type: null })];
    expect(changeWarnings([live[1]], dropped, diffObservations([live[1]], dropped), new Set(['sud_past_year'])).map((w) => w.code)).toEqual(['interval-removed']);
  });

  it('a SAMHSA table replaces only its indicator, unit, period and age groups, in place', () => {
    const live = [obs({ age_group: '12+' }), obs({ age_group: '12-20', estimate: 1 }), obs({ indicator: 'other' }), obs({ unit: 'percent', age_group: '12-20', estimate: 5 })];
    const table = [obs({ age_group: '12-20', estimate: 2 }), obs({ age_group: '12-20', geography: 'CO', estimate: 3 })];
    const { rows } = mergeTable(live, table);
    expect(rows.map((o) => `${o.indicator}/${o.unit}/${o.age_group}/${o.geography}/${o.estimate}`)).toEqual([
      'sud_past_year/millions/12+/US/21.5',
      'sud_past_year/millions/12-20/US/2',
      'sud_past_year/millions/12-20/CO/3',
      'other/millions/12+/US/21.5',
      'sud_past_year/percent/12-20/US/5',
    ]);
  });
});

describe('upload, publish and roll back (files on disk)', () => {
  const staff = { email: 'ed@example.org' };
  const live = () => readFileSync(path.join(process.env.ATLAS_DATA_DIR as string, 'national-estimates.csv'));
  const revised = (value: string) => Buffer.from(live().toString('utf8').replace(/^(sud_past_year,2014,US,12\+,millions,)[\d.]+,/m, `$1${value},`));

  it('rejects a malformed file with row and column, and changes nothing', async () => {
    const before = live();
    const report = await analyseUpload({ bytes: readFileSync(path.join(ROOT, 'tests/fixtures/csv/V22-interval-reversed.csv')), fileName: 'bad.csv', dataset: 'national-estimates', mode: 'replace', user: 'ed@example.org' });
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ row: 3, column: 'ci_lower', code: 'constraint-error' });
    expect(live().equals(before)).toBe(true);
    expect(existsSync(path.join(process.env.ATLAS_PRIVATE_DIR as string, 'uploads', `${report.uploadId}.csv`))).toBe(false);
  });

  it('publishes a checked revision atomically, keeps both versions, logs it, and rolls back', async () => {
    const original = live();
    const report = await analyseUpload({ bytes: revised('22.7'), fileName: 'rev.csv', dataset: 'national-estimates', mode: 'replace', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.diff).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(report.diff?.changedSample[0].before.estimate).toBe(21.5);
    expect(report.diff?.changedSample[0].after.estimate).toBe(22.7);
    await expect(publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: ' ', acknowledged: true, staff })).rejects.toMatchObject({ status: 400, code: 'note-required' });
    const result = await publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: 'Corrected the 2014 figure', acknowledged: false, staff });
    expect(sha256(live())).toBe(report.candidateHash);
    expect(live().toString()).toMatch(/^sud_past_year,2014,US,12\+,millions,22\.7,/m);

    // The package describes the new file, and the whole data folder still validates.
    const dir = process.env.ATLAS_DATA_DIR as string;
    const pkg = await readPackage(dir);
    const resource = pkg.resources.find((r) => r.name === 'national-estimates');
    expect(resource?.hash).toBe(report.candidateHash);
    expect(resource?.changes?.[0]).toMatchObject({ note: 'Corrected the 2014 figure', kind: 'publish', changed: 1, version: result.packageVersion });
    const log = new IssueLog();
    await checkPackage(pkg, dir, log);
    expect(log.errors).toEqual([]);

    // History: the bundled version and the new one; audit: one publish line with both hashes.
    const versions = listVersions('national-estimates');
    expect(versions.map((v) => v.kind)).toEqual(['publish', 'initial']);
    expect(versions[1].hash).toBe(sha256(original));
    const audit = readAudit().filter((e) => e.action === 'publish');
    expect(audit.at(-1)).toMatchObject({ user: staff.email, dataset: 'national-estimates', fromHash: sha256(original), toHash: report.candidateHash, version: result.version });

    // A second publish of the same upload is refused (it is gone), and a stale base hash is a conflict.
    await expect(publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: 'again', acknowledged: true, staff })).rejects.toMatchObject({ status: 404 });
    const stale = await analyseUpload({ bytes: revised('23.1'), fileName: 'rev2.csv', dataset: 'national-estimates', mode: 'replace', user: staff.email });
    const other = await analyseUpload({ bytes: revised('24.0'), fileName: 'rev3.csv', dataset: 'national-estimates', mode: 'replace', user: staff.email });
    await publishUpload({ uploadId: other.uploadId, baseHash: other.baseHash, note: 'Another revision', acknowledged: true, staff });
    const conflict = await publishUpload({ uploadId: stale.uploadId, baseHash: stale.baseHash, note: 'Late', acknowledged: true, staff }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(PublishError);
    expect((conflict as PublishError).status).toBe(409);
    expect(live().toString()).toMatch(/millions,24(\.0)?,/);

    // Roll back to the bundled version: itself a new version, audited.
    const initial = listVersions('national-estimates').find((v) => v.kind === 'initial');
    const back = await rollbackTo({ dataset: 'national-estimates', versionId: initial?.id as string, baseHash: sha256(live()), note: 'Back to the published figures', staff });
    expect(live().equals(original)).toBe(true);
    expect(listVersions('national-estimates')[0]).toMatchObject({ kind: 'rollback', restored: initial?.id, id: back.version });
    expect(readAudit().at(-1)).toMatchObject({ action: 'rollback', toHash: sha256(original) });
    await expect(rollbackTo({ dataset: 'national-estimates', versionId: initial?.id as string, baseHash: sha256(live()), note: 'again', staff })).rejects.toMatchObject({ code: 'already-live' });

    // History files are read-only and match their hashes.
    for (const v of listVersions('national-estimates')) {
      const file = path.join(process.env.ATLAS_PRIVATE_DIR as string, 'history', 'national-estimates', `${v.id}.csv`);
      expect(sha256(readFileSync(file))).toBe(v.hash);
      expect(statSync(file).mode & 0o222).toBe(0);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('a SAMHSA table as published adds its figures to the state dataset and leaves the rest', async () => {
    const table = readFileSync(path.join(ROOT, 'tests/fixtures/samhsa-family/NSDUHsaeExcelTab16-2019.csv'));
    const report = await analyseUpload({ bytes: table, fileName: 'Tab16.csv', dataset: 'state-estimates-2002-2019', mode: 'replace', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.format).toBe('samhsa-state-table');
    expect(report.diff).toMatchObject({ removed: 0, changed: 0 });
    expect(report.diff?.added).toBe(112);
    const checked = await ingest(table, { knownIndicators: new Set(), collect: true });
    expect(report.candidateObservations).toBe(report.liveObservations + checked.rows.length);
  });
});

describe('adding a dataset', () => {
  it('checks the name, needs a title, description and source, and lists the new dataset in the package', async () => {
    const staff = { email: 'ed@example.org' };
    const table = readFileSync(path.join(ROOT, 'tests/fixtures/samhsa-family/NSDUHsaeExcelTab27-2019.csv'));
    const taken = await analyseUpload({ bytes: table, fileName: 'Tab27.csv', dataset: 'national-estimates', mode: 'add', user: staff.email });
    expect(taken.ok).toBe(false);
    expect(taken.errors[0].message).toMatch(/exists already/);
    const report = await analyseUpload({ bytes: table, fileName: 'Tab27.csv', dataset: 'extra-table-27', mode: 'add', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.baseHash).toBeNull();
    expect(report.diff?.removed).toBe(0);
    await expect(publishUpload({ uploadId: report.uploadId, baseHash: null, note: 'New', acknowledged: true, staff, meta: { title: '', description: 'd', source: 's' } })).rejects.toMatchObject({ code: 'metadata-required' });
    await publishUpload({
      uploadId: report.uploadId,
      baseHash: null,
      note: 'Table 27 as a dataset of its own',
      acknowledged: true,
      staff,
      meta: { title: 'Table 27, 2018–2019', description: 'SAMHSA state table 27.', source: 'SAMHSA, 2018-2019 NSDUH State-Specific Tables', sourceUrl: 'https://www.samhsa.gov/data/' },
    });
    const dir = process.env.ATLAS_DATA_DIR as string;
    const pkg = await readPackage(dir);
    const added = pkg.resources.find((r) => r.name === 'extra-table-27');
    expect(added).toMatchObject({ path: 'extra-table-27.csv', title: 'Table 27, 2018–2019', observations: report.candidateObservations, sources: [{ title: 'SAMHSA, 2018-2019 NSDUH State-Specific Tables', path: 'https://www.samhsa.gov/data/' }] });
    expect(added?.changes?.[0]).toMatchObject({ kind: 'add', added: report.candidateObservations });
    const log = new IssueLog();
    await checkPackage(pkg, dir, log);
    expect(log.errors).toEqual([]);
    expect(readAudit().at(-1)).toMatchObject({ action: 'add-dataset', dataset: 'extra-table-27', fromHash: null });
  });
});

describe('the staff:add command', () => {
  it('creates an account from a password on stdin, and refuses a short one', () => {
    const env = { ...process.env, ATLAS_PRIVATE_DIR: path.join(work, 'cli-private') };
    const ok = spawnSync('npm', ['run', '--silent', 'staff:add', '--', 'cli@example.org'], { cwd: ROOT, env, input: 'a long enough password\n', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Created the staff account cli@example.org/);
    const accounts = JSON.parse(readFileSync(path.join(work, 'cli-private', 'staff.json'), 'utf8')).accounts;
    expect(accounts.map((a: { email: string }) => a.email)).toEqual(['cli@example.org']);
    const short = spawnSync('npm', ['run', '--silent', 'staff:add', '--', 'short@example.org'], { cwd: ROOT, env, input: 'short\n', encoding: 'utf8' });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
  });
});
