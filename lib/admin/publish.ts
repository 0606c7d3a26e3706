/**
 * Publishing: the one way live data changes at run time, as staff ask for it.
 *
 * This file is the staff side: it checks the request (a release note, the metadata of a new
 * dataset, the scope), compares the live CSV's hash with the one the staff member previewed (409 if
 * someone published meanwhile), and builds the change: the versions to keep, the package as it will
 * be, the audit lines. The store (lib/store/store.ts) makes that change durable and live as one
 * change — under the file store's lock and journal, or in one PostgreSQL transaction.
 */
import { ingest } from '../import/ingest';
import { firstProblem } from '../import/issues';
import { coverageOf, sha256, type DataPackage, type DataResource, type IndicatorMeta, type ResourceChange } from '../data/package';
import { CANONICAL_SCHEMA, isIndicatorName, TEXT_PATTERN, type Observation } from '../vocabulary/schema';
import { newAuditEntry, type AuditEntry } from '../store/audit';
import { step, type Journal } from '../store/commit';
import { versionId, type VersionMeta } from '../store/history';
import { getStore } from '../store/store';
import { changeWarnings, diffObservations, summarizeDiff, type ChangeWarning, type DiffSummary } from './changes';
import { outsideScopeMessage, rowsOutsideScope, titled, widenedScope } from './scope';
import type { Staff } from './session';
import { readLive, readStaged, removeStaged } from './uploads';

export class PublishError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More for the client to act on (the series outside a dataset's scope), sent beside the message. */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A data change is a minor version of the package; a change of words only (title, description), a patch. */
const bumpMinor = (v: string) => {
  const [major, minor] = v.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
};
const bumpPatch = (v: string) => {
  const [major, minor, patch] = v.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
};

export interface NewDatasetMeta {
  title: string;
  description: string;
  source: string;
  sourceUrl?: string;
}

interface Commit {
  dataset: string;
  kind: 'publish' | 'rollback' | 'add' | 'remove';
  /** The CSV going live; null when the dataset is removed. */
  csv: Buffer | null;
  baseHash: string | null;
  note: string;
  staff: Staff;
  counts: { added: number; removed: number; changed: number };
  newIndicators: IndicatorMeta[];
  meta?: NewDatasetMeta;
  /** A new title and description for an existing dataset, published with its data. */
  retitle?: DatasetWords;
  /** Staff's consent to widen the dataset's scope to the series the data brings, with their reason. */
  widen?: { reason: string };
  restored?: string;
  address?: string;
}

export interface DatasetWords {
  title: string;
  description: string;
}

export interface PublishResult {
  dataset: string;
  /** The history version that went live (null for a removal). */
  version: string | null;
  packageVersion: string;
  hash: string | null;
}

/**
 * The last line of defence: the candidate is read back exactly as every page will read it, with
 * the indicators the package will have, and refused unless it is valid. Whatever slipped past the
 * upload checks (or was tampered with in the private folder) never reaches the live data.
 */
async function checkCandidate(csv: Buffer, indicators: readonly IndicatorMeta[], added: readonly IndicatorMeta[]): Promise<Observation[]> {
  const bad = added.find((i) => !isIndicatorName(i.name));
  if (bad) throw new PublishError(422, 'invalid-candidate', `The indicator ${JSON.stringify(String(bad.name)).slice(0, 100)} is not a valid identifier. Nothing was changed.`);
  const result = await ingest(csv, { knownIndicators: new Set(indicators.map((i) => i.name)), encoding: 'utf-8', collect: true });
  if (!result.ok) throw new PublishError(422, 'invalid-candidate', `The data to publish does not read back as valid ${firstProblem(result.errors)} Nothing was changed.`);
  return result.rows;
}

const sentence = (text: string) => (/[.!?…”’"')]$/.test(text) ? text : `${text}.`);

/** The words of a dataset that changed, before and after, for the audit log (nothing when none did). */
function wordsChanged(before: DatasetWords, after: DatasetWords | undefined): { before: Partial<DatasetWords>; after: Partial<DatasetWords>; fields: (keyof DatasetWords)[] } | null {
  if (!after) return null;
  const fields = (['title', 'description'] as const).filter((k) => before[k] !== after[k]);
  if (!fields.length) return null;
  return { before: Object.fromEntries(fields.map((k) => [k, before[k]])), after: Object.fromEntries(fields.map((k) => [k, after[k]])), fields };
}

const revised = (fields: readonly (keyof DatasetWords)[]) => (fields.length === 2 ? 'Title and description revised.' : fields[0] === 'title' ? 'Title revised.' : 'Description revised.');

async function commit(c: Commit): Promise<PublishResult> {
  return (await getStore()).change(async (tx) => {
    const pkg = JSON.parse(tx.packageText) as DataPackage;
    const existing = pkg.resources.find((r) => r.name === c.dataset);
    if (c.kind === 'add' && existing) throw new PublishError(409, 'conflict', `A dataset named “${c.dataset}” was added meanwhile. Nothing was changed.`);
    if (c.kind !== 'add' && !existing) throw new PublishError(404, 'not-found', `There is no dataset “${c.dataset}”.`);
    if (c.kind === 'remove' && pkg.resources.length === 1) throw new PublishError(400, 'last-dataset', 'This is the only dataset; the atlas needs at least one. Replace its data instead.');
    const livePath = existing?.path ?? `${c.dataset}.csv`;
    const liveBytes = await tx.liveFile(livePath);
    const liveHash = liveBytes ? sha256(liveBytes) : null;
    if (c.kind === 'add' && liveBytes) throw new PublishError(409, 'conflict', `A file ${livePath} is already in the data folder. Nothing was changed.`);
    if (liveHash !== c.baseHash) {
      throw new PublishError(
        409,
        'conflict',
        'The live data changed after you checked this file — someone else published in the meantime. Nothing was changed. Upload your file again to see its differences from the data that is live now.',
      );
    }
    const known = new Set(pkg.indicators.map((i) => i.name));
    const indicators = [...pkg.indicators, ...c.newIndicators.filter((i) => !known.has(i.name))];
    const now = new Date();
    const hash = c.csv ? sha256(c.csv) : null;
    const rows = c.csv ? await checkCandidate(c.csv, indicators, c.newIndicators) : [];
    const observations = rows.length;
    const coverage = coverageOf(rows);

    // Scope: rows outside the series the dataset is declared to hold go live only with staff's
    // consent (a publish) or because they were live before (a restore widens it, and says so).
    const outside = existing && c.csv ? rowsOutsideScope(existing, rows) : [];
    if (existing && outside.length && c.kind === 'publish' && !c.widen) {
      throw new PublishError(
        409,
        'outside-scope',
        `${outsideScopeMessage(existing.title, outside)} Nothing was changed. Say where they belong: widen this dataset’s scope (with a reason), or publish them as a new dataset.`,
        { outside, scope: titled(existing.scope?.series ?? []) },
      );
    }
    const scopeBefore = existing?.scope?.series ?? [];
    const scopeAfter = outside.length ? widenedScope(scopeBefore, outside.map((s) => s.series)) : scopeBefore;
    const widenReason = outside.length ? (c.widen?.reason ?? `Restoring version ${c.restored}, which holds these series.`) : null;
    const words = existing ? wordsChanged(existing, c.retitle) : null;

    // 1. The version that is live now is in the history (the bundled data has no entry until its first replacement).
    const versions = await tx.listVersions(c.dataset);
    let previous: VersionMeta | null = versions.find((v) => v.hash === liveHash) ?? null;
    if (liveBytes && liveHash && !previous) {
      previous = {
        id: versionId(new Date(existing?.lastModified ?? now), liveHash),
        dataset: c.dataset,
        hash: liveHash,
        bytes: liveBytes.length,
        observations: existing?.observations ?? 0,
        time: existing?.lastModified ?? now.toISOString(),
        user: existing?.changes?.length ? 'unknown (changed outside the staff pages)' : 'data:build (bundled data)',
        kind: 'initial',
        note: existing?.changes?.length
          ? 'The live file as found before this change; it was not in the history, so it was changed by other means.'
          : 'The data as bundled with the application, before its first change through the staff pages.',
        previous: null,
        counts: null,
      };
      await tx.keepVersion(previous, liveBytes);
    }
    await step();

    // 2. The new version (none for a removal).
    let meta: VersionMeta | null = null;
    if (c.csv && hash && c.kind !== 'remove') {
      meta = {
        id: versionId(now, hash),
        dataset: c.dataset,
        hash,
        bytes: c.csv.length,
        observations,
        time: now.toISOString(),
        user: c.staff.email,
        kind: c.kind,
        note: c.note,
        previous: previous?.id ?? null,
        counts: c.counts,
        ...(c.restored ? { restored: c.restored } : {}),
      };
      await tx.keepVersionBytes(c.dataset, meta.id, c.csv);
    }
    await step();

    // 3. The package as it will be.
    const version = bumpMinor(pkg.version);
    let resources: DataResource[];
    if (!meta || !hash || !c.csv) {
      resources = pkg.resources.filter((r) => r.name !== c.dataset);
    } else {
      // The public changelog says when the dataset's meaning changed with its data.
      const publicNote = [
        c.note,
        ...(widenReason ? [`Its scope now also takes in ${outside.map((s) => s.title).join(' and ')}: ${sentence(widenReason)}`] : []),
        ...(words ? [revised(words.fields)] : []),
      ].join(' ');
      const change: ResourceChange = { version, date: meta.time, kind: c.kind as ResourceChange['kind'], note: publicNote, ...c.counts, hash };
      let resource: DataResource;
      if (existing) {
        resource = {
          ...existing,
          ...(words ? { title: c.retitle?.title as string, description: c.retitle?.description as string } : {}),
          ...(outside.length ? { scope: { series: scopeAfter } } : {}),
          bytes: c.csv.length,
          hash,
          lastModified: meta.time,
          observations,
          coverage,
          changes: [change, ...(existing.changes ?? [])],
        };
      } else {
        const template = pkg.resources[0];
        const m = c.meta as NewDatasetMeta;
        resource = {
          name: c.dataset,
          title: m.title,
          description: m.description,
          path: livePath,
          type: 'table',
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes: c.csv.length,
          hash,
          dialect: template?.dialect ?? { header: true, delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true },
          schema: CANONICAL_SCHEMA,
          sources: [{ title: m.source, ...(m.sourceUrl ? { path: m.sourceUrl } : {}) }],
          // A new dataset holds the series of its first file; rows of other series need staff's say.
          scope: { series: coverage.series },
          lastModified: meta.time,
          observations,
          coverage,
          changes: [change],
        };
      }
      resources = existing ? pkg.resources.map((r) => (r.name === c.dataset ? resource : r)) : [...pkg.resources, resource];
    }
    const next: DataPackage = { ...pkg, version, resources, indicators };
    const action = c.kind === 'add' ? 'add-dataset' : c.kind === 'remove' ? 'remove-dataset' : c.kind;
    const audit = newAuditEntry(
      {
        user: c.staff.email,
        action,
        dataset: c.dataset,
        fromHash: liveHash,
        ...(hash ? { toHash: hash } : {}),
        ...(meta ? { version: meta.id } : {}),
        note: c.note,
        detail: `+${c.counts.added} −${c.counts.removed} ~${c.counts.changed}${c.restored ? `; restores ${c.restored}` : ''}; package ${pkg.version} → ${version}`,
        ...(c.address ? { address: c.address } : {}),
      },
      now,
    );
    const moreAudit: AuditEntry[] = [];
    if (widenReason) {
      moreAudit.push(
        newAuditEntry(
          {
            user: c.staff.email,
            action: 'widen-scope',
            dataset: c.dataset,
            fromHash: liveHash,
            ...(hash ? { toHash: hash } : {}),
            ...(meta ? { version: meta.id } : {}),
            note: widenReason,
            detail: `${outside.map((s) => `${s.rows} rows in ${s.series}`).join(', ')}; scope ${scopeBefore.join(', ') || 'none'} → ${scopeAfter.join(', ')}`,
            before: { scope: scopeBefore },
            after: { scope: scopeAfter },
            ...(c.address ? { address: c.address } : {}),
          },
          now,
        ),
      );
    }
    if (words) {
      moreAudit.push(
        newAuditEntry(
          { user: c.staff.email, action: 'edit-metadata', dataset: c.dataset, note: c.note, detail: `${revised(words.fields)} With the publish of ${meta?.id}`, before: words.before, after: words.after, ...(c.address ? { address: c.address } : {}) },
          now,
        ),
      );
    }
    const journal: Journal = { dataset: c.dataset, path: livePath, meta, packageText: `${JSON.stringify(next, null, 2)}\n`, audit, ...(moreAudit.length ? { moreAudit } : {}) };

    // 4. Live: the CSV, the package, the version listed, the audit lines (one journal or one transaction).
    await tx.apply(journal);
    return { dataset: c.dataset, version: meta?.id ?? null, packageVersion: version, hash };
  });
}

const NOTE_MAX = 2000;

function checkNote(note: unknown, what = 'release note'): string {
  if (note !== undefined && note !== null && typeof note !== 'string') throw new PublishError(400, 'note-invalid', `The ${what} must be text.`);
  const text = typeof note === 'string' ? note.trim() : '';
  if (!text) throw new PublishError(400, 'note-required', 'Write a release note: what changed and why (researchers read it on the dataset’s page).');
  if (text.length > NOTE_MAX) throw new PublishError(400, 'note-too-long', `The ${what} must be at most ${NOTE_MAX} characters.`);
  return text;
}

const FORMULA_SAFE = new RegExp(TEXT_PATTERN);

/**
 * One piece of a dataset's descriptive text, checked for type and form: text, within `limit`, free
 * of control characters, not beginning like a spreadsheet formula (=, +, -, @: the canonical
 * format's rule for text, as the catalog's CSV and citation downloads carry it), and one line when
 * it goes into RIS and BibTeX citations (where a line break starts a new field). Undefined when
 * blank and not required.
 */
function textField(value: unknown, label: string, limit: number, options: { required: boolean; oneLine: boolean; missing: string }): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (options.required) throw new PublishError(400, 'metadata-required', options.missing);
    return undefined;
  }
  if (typeof value !== 'string') throw new PublishError(400, 'metadata-invalid', `The ${label} must be text.`);
  const text = value.trim();
  if (!text) {
    if (options.required) throw new PublishError(400, 'metadata-required', options.missing);
    return undefined;
  }
  if (text.length > limit) throw new PublishError(400, 'metadata-invalid', `The ${label} must be at most ${limit} characters.`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new PublishError(400, 'metadata-invalid', `The ${label} holds control characters.`);
  if (options.oneLine && /[\r\n\u2028\u2029\u0085]/.test(text)) throw new PublishError(400, 'metadata-invalid', `The ${label} must be one line, without line breaks (it goes into citations).`);
  if (!FORMULA_SAFE.test(text)) throw new PublishError(400, 'metadata-invalid', `The ${label} must not begin with =, +, - or @ (a spreadsheet would read it as a formula).`);
  return text;
}

const field = (m: Record<string, unknown>, key: string) => (Object.hasOwn(m, key) ? m[key] : undefined);

/**
 * A dataset's title and description, checked as `textField` says: the title one line of at most
 * 200 characters, the description at most 2,000 (line breaks allowed).
 */
export function checkDatasetWords(input: unknown, missing = 'A dataset needs a title and a description.'): DatasetWords {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new PublishError(400, 'metadata-required', missing);
  const m = input as Record<string, unknown>;
  const title = textField(field(m, 'title'), 'title', 200, { required: true, oneLine: true, missing }) as string;
  const description = textField(field(m, 'description'), 'description', 2000, { required: true, oneLine: false, missing }) as string;
  return { title, description };
}

/**
 * A new dataset's title, description, source and source address: the title and description as
 * checkDatasetWords says, the source one line, the address one line and http(s).
 */
export function checkDatasetMeta(input: unknown): NewDatasetMeta {
  const missing = 'A new dataset needs a title, a description and a source.';
  const { title, description } = checkDatasetWords(input, missing);
  const m = input as Record<string, unknown>;
  const source = textField(field(m, 'source'), 'source', 500, { required: true, oneLine: true, missing }) as string;
  const sourceUrl = textField(field(m, 'sourceUrl'), 'source address', 2000, { required: false, oneLine: true, missing });
  if (sourceUrl !== undefined && !/^https?:\/\/[^\s"<>]+$/.test(sourceUrl)) throw new PublishError(400, 'metadata-invalid', 'The source address must start with https:// or http://.');
  return { title, description, source, ...(sourceUrl ? { sourceUrl } : {}) };
}

/**
 * Publishes a staged upload. Rows in series outside the dataset's scope are refused (409
 * `outside-scope`) unless the request widens the scope, with a reason; `meta` in a replace
 * publishes a revised title and description with the data (what a widened dataset usually needs).
 */
export async function publishUpload(input: {
  uploadId: string;
  baseHash: string | null;
  note: unknown;
  acknowledged: boolean;
  staff: Staff;
  meta?: unknown;
  widenScope?: boolean;
  scopeReason?: unknown;
  address?: string;
}): Promise<PublishResult> {
  const staged = await readStaged(input.uploadId);
  if (!staged) throw new PublishError(404, 'upload-not-found', 'This upload is no longer available (uploads are kept for a day). Upload the file again.');
  const { report, csv } = staged;
  if (!report.ok || !report.diff) throw new PublishError(400, 'has-errors', 'This file has errors; it cannot be published.');
  if (sha256(csv) !== report.candidateHash) throw new PublishError(500, 'staged-corrupt', 'The stored upload does not match its hash; upload the file again.');
  if (input.baseHash !== report.baseHash) throw new PublishError(409, 'conflict', 'This publish names a different live version than the one the file was checked against. Upload the file again.');
  if (report.warnings.length && !input.acknowledged) throw new PublishError(400, 'warnings-not-acknowledged', 'Read the warnings and tick the box to confirm them before publishing.');
  const note = checkNote(input.note);
  const meta = report.mode === 'add' ? checkDatasetMeta(input.meta) : undefined;
  const retitle = report.mode === 'replace' && input.meta !== undefined && input.meta !== null ? checkDatasetWords(input.meta) : undefined;
  let widen: { reason: string } | undefined;
  if (input.widenScope === true) {
    if (input.scopeReason !== undefined && input.scopeReason !== null && typeof input.scopeReason !== 'string') throw new PublishError(400, 'scope-reason-invalid', 'The reason for widening the scope must be text.');
    const reason = typeof input.scopeReason === 'string' ? input.scopeReason.trim() : '';
    if (!reason) throw new PublishError(400, 'scope-reason-required', 'Say why this dataset should hold these series: the reason goes into the audit log and the public changelog.');
    if (reason.length > NOTE_MAX) throw new PublishError(400, 'scope-reason-invalid', `The reason must be at most ${NOTE_MAX} characters.`);
    widen = { reason };
  }
  const result = await commit({
    dataset: report.dataset,
    kind: report.mode === 'add' ? 'add' : 'publish',
    csv,
    baseHash: report.baseHash,
    note,
    staff: input.staff,
    counts: { added: report.diff.added, removed: report.diff.removed, changed: report.diff.changed },
    newIndicators: report.newIndicators,
    meta,
    retitle,
    widen,
    address: input.address,
  });
  await removeStaged(input.uploadId);
  return result;
}

/**
 * Makes an earlier version live again — itself a publish, with its own history entry and audit
 * line. It works whatever state the live file is in (missing, or no longer valid): that is when
 * a restore matters most.
 */
export async function rollbackTo(input: { dataset: string; versionId: string; baseHash: string | null; note: unknown; staff: Staff; address?: string }): Promise<PublishResult> {
  const note = checkNote(input.note);
  const { version, csv, diff } = await restoreCandidate(input.dataset, input.versionId);
  return commit({
    dataset: input.dataset,
    kind: 'rollback',
    csv,
    baseHash: input.baseHash,
    note,
    staff: input.staff,
    counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    newIndicators: [],
    restored: version.id,
    address: input.address,
  });
}

/** An earlier version, checked as restoring it would check it, and its difference from the live data. */
async function restoreCandidate(dataset: string, versionId: string) {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(dataset)) throw new PublishError(404, 'not-found', 'There is no such dataset.');
  const store = await getStore();
  const version = await store.findVersion(dataset, versionId);
  if (!version) throw new PublishError(404, 'version-not-found', `There is no version ${versionId} of ${dataset}.`);
  const csv = await store.readVersion(dataset, version.id);
  if (sha256(csv) !== version.hash) throw new PublishError(500, 'history-corrupt', `Version ${version.id} does not match its recorded hash; it cannot be restored.`);
  const live = await readLive(dataset);
  if (live.bytes && sha256(live.bytes) === version.hash) throw new PublishError(400, 'already-live', 'This version is the one that is live now; there is nothing to restore.');
  const known = new Set(live.pkg.indicators.map((i) => i.name));
  const checked = await ingest(csv, { knownIndicators: known, encoding: 'utf-8', collect: true });
  if (!checked.ok) throw new PublishError(400, 'has-errors', `Version ${version.id} no longer validates: ${checked.errors[0]?.message}`);
  // Against a live file that does not validate, every restored row counts as added.
  const diff = diffObservations(live.observations, checked.rows);
  return { version, csv, live, diff, rows: checked.rows, known };
}

/** What restoring a version would change, for staff to read before they confirm (nothing is written). */
export interface RestorePreview extends DiffSummary {
  version: string;
  /** The live file the preview was made against: restoring checks it is still the one live. */
  baseHash: string | null;
  liveObservations: number;
  restoredObservations: number;
  /** The same warnings an upload gets: large moves, dropped intervals, removed rows. */
  warnings: ChangeWarning[];
}

/** How many added, removed and changed observations a preview lists (it counts them all). */

export async function previewRestore(dataset: string, versionId: string): Promise<RestorePreview> {
  const { version, live, diff, rows, known } = await restoreCandidate(dataset, versionId);
  return {
    version: version.id,
    baseHash: live.bytes ? sha256(live.bytes) : null,
    liveObservations: live.observations.length,
    restoredObservations: rows.length,
    ...summarizeDiff(diff),
    warnings: changeWarnings(live.observations, rows, diff, known).filter((w) => w.code !== 'new-indicator' && w.code !== 'new-series'),
  };
}

/**
 * Takes a dataset off the site: its live file and its entry in datapackage.json go; every
 * version stays in the history and the audit log records who did it and why. Works on a
 * dataset whose live file does not validate (the way out of a bad add).
 */
export async function removeDataset(input: { dataset: string; baseHash: string | null; note: unknown; staff: Staff; address?: string }): Promise<PublishResult> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.dataset)) throw new PublishError(404, 'not-found', 'There is no such dataset.');
  const note = checkNote(input.note);
  const live = await readLive(input.dataset);
  if (!live.bytes && !live.pkg.resources.some((r) => r.name === input.dataset)) throw new PublishError(404, 'not-found', `There is no dataset “${input.dataset}”.`);
  return commit({
    dataset: input.dataset,
    kind: 'remove',
    csv: null,
    baseHash: input.baseHash,
    note,
    staff: input.staff,
    counts: { added: 0, removed: live.observations.length, changed: 0 },
    newIndicators: [],
    address: input.address,
  });
}

/** What a form was loaded with: a save made against other words than the live ones is a conflict. */
export const wordsToken = (r: DatasetWords) => sha256(Buffer.from(JSON.stringify([r.title, r.description]), 'utf8'));

export interface WordsResult {
  dataset: string;
  packageVersion: string;
  title: string;
  description: string;
}

/**
 * Changes a dataset's title and description: only datapackage.json changes, through the same lock
 * and journal as a publish, as a patch version of the package, with an entry in the dataset's
 * public changelog (kind `metadata`) and the words before and after in the audit log.
 */
export async function editDatasetWords(input: { dataset: string; base: string | null; title: unknown; description: unknown; note: unknown; staff: Staff; address?: string }): Promise<WordsResult> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.dataset)) throw new PublishError(404, 'not-found', 'There is no such dataset.');
  const words = checkDatasetWords({ title: input.title, description: input.description });
  const note = checkNote(input.note, 'note');
  return (await getStore()).change(async (tx) => {
    const pkg = JSON.parse(tx.packageText) as DataPackage;
    const existing = pkg.resources.find((r) => r.name === input.dataset);
    if (!existing) throw new PublishError(404, 'not-found', `There is no dataset “${input.dataset}”.`);
    if (wordsToken(existing) !== input.base) {
      throw new PublishError(409, 'conflict', 'The title or description changed after you opened this page — someone else saved meanwhile. Nothing was changed. Reload the page to see the words that are live now.');
    }
    const changed = wordsChanged(existing, words);
    if (!changed) throw new PublishError(400, 'unchanged', 'The title and description are as they were; there is nothing to save.');
    const now = new Date();
    const version = bumpPatch(pkg.version);
    const change: ResourceChange = { version, date: now.toISOString(), kind: 'metadata', note, added: 0, removed: 0, changed: 0, hash: existing.hash };
    const resource: DataResource = { ...existing, ...words, changes: [change, ...(existing.changes ?? [])] };
    const next: DataPackage = { ...pkg, version, resources: pkg.resources.map((r) => (r.name === input.dataset ? resource : r)) };
    const audit = newAuditEntry(
      {
        user: input.staff.email,
        action: 'edit-metadata',
        dataset: input.dataset,
        note,
        detail: `${revised(changed.fields)} Package ${pkg.version} → ${version}`,
        before: changed.before,
        after: changed.after,
        ...(input.address ? { address: input.address } : {}),
      },
      now,
    );
    const journal: Journal = { dataset: input.dataset, path: existing.path, meta: null, packageText: `${JSON.stringify(next, null, 2)}\n`, audit, packageOnly: true };
    await tx.apply(journal);
    return { dataset: input.dataset, packageVersion: version, ...words };
  });
}
