/**
 * The defences of issue 9, each with the attack that used to work: a crafted title published,
 * a broken live file that rollback refused to mend, a dataset nobody could remove, parallel
 * sign-ins past the limit, a flooded audit log, a forged X-Forwarded-For, a reset racing a
 * sign-out, and publish metadata of the wrong type.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, endSessions, findAccount } from '@/lib/admin/accounts';
import { appendAudit, auditEntriesNewestFirst, auditFiles, hasAuditEntry, newAuditEntry, readAuditPage } from '@/lib/store/audit';
import { listVersions } from '@/lib/store/history';
import { HASH_QUEUE_MAX, HashQueueFullError, hashPassword, verifyPassword, withHashSlot } from '@/lib/admin/passwords';
import { checkDatasetMeta, publishUpload, PublishError, removeDataset, rollbackTo } from '@/lib/admin/publish';
import { OncePerWindow } from '@/lib/admin/rate-limit';
import { attemptIn, MemoryLimits } from '@/lib/store/staff';
import { clientAddress } from '@/lib/admin/requests';
import { issueToken, staffFromToken } from '@/lib/admin/session';
import { analyseUpload, readStaged } from '@/lib/admin/uploads';
import { IssueLog } from '@/lib/import/issues';
import { checkPackage, readPackage, sha256, type DataPackage } from '@/lib/data/package';
import { forgetCachedData, getAllObservations, getDataset, unavailableDatasets } from '@/lib/store/live';

const ROOT = path.resolve(__dirname, '..', '..');
const staff = { email: 'ed@example.org' };
let work: string;
let data: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-hardening-'));
  data = path.join(work, 'data');
  process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
  process.env.ATLAS_DATA_DIR = data;
  mkdirSync(data);
  for (const f of ['datapackage.json', 'national-estimates.csv', 'state-estimates-2002-2019.csv', 'state-estimates-2021-on.csv']) copyFileSync(path.join(ROOT, 'data', f), path.join(data, f));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete process.env.ATLAS_PRIVATE_DIR;
  delete process.env.ATLAS_DATA_DIR;
  delete process.env.ATLAS_AUDIT_ROTATE_BYTES;
});

const pkgNow = () => JSON.parse(readFileSync(path.join(data, 'datapackage.json'), 'utf8')) as DataPackage;
const packageProblems = async () => {
  const log = new IssueLog();
  await checkPackage(await readPackage(data), data, log);
  return log.errors.map((e) => `${e.column}: ${e.message}`);
};

/**
 * Breaks a dataset the way a bad publish could: its live file no longer validates, while
 * datapackage.json still matches its bytes (so only validation, not the hash check, notices).
 */
function breakLiveFile(dataset: string, bytes: Buffer): void {
  const pkg = pkgNow();
  const r = pkg.resources.find((x) => x.name === dataset);
  if (!r) throw new Error(dataset);
  writeFileSync(path.join(data, r.path), bytes);
  r.bytes = bytes.length;
  r.hash = sha256(bytes);
  writeFileSync(path.join(data, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  forgetCachedData();
}

describe('the crafted-title attack, end to end on disk', () => {
  it('a SAMHSA table titled "Constructor" publishes as indicator constructor, and the package stays valid', async () => {
    const table = readFileSync(path.join(ROOT, 'data/sources/samhsa-sae-2018-2019/percentages/NSDUHsaeExcelTab01-2019.csv'), 'utf8').replace('Illicit Drug Use in the Past Month', 'Constructor');
    const report = await analyseUpload({ bytes: Buffer.from(table), fileName: 'Tab01.csv', dataset: 'crafted-title', mode: 'add', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.newIndicators.map((i) => i.name)).toEqual(['constructor']);
    await publishUpload({ uploadId: report.uploadId, baseHash: null, note: 'A crafted title', acknowledged: true, staff, meta: { title: 'Crafted', description: 'd', source: 's' } });
    expect(await packageProblems()).toEqual([]);
    const all = await getAllObservations();
    expect(all.filter((o) => o.dataset === 'crafted-title').every((o) => o.indicator === 'constructor')).toBe(true);
    expect(await unavailableDatasets()).toEqual([]);
  });
});

describe('publish re-reads what it is about to make live', () => {
  it('refuses a staged candidate that does not validate (422) and changes nothing', async () => {
    const bytes = readFileSync(path.join(data, 'national-estimates.csv'));
    const report = await analyseUpload({
      bytes: Buffer.from(bytes.toString('utf8').replace(/^(sud_past_year,2014,US,12\+,millions,)[\d.]+,/m, '$122.7,')),
      fileName: 'rev.csv',
      dataset: 'national-estimates',
      mode: 'replace',
      user: staff.email,
    });
    expect(report.ok).toBe(true);
    // Someone (or something) alters the staged file and its recorded hash in the private folder.
    const staged = await readStaged(report.uploadId);
    if (!staged) throw new Error('not staged');
    const tampered = Buffer.from(staged.csv.toString('utf8').replace(/^sud_past_year,2014,/m, 'function Object() { [native code] },2014,'));
    const dir = path.join(process.env.ATLAS_PRIVATE_DIR as string, 'uploads');
    writeFileSync(path.join(dir, `${report.uploadId}.csv`), tampered);
    writeFileSync(path.join(dir, `${report.uploadId}.json`), JSON.stringify({ ...staged.report, candidateHash: sha256(tampered) }));
    const before = pkgNow();
    await expect(publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: 'n', acknowledged: true, staff })).rejects.toMatchObject({ status: 422, code: 'invalid-candidate' });
    expect(readFileSync(path.join(data, 'national-estimates.csv')).equals(bytes)).toBe(true);
    expect(pkgNow()).toEqual(before);
  });

  it('refuses metadata of the wrong type or with line breaks (400), and keeps good metadata', () => {
    const bad: unknown[] = [
      undefined,
      [],
      'text',
      { title: 123, description: 'd', source: 's' },
      { title: 't', description: ['d'], source: 's' },
      { title: 't', description: 'd', source: { s: 1 } },
      { title: 't', description: 'd', source: 's', sourceUrl: ['https://example.org'] },
      { title: 't', description: 'd', source: 's', sourceUrl: 'javascript:alert(1)' },
      { title: 'Two\nlines', description: 'd', source: 's' },
      { title: 't', description: 'd', source: 'Two\r\nlines' },
      { title: 't\u2028u', description: 'd', source: 's' },
      { title: 'x'.repeat(201), description: 'd', source: 's' },
      { title: 't\u0007', description: 'd', source: 's' },
    ];
    for (const meta of bad) {
      let error: unknown;
      try {
        checkDatasetMeta(meta);
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(meta)).toBeInstanceOf(PublishError);
      expect((error as PublishError).status).toBe(400);
    }
    expect(checkDatasetMeta({ title: ' T ', description: 'Line one\nLine two', source: 'S', sourceUrl: 'https://www.samhsa.gov/data/' })).toEqual({
      title: 'T',
      description: 'Line one\nLine two',
      source: 'S',
      sourceUrl: 'https://www.samhsa.gov/data/',
    });
  });
});

describe('a live dataset that no longer validates', () => {
  const broken = Buffer.from('indicator,period\nfunction Object() { [native code] },2014\n');

  it('fails only its own views: the others load, and it says why', async () => {
    const good = readFileSync(path.join(data, 'state-estimates-2002-2019.csv'));
    // Its first replacement puts the bundled version in the history, so there is one to restore.
    const report = await analyseUpload({
      bytes: Buffer.from(good.toString('utf8').replace(/^(sud_past_year,2018-2019,AL,12\+,percent,)[\d.]+,/m, '$17.77,')),
      fileName: 'x.csv',
      dataset: 'state-estimates-2002-2019',
      mode: 'replace',
      user: staff.email,
    });
    expect(report.ok).toBe(true);
    await publishUpload({ uploadId: report.uploadId, baseHash: report.baseHash, note: 'n', acknowledged: true, staff });

    breakLiveFile('state-estimates-2002-2019', broken);
    const d = await getDataset('state-estimates-2002-2019');
    expect(d?.observations).toEqual([]);
    expect(d?.problem).toMatch(/does not pass validation/);
    const all = await getAllObservations();
    expect(all.some((o) => o.dataset === 'national-estimates')).toBe(true);
    expect(all.some((o) => o.dataset === 'state-estimates-2002-2019')).toBe(false);
    expect((await unavailableDatasets()).map((u) => u.resource.name)).toEqual(['state-estimates-2002-2019']);
  });

  it('can be restored from its history', async () => {
    const versions = listVersions('state-estimates-2002-2019');
    const bundled = versions.find((v) => v.kind === 'initial');
    if (!bundled) throw new Error('no bundled version');
    const result = await rollbackTo({ dataset: 'state-estimates-2002-2019', versionId: bundled.id, baseHash: sha256(broken), note: 'Mend the broken file', staff });
    expect(result.hash).toBe(bundled.hash);
    forgetCachedData();
    expect((await getDataset('state-estimates-2002-2019'))?.problem).toBeNull();
    expect(await packageProblems()).toEqual([]);
  });

  it('can be replaced whole by a canonical file, with a warning that says the live file is broken', async () => {
    const good = readFileSync(path.join(data, 'national-estimates.csv'));
    breakLiveFile('national-estimates', broken);
    const report = await analyseUpload({ bytes: good, fileName: 'whole.csv', dataset: 'national-estimates', mode: 'replace', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.warnings[0]).toMatchObject({ code: 'live-invalid' });
    await publishUpload({ uploadId: report.uploadId, baseHash: sha256(broken), note: 'Whole file again', acknowledged: true, staff });
    forgetCachedData();
    expect((await getDataset('national-estimates'))?.problem).toBeNull();
  });

  it('can be removed, keeping its history and leaving a valid package', async () => {
    breakLiveFile('crafted-title', broken);
    const versions = listVersions('crafted-title').length;
    await expect(removeDataset({ dataset: 'crafted-title', baseHash: 'sha256:stale', note: 'x', staff })).rejects.toMatchObject({ status: 409 });
    await expect(removeDataset({ dataset: 'crafted-title', baseHash: sha256(broken), note: ' ', staff })).rejects.toMatchObject({ code: 'note-required' });
    const result = await removeDataset({ dataset: 'crafted-title', baseHash: sha256(broken), note: 'Added by mistake', staff });
    expect(result).toMatchObject({ dataset: 'crafted-title', version: null, hash: null });
    expect(pkgNow().resources.map((r) => r.name)).not.toContain('crafted-title');
    expect(existsSync(path.join(data, 'crafted-title.csv'))).toBe(false);
    // The broken bytes that were live are kept too, for whoever investigates.
    const kept = listVersions('crafted-title');
    expect(kept.length).toBe(versions + 1);
    expect(kept[0]).toMatchObject({ hash: sha256(broken), kind: 'initial' });
    expect(await packageProblems()).toEqual([]);
    expect([...auditEntriesNewestFirst()][0]).toMatchObject({ action: 'remove-dataset', dataset: 'crafted-title', fromHash: sha256(broken), note: 'Added by mistake' });
    await expect(removeDataset({ dataset: 'crafted-title', baseHash: null, note: 'again', staff })).rejects.toMatchObject({ status: 404 });
  });
});

describe('sign-in limits', () => {
  it('count an attempt before it is checked, and give it back when it succeeds', () => {
    const limits = new MemoryLimits();
    const check = { limiter: 'test', key: 'k', max: 3, windowMs: 60_000 };
    const t0 = 1_000_000;
    // Three attempts counted at once (as parallel requests would be): the fourth is refused at once.
    const counted = [t0, t0 + 1, t0 + 2].map((t) => attemptIn(limits, [check], t).counted[0]);
    const refused = attemptIn(limits, [check], t0 + 3);
    expect(refused.wait).toBeGreaterThan(0);
    expect(refused.counted).toEqual([]);
    limits.forgive(counted[2]);
    expect(limits.wait(check, t0 + 3)).toBe(0);
    limits.forgive({ ...counted[2], time: 12345 }); // forgiving what was never counted changes nothing
    expect(limits.wait(check, t0 + 3)).toBe(0);
  });

  it('refuse a key after max attempts in the window, until the oldest leaves it; a refused attempt counts nowhere', () => {
    const limits = new MemoryLimits();
    const a = { limiter: 'test', key: 'a', max: 3, windowMs: 1000 };
    const b = { limiter: 'test', key: 'b', max: 100, windowMs: 1000 };
    for (const t of [0, 100, 200]) expect(attemptIn(limits, [a], t).wait).toBe(0);
    // Both checked: a is full, so neither is counted.
    expect(attemptIn(limits, [a, b], 250)).toMatchObject({ wait: 750, blocked: a, counted: [] });
    expect(limits.wait(b, 250)).toBe(0);
    expect(attemptIn(limits, [a], 1000).wait).toBe(0);
    expect(limits.wait(a, 1050)).toBe(50);
    limits.clear('test', 'a');
    expect(limits.wait(a, 1050)).toBe(0);
  });

  it('record a repeated refusal once per window, then say how many were left out', () => {
    const once = new OncePerWindow(60_000);
    expect(once.take('a', 0)).toEqual({ record: true, suppressed: 0 });
    for (let i = 1; i <= 500; i++) expect(once.take('a', i).record).toBe(false);
    expect(once.take('b', 600).record).toBe(true);
    expect(once.take('a', 60_001)).toEqual({ record: true, suppressed: 500 });
  });

  it('refuse hashes past the queue at once instead of queueing without end', async () => {
    // Stand-in hashes that finish only when the test says so: the slots and the queue fill exactly.
    const release: Array<() => void> = [];
    const slow = () => new Promise<string>((resolve) => release.push(() => resolve('checked')));
    const attempts = Array.from({ length: 2 + HASH_QUEUE_MAX + 6 }, () =>
      withHashSlot(slow).catch((err: unknown) => (err instanceof HashQueueFullError ? 'refused' : 'other')),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(release).toHaveLength(2); // two run; eight wait; six were refused at once
    while (release.length) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'checked')).toHaveLength(2 + HASH_QUEUE_MAX);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(6);
    // The real hash goes through the same slots.
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  });
});

describe('accounts', () => {
  it('a password reset racing a sign-out never leaves a session valid', async () => {
    await addAccount('race@example.org', 'the first long password');
    const v = (await findAccount('race@example.org'))?.sessionVersion as number;
    // The reset hashes (slowly) while the account signs out and signs in again.
    const reset = addAccount('race@example.org', 'a second long password', true);
    await endSessions('race@example.org');
    const signedInMeanwhile = await issueToken('race@example.org', v + 1);
    expect(await staffFromToken(signedInMeanwhile)).not.toBeNull();
    await reset;
    expect((await findAccount('race@example.org'))?.sessionVersion).toBe(v + 2);
    expect(await staffFromToken(signedInMeanwhile)).toBeNull();
    expect(await verifyPassword('a second long password', (await findAccount('race@example.org'))?.passwordHash as string)).toBe(true);
  }, 30_000);

  it('refuse an address longer than 254 characters', async () => {
    await expect(addAccount(`${'a'.repeat(250)}@example.org`, 'a long enough password')).rejects.toThrow(/not an email/);
  });
});

describe('the audit log', () => {
  it('keeps at most 254 characters of a user name', () => {
    expect(newAuditEntry({ user: 'x'.repeat(16 * 1024), action: 'sign-in-refused' }).user).toHaveLength(254);
  });

  it('rotates past its size limit, and reads newest first across files, a page at a time', async () => {
    process.env.ATLAS_AUDIT_ROTATE_BYTES = '4096';
    const before = [...auditEntriesNewestFirst()].length;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const e = newAuditEntry({ user: `user${i}@example.org`, action: 'sign-in', detail: 'x'.repeat(100) });
      ids.push(e.id);
      await appendAudit(e);
    }
    delete process.env.ATLAS_AUDIT_ROTATE_BYTES;
    const files = auditFiles();
    expect(files.length).toBeGreaterThan(2);
    expect(path.basename(files[0])).toBe('audit.log');
    for (const f of files.slice(1)) expect(path.basename(f)).toMatch(/^audit-\d{8}T\d{9}Z(-\d+)?\.log$/);
    for (const f of files) expect(statSync(f).size).toBeLessThan(4096 + 400);
    const newest = readAuditPage(0, 25);
    expect(newest.more).toBe(true);
    expect(newest.entries.map((e) => e.id)).toEqual(ids.slice(-25).reverse());
    expect(readAuditPage(1, 25).entries.map((e) => e.id)).toEqual(ids.slice(-50, -25).reverse());
    const all = [...auditEntriesNewestFirst()];
    expect(all).toHaveLength(before + 60);
    const first = all.find((e) => e.id === ids[0]);
    if (!first) throw new Error('first entry not found');
    expect(hasAuditEntry(first)).toBe(true);
    expect(hasAuditEntry({ id: 'no-such-id', time: new Date().toISOString() })).toBe(false);
    // The search stops a minute before the entry's time: an entry "from the future" is not looked for in the past.
    expect(hasAuditEntry({ id: ids[0], time: new Date(Date.now() + 3_600_000).toISOString() })).toBe(false);
  });

  it('orders files rotated in the same millisecond by their suffix', () => {
    const dir = process.env.ATLAS_PRIVATE_DIR as string;
    const names = ['audit-20200101T000000000Z.log', 'audit-20200101T000000000Z-1.log', 'audit-20200101T000000000Z-2.log', 'audit-20200101T000000000Z-10.log', 'audit-20191231T235959999Z.log'];
    for (const n of names) writeFileSync(path.join(dir, n), '');
    expect(auditFiles().map((f) => path.basename(f)).slice(-5)).toEqual([
      'audit-20200101T000000000Z-10.log',
      'audit-20200101T000000000Z-2.log',
      'audit-20200101T000000000Z-1.log',
      'audit-20200101T000000000Z.log',
      'audit-20191231T235959999Z.log',
    ]);
    for (const n of names) rmSync(path.join(dir, n));
  });

  it('reads the newest entries of a log far larger than any string, and skips torn lines', async () => {
    const file = path.join(process.env.ATLAS_PRIVATE_DIR as string, 'audit.log');
    for (const f of auditFiles()) rmSync(f);
    process.env.ATLAS_AUDIT_ROTATE_BYTES = String(2 ** 40); // no rotation: one huge file
    // 600 MB of zeros (a sparse file: no disk used) past the 512 MB a string can hold, then entries.
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('{"torn'), 0, 6, 600 * 1024 * 1024);
    writeSync(fd, Buffer.from('\n'));
    closeSync(fd);
    await appendAudit(newAuditEntry({ user: 'zeroth@example.org', action: 'sign-in' }));
    await appendAudit(newAuditEntry({ user: 'first@example.org', action: 'sign-in' }));
    writeFileSync(file, '{"torn line', { flag: 'a' });
    await appendAudit(newAuditEntry({ user: 'late@example.org', action: 'publish' }));
    expect(statSync(file).size).toBeGreaterThan(600 * 1024 * 1024);
    const page = readAuditPage(0, 2);
    expect(page.entries.map((x) => x.user)).toEqual(['late@example.org', 'first@example.org']);
    expect(page.more).toBe(true);
    delete process.env.ATLAS_AUDIT_ROTATE_BYTES;
    rmSync(file);
  }, 30_000);
});

describe('clientAddress', () => {
  const secret = 'test-secret-made-at-start-up';
  const request = (headers: Record<string, string>) => new Request('http://127.0.0.1/api/admin/login', { method: 'POST', headers });

  it('is the socket address, whatever X-Forwarded-For says, with no trusted proxy', () => {
    process.env.ATLAS_PEER_SECRET = secret;
    delete process.env.ATLAS_TRUSTED_PROXIES;
    expect(clientAddress(request({ 'x-atlas-peer': `${secret} 203.0.113.9`, 'x-forwarded-for': '10.0.0.1' }))).toBe('203.0.113.9');
    expect(clientAddress(request({ 'x-atlas-peer': `${secret} ::ffff:127.0.0.1` }))).toBe('127.0.0.1');
    expect(clientAddress(request({ 'x-atlas-peer': `${secret} ::1` }))).toBe('::1');
  });

  it('behind N trusted proxies, is the entry the outermost one added; entries to its left are the client’s and ignored', () => {
    process.env.ATLAS_PEER_SECRET = secret;
    process.env.ATLAS_TRUSTED_PROXIES = '1';
    const peer = { 'x-atlas-peer': `${secret} 10.1.1.1` };
    expect(clientAddress(request({ ...peer, 'x-forwarded-for': 'forged, 198.51.100.7' }))).toBe('198.51.100.7');
    process.env.ATLAS_TRUSTED_PROXIES = '2';
    expect(clientAddress(request({ ...peer, 'x-forwarded-for': 'forged, 198.51.100.7, 10.2.2.2' }))).toBe('198.51.100.7');
    process.env.ATLAS_TRUSTED_PROXIES = 'lots';
    expect(clientAddress(request({ ...peer, 'x-forwarded-for': 'forged' }))).toBe('10.1.1.1');
    delete process.env.ATLAS_TRUSTED_PROXIES;
  });

  it('never believes a peer header without the start-up secret', () => {
    process.env.ATLAS_PEER_SECRET = secret;
    expect(clientAddress(request({ 'x-atlas-peer': 'guess 192.0.2.1', 'x-forwarded-for': '192.0.2.2' }))).toBe('unknown');
    delete process.env.ATLAS_PEER_SECRET;
    expect(clientAddress(request({ 'x-atlas-peer': `${secret} 192.0.2.1` }))).toBe('unknown');
  });
});
