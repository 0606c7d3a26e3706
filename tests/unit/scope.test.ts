/**
 * Issue 10, item 7: datasets keep their meaning as they grow. SAMHSA's 2021 table published 280
 * DSM-5 observations into a dataset titled for 2018–2019 under DSM-IV, and nobody could fix the
 * title. On disk, in a data folder of its own (never the live data/): an upload outside a
 * dataset's scope is refused until staff widen the scope with a reason or make a new dataset;
 * coverage follows the rows through every publish and restore; title and description edits.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesNewestFirst } from '@/lib/store/audit';
import { listVersions } from '@/lib/store/history';
import { editDatasetWords, publishUpload, rollbackTo, wordsToken } from '@/lib/admin/publish';
import { analyseOutsideRows, analyseUpload } from '@/lib/admin/uploads';
import { checkPackage, PROFILE, readPackage, sha256, type DataPackage, type DataResource } from '@/lib/data/package';
import { IssueLog } from '@/lib/import/issues';
import { PACKAGE_COMPARABILITY, PACKAGE_QUALIFIERS, PACKAGE_SERIES, PACKAGE_UNITS } from '@/lib/data/package-vocabulary';

const ROOT = path.resolve(__dirname, '..', '..');
const TABLE_2019 = path.join(ROOT, 'data/sources/samhsa-sae-2018-2019/percentages/NSDUHsaeExcelTab01-2019.csv');
const TABLE_2021 = path.join(ROOT, 'data/sources/samhsa-sae-2021/percentages/NSDUHsaeExcelTab01-2021.csv');
const DATASET = 'state-2002-2019';
const SCOPE_2002_2019 = ['DSM-IV_2002-2014', 'DSM-IV_2015-2019', 'NSDUH_2002-2019'];
const TITLE = 'State estimates, 2002–2019';
const DESCRIPTION = 'SAMHSA’s state estimates before the 2020 changes. DSM-IV; not comparable with 2020 and later.';
const staff = { email: 'ed@example.org' };

let work: string;
let data: string;

const packageFile = () => path.join(data, 'datapackage.json');
const pkgNow = () => JSON.parse(readFileSync(packageFile(), 'utf8')) as DataPackage;
const resourceNow = (name = DATASET) => pkgNow().resources.find((r) => r.name === name) as DataResource;
const liveCsv = () => readFileSync(path.join(data, `${DATASET}.csv`));
const audit = () => [...auditEntriesNewestFirst()];
const packageProblems = async () => {
  const log = new IssueLog();
  await checkPackage(await readPackage(data), data, log);
  return log.errors.map((e) => `${e.column}: ${e.message}`);
};
/** Changes the package as data:build would write it (a scope declared, words set), outside the staff pages. */
function rewriteResource(change: (r: DataResource) => void): void {
  const pkg = pkgNow();
  change(pkg.resources.find((r) => r.name === DATASET) as DataResource);
  writeFileSync(packageFile(), `${JSON.stringify(pkg, null, 2)}\n`);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-scope-'));
  data = path.join(work, 'data');
  process.env.ATLAS_PRIVATE_DIR = path.join(work, 'private');
  process.env.ATLAS_DATA_DIR = data;
  mkdirSync(data);
  // A package with no dataset yet: the vocabulary from code, nothing from the live data/.
  const pkg: DataPackage = {
    $schema: PROFILE,
    name: 'scope-test',
    title: 'Scope test',
    description: 'A package for the scope tests.',
    version: '1.0.0',
    created: '2026-01-01T00:00:00.000Z',
    licenses: [{ name: 'PDDL-1.0' }],
    sources: [{ title: 'SAMHSA' }],
    resources: [],
    indicators: [],
    series: PACKAGE_SERIES,
    comparability: PACKAGE_COMPARABILITY,
    qualifiers: PACKAGE_QUALIFIERS,
    units: PACKAGE_UNITS,
  };
  writeFileSync(packageFile(), `${JSON.stringify(pkg, null, 2)}\n`);
  // The 2018-2019 state table as the first file of a dataset, whose scope is then declared as the
  // 2002-2019 series (what data:build writes for state-estimates-2002-2019).
  const first = await analyseUpload({ bytes: readFileSync(TABLE_2019), fileName: 'Tab01-2019.csv', dataset: DATASET, mode: 'add', user: staff.email });
  expect(first.ok).toBe(true);
  await publishUpload({ uploadId: first.uploadId, baseHash: null, note: 'First table', acknowledged: true, staff, meta: { title: 'Table 1', description: 'd', source: 'SAMHSA, 2018-2019 NSDUH State-Specific Tables' } });
  rewriteResource((r) => {
    r.scope = { series: SCOPE_2002_2019 };
    r.title = TITLE;
    r.description = DESCRIPTION;
  });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  delete process.env.ATLAS_PRIVATE_DIR;
  delete process.env.ATLAS_DATA_DIR;
});

describe('an upload outside a dataset’s scope', () => {
  let uploadId = '';
  let baseHash: string | null = null;

  it('the reproduced case: SAMHSA’s 2021 table uploaded to the 2002–2019 dataset is refused (409 outside-scope) and the live data stay as they were', async () => {
    const report = await analyseUpload({ bytes: readFileSync(TABLE_2021), fileName: 'NSDUHsaeExcelTab01-2021.csv', dataset: DATASET, mode: 'replace', user: staff.email });
    expect(report.ok).toBe(true);
    expect(report.formatLabel).toBe('a SAMHSA state table');
    expect(report.diff?.added).toBe(280);
    expect(report.outsideScope).toEqual([{ series: 'DSM-5_2021+', title: '2021 onward (DSM-5, web and in-person)', rows: 280 }]);
    expect(report.outsideScopeMessage).toBe('280 rows are in the series 2021 onward (DSM-5, web and in-person), which this dataset — State estimates, 2002–2019 — does not hold.');
    expect(report.outsideRows).toBe(280);
    expect(report.target).toMatchObject({ title: TITLE, description: DESCRIPTION, scope: SCOPE_2002_2019.map((series) => ({ series, title: expect.any(String) })) });
    uploadId = report.uploadId;
    baseHash = report.baseHash;

    const csvBefore = liveCsv();
    const packageBefore = readFileSync(packageFile());
    const refused = await publishUpload({ uploadId, baseHash, note: 'The 2021 table', acknowledged: true, staff }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'outside-scope', detail: { outside: report.outsideScope } });
    expect((refused as Error).message).toMatch(/^280 rows are in the series 2021 onward \(DSM-5, web and in-person\), which this dataset — State estimates, 2002–2019 — does not hold\. Nothing was changed\./);
    // A widening needs a reason.
    await expect(publishUpload({ uploadId, baseHash, note: 'The 2021 table', acknowledged: true, staff, widenScope: true, scopeReason: '  ' })).rejects.toMatchObject({ status: 400, code: 'scope-reason-required' });
    expect(liveCsv().equals(csvBefore)).toBe(true);
    expect(readFileSync(packageFile()).equals(packageBefore)).toBe(true);
    expect(audit().some((e) => e.action === 'publish' || e.action === 'widen-scope')).toBe(false);
  });

  it('its rows can become a new dataset instead, whose scope is their series', async () => {
    const split = await analyseOutsideRows({ uploadId, dataset: 'state-2021-on', user: staff.email });
    expect(split).not.toBeNull();
    expect(split?.ok).toBe(true);
    expect(split?.mode).toBe('add');
    expect(split?.candidateObservations).toBe(280);
    expect(split?.newScope).toEqual([{ series: 'DSM-5_2021+', title: '2021 onward (DSM-5, web and in-person)' }]);
    expect(split?.formatLabel).toBe('the rows of NSDUHsaeExcelTab01-2021.csv (a SAMHSA state table) outside “State estimates, 2002–2019”');
    await publishUpload({
      uploadId: split?.uploadId as string,
      baseHash: null,
      note: 'The 2021 table, in a dataset of its own',
      acknowledged: true,
      staff,
      meta: { title: 'State estimates, 2021 onward', description: 'DSM-5.', source: 'SAMHSA, 2021 NSDUH State-Specific Tables' },
    });
    expect(resourceNow('state-2021-on')).toMatchObject({ observations: 280, scope: { series: ['DSM-5_2021+'] }, coverage: { periods: ['2021'], series: ['DSM-5_2021+'], indicators: 1, states: true } });
    // The 2002–2019 dataset did not change, so the original upload can still be published there.
    expect(sha256(liveCsv())).toBe(baseHash);
    expect(await packageProblems()).toEqual([]);
  });

  it('widened with a reason, it is published: the scope takes in the series, the audit log says who and why, the title and description are revised with it', async () => {
    const before = resourceNow();
    const result = await publishUpload({
      uploadId,
      baseHash,
      note: 'Added the 2021 table.',
      acknowledged: true,
      staff,
      widenScope: true,
      scopeReason: 'This dataset is to hold every state release',
      meta: { title: 'State estimates, 2018–2019 and 2021', description: 'SAMHSA’s state estimates. 2018–2019 is DSM-IV; 2021 is DSM-5 and not comparable with it.' },
    });
    const after = resourceNow();
    expect(after.scope).toEqual({ series: ['DSM-IV_2002-2014', 'DSM-IV_2015-2019', 'DSM-5_2021+', 'NSDUH_2002-2019'] });
    expect(before.coverage).toEqual({ periods: ['2018-2019'], series: ['DSM-IV_2015-2019'], indicators: 1, states: true });
    expect(after.coverage).toEqual({ periods: ['2018-2019', '2021'], series: ['DSM-IV_2015-2019', 'DSM-5_2021+'], indicators: 1, states: true });
    expect(after.observations).toBe(560);
    expect(after.title).toBe('State estimates, 2018–2019 and 2021');
    expect(after.changes?.[0]).toMatchObject({ kind: 'publish', version: result.packageVersion, added: 280 });
    expect(after.changes?.[0].note).toBe(
      'Added the 2021 table. Its scope now also takes in 2021 onward (DSM-5, web and in-person): This dataset is to hold every state release. Title and description revised.',
    );
    const [words, widen, publish] = audit();
    expect(publish).toMatchObject({ action: 'publish', dataset: DATASET, toHash: result.hash });
    expect(widen).toMatchObject({
      action: 'widen-scope',
      user: staff.email,
      dataset: DATASET,
      note: 'This dataset is to hold every state release',
      before: { scope: SCOPE_2002_2019 },
      after: { scope: after.scope?.series },
      version: result.version,
    });
    expect(words).toMatchObject({ action: 'edit-metadata', before: { title: TITLE, description: DESCRIPTION }, after: { title: after.title, description: after.description } });
    expect(await packageProblems()).toEqual([]);
  });

  it('coverage follows the rows after a rollback, and the package stays valid', async () => {
    const previous = listVersions(DATASET)[1];
    await rollbackTo({ dataset: DATASET, versionId: previous.id, baseHash: sha256(liveCsv()), note: 'Back to 2018–2019 only', staff });
    expect(resourceNow().coverage).toMatchObject({ periods: ['2018-2019'], indicators: 1 });
    expect(resourceNow().coverage?.series).not.toContain('DSM-5_2021+');
    expect(resourceNow().observations).toBe(280);
    expect(await packageProblems()).toEqual([]);
  });

  it('a restore of a version holding series outside the scope widens it, and the audit log says so', async () => {
    rewriteResource((r) => {
      r.scope = { series: SCOPE_2002_2019 };
    });
    const with2021 = listVersions(DATASET).find((v) => v.observations === 560);
    if (!with2021) throw new Error('no version with the 2021 rows');
    await rollbackTo({ dataset: DATASET, versionId: with2021.id, baseHash: sha256(liveCsv()), note: 'The 2021 rows again', staff });
    expect(resourceNow().scope?.series).toContain('DSM-5_2021+');
    expect(resourceNow().coverage?.periods).toEqual(['2018-2019', '2021']);
    expect(audit()[0]).toMatchObject({ action: 'widen-scope', note: `Restoring version ${with2021.id}, which holds these series.` });
    expect(await packageProblems()).toEqual([]);
  });
});

describe('editing a dataset’s title and description', () => {
  it('writes datapackage.json under the lock: the package stays valid, its version is patch-bumped, the changelog and the audit log have the change', async () => {
    const before = resourceNow();
    const version = pkgNow().version;
    const csv = liveCsv();
    const result = await editDatasetWords({
      dataset: DATASET,
      base: wordsToken(before),
      title: '  State estimates, 2002 onward  ',
      description: before.description,
      note: 'The dataset now holds 2021 as well.',
      staff,
    });
    const [major, minor, patch] = version.split('.').map(Number);
    expect(result.packageVersion).toBe(`${major}.${minor}.${patch + 1}`);
    const after = resourceNow();
    expect(pkgNow().version).toBe(result.packageVersion);
    expect(after).toMatchObject({ title: 'State estimates, 2002 onward', description: before.description, hash: before.hash, lastModified: before.lastModified, coverage: before.coverage });
    expect(after.changes?.[0]).toEqual({ version: result.packageVersion, date: expect.any(String), kind: 'metadata', note: 'The dataset now holds 2021 as well.', added: 0, removed: 0, changed: 0, hash: before.hash });
    expect(audit()[0]).toMatchObject({ action: 'edit-metadata', user: staff.email, dataset: DATASET, before: { title: before.title }, after: { title: 'State estimates, 2002 onward' } });
    expect(audit()[0].before).not.toHaveProperty('description');
    expect(liveCsv().equals(csv)).toBe(true);
    expect(await packageProblems()).toEqual([]);

    // A save against the words as they were (someone else saved meanwhile) is a conflict; the same words are nothing to save.
    await expect(editDatasetWords({ dataset: DATASET, base: wordsToken(before), title: 'Other', description: 'Other', note: 'n', staff })).rejects.toMatchObject({ status: 409, code: 'conflict' });
    await expect(editDatasetWords({ dataset: DATASET, base: wordsToken(after), title: after.title, description: after.description, note: 'n', staff })).rejects.toMatchObject({ status: 400, code: 'unchanged' });
  });

  it('refuses an invalid title or description and changes nothing', async () => {
    const packageBefore = readFileSync(packageFile());
    const r = resourceNow();
    const edit = (title: unknown, description: unknown = r.description, note: unknown = 'n') => editDatasetWords({ dataset: DATASET, base: wordsToken(r), title, description, note, staff });
    for (const title of ['=HYPERLINK("https://evil.example")', '  +1 estimates', '-State estimates', '@SUM(A1)', 'Two\nlines', 'x'.repeat(201), 42, ['a']]) {
      await expect(edit(title), String(title)).rejects.toMatchObject({ status: 400, code: 'metadata-invalid' });
    }
    await expect(edit('   ')).rejects.toMatchObject({ status: 400, code: 'metadata-required' });
    await expect(edit('Fine', '=cmd|calc')).rejects.toMatchObject({ status: 400, code: 'metadata-invalid' });
    await expect(edit('Fine', 'd'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 'metadata-invalid' });
    await expect(edit('Fine', r.description, ' ')).rejects.toMatchObject({ status: 400, code: 'note-required' });
    await expect(editDatasetWords({ dataset: 'no-such-dataset', base: null, title: 'Fine', description: 'Fine', note: 'n', staff })).rejects.toMatchObject({ status: 404 });
    expect(readFileSync(packageFile()).equals(packageBefore)).toBe(true);
  });
});

describe('the package check', () => {
  it('says when a recorded coverage is not what the file holds, or rows fall outside the scope', async () => {
    const good = readFileSync(packageFile());
    try {
      rewriteResource((r) => {
        if (r.coverage) r.coverage = { ...r.coverage, periods: ['2018-2019'] };
      });
      expect(await packageProblems()).toEqual([expect.stringMatching(/^resources\[0\]\.coverage: The coverage of state-2002-2019 in datapackage\.json is not what state-2002-2019\.csv holds: periods says 2018-2019, the file has 2018-2019, 2021\./)]);
      writeFileSync(packageFile(), good);
      rewriteResource((r) => {
        r.scope = { series: ['DSM-IV_2015-2019'] };
      });
      expect(await packageProblems()).toEqual([expect.stringMatching(/^resources\[0\]\.scope: state-2002-2019\.csv holds rows in DSM-5_2021\+, outside the scope/)]);
      rewriteResource((r) => {
        r.scope = { series: ['DSM-6'] };
      });
      expect(await packageProblems()).toEqual([expect.stringMatching(/^resources\[0\]\.scope: The scope of state-2002-2019 must be/)]);
    } finally {
      writeFileSync(packageFile(), good);
    }
    expect(await packageProblems()).toEqual([]);
  });
});

describe('the upload report’s summary', () => {
  it('names an archive by what it is and how many tables it holds', async () => {
    const zip = await analyseUpload({ bytes: readFileSync(path.join(ROOT, 'tests/fixtures/zips/samhsa-2021-three-tables.zip')), fileName: 'three.zip', dataset: 'zip-test', mode: 'add', user: staff.email });
    // Two CSV tables and a description file: the description is not a table.
    expect(zip.formatLabel).toBe('a SAMHSA ZIP of 2 tables');
    const workbook = await analyseUpload({ bytes: readFileSync(path.join(ROOT, 'data/sources/samhsa-sae-workbooks/2014-2015/NSDUHsaeTotals2015.xlsx')), fileName: 'totals.xlsx', dataset: 'workbook-test', mode: 'add', user: staff.email });
    expect(workbook.formatLabel).toMatch(/^a SAMHSA workbook of \d+ tables$/);
    expect(Number(/of (\d+)/.exec(workbook.formatLabel)?.[1])).toBeGreaterThan(1);
  });
});
