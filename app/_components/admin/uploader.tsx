'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { UploadReport } from '@/lib/admin/uploads';
import { DiffTables } from './diff-tables';
import { errorMessage, postJson } from './post-json';
import { PreviewChart } from './preview-chart';
import { ScopeQuestion, widenReady, widenStart, WidenFields, type ScopeChoice, type WidenState } from './scope-question';
import { DATASET_NAME_PATTERN } from '@/lib/admin/dataset-name';

type Phase = { name: 'idle' } | { name: 'uploading'; loaded: number; total: number } | { name: 'checking' } | { name: 'report'; report: UploadReport } | { name: 'failed'; message: string } | { name: 'cancelled' };

interface Published {
  version: string;
  packageVersion: string;
  dataset: string;
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends the file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function send(url: string, file: File, hash: string, onProgress: (loaded: number, total: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('X-Content-SHA256', hash);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('The connection failed during the upload. Nothing was changed; try again.'));
    xhr.send(file);
  });
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const where = (row: number | null, column: string | null) => [row === null ? 'whole file' : `row ${row}`, column ? `column “${column}”` : ''].filter(Boolean).join(', ');

export interface UploaderProps {
  mode: 'replace' | 'add';
  /** The dataset to replace (replace mode). */
  dataset?: string;
  maxBytes: number;
}

/**
 * Upload → report → publish. The report lists every error by row and column (as text), the
 * warnings to acknowledge, the differences from the live data, and a preview of the chart with
 * the new figures. Publishing needs zero errors, acknowledged warnings and a release note.
 */
export function Uploader({ mode, dataset, maxBytes }: UploaderProps) {
  const router = useRouter();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [name, setName] = useState(dataset ?? '');
  const [acknowledged, setAcknowledged] = useState(false);
  const [note, setNote] = useState('');
  const [meta, setMeta] = useState({ title: '', description: '', source: '', sourceUrl: '' });
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState('');
  const [published, setPublished] = useState<Published | null>(null);
  const [choice, setChoice] = useState<ScopeChoice>(null);
  const [widen, setWiden] = useState<WidenState>({ reason: '', confirm: '', title: '', description: '' });

  /** A new report: every answer given about the previous one starts again. */
  function showReport(report: UploadReport) {
    setAcknowledged(false);
    setChoice(null);
    setWiden(widenStart(report));
    setMeta({ title: '', description: '', source: '', sourceUrl: '' });
    setPublishError('');
    setPhase({ name: 'report', report });
  }

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    setPublished(null);
    setPublishError('');
    setAcknowledged(false);
    if (!file) return setPhase({ name: 'failed', message: 'Choose a file first.' });
    if (file.size > maxBytes) return setPhase({ name: 'failed', message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.` });
    if (file.size === 0) return setPhase({ name: 'failed', message: 'The file is empty.' });
    setPhase({ name: 'uploading', loaded: 0, total: file.size });
    try {
      const params = new URLSearchParams({ dataset: name, mode, name: file.name });
      const res = await send(`/api/admin/uploads?${params}`, file, await sha256Hex(file), (loaded, total) => setPhase(loaded >= total ? { name: 'checking' } : { name: 'uploading', loaded, total }));
      const report = res.body as UploadReport | null;
      if ((res.status === 200 || res.status === 422) && report && 'uploadId' in report) showReport(report);
      else setPhase({ name: 'failed', message: errorMessage(res.body, `The server answered ${res.status}. Nothing was changed.`) });
    } catch (err) {
      setPhase({ name: 'failed', message: (err as Error).message });
    }
  }

  async function publish(report: UploadReport) {
    setPublishing(true);
    setPublishError('');
    const widening = report.outsideScope.length > 0 && choice === 'widen';
    const outcome = await postJson<Published>(
      '/api/admin/publish',
      {
        uploadId: report.uploadId,
        baseHash: report.baseHash,
        note,
        acknowledged,
        ...(report.mode === 'add' ? { meta } : {}),
        ...(widening ? { widenScope: true, scopeReason: widen.reason, meta: { title: widen.title, description: widen.description } } : {}),
      },
      'Nothing was published.',
    );
    if (outcome.ok) {
      setPublished(outcome.body);
      setPhase({ name: 'idle' });
      setNote('');
      router.refresh();
    } else setPublishError(outcome.message);
    setPublishing(false);
  }

  const report = phase.name === 'report' ? phase.report : null;
  const outside = !!report?.ok && report.outsideScope.length > 0;
  const widening = outside && choice === 'widen';
  const canPublish =
    !!report?.ok &&
    (!outside || (widening && widenReady(report, widen))) &&
    (report.warnings.length === 0 || acknowledged) &&
    note.trim() !== '' &&
    (report.mode === 'replace' || (meta.title.trim() && meta.description.trim() && meta.source.trim()));

  return (
    <div className="uploader">
      <form onSubmit={upload} className="stack-form" aria-describedby={`${id}-help`}>
        {mode === 'add' ? (
          <label>
            Dataset name (lower-case letters, digits and dashes; it becomes the file name and the API address)
            <input name="dataset" value={name} onChange={(e) => setName(e.target.value.toLowerCase())} pattern={DATASET_NAME_PATTERN} required />
          </label>
        ) : null}
        <label>
          CSV file, SAMHSA’s ZIP of CSV tables, or SAMHSA’s Excel workbook
          <input type="file" name="file" accept=".csv,text/csv,.zip,application/zip,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </label>
        <p id={`${id}-help`} className="hint">
          Either format works: our canonical CSV (see the README’s data format guide), or a SAMHSA state table exactly as published — a table replaces only the
          observations it covers. SAMHSA’s ZIP of a release’s CSV tables, and its Excel workbook (.xlsx, one sheet per table), are read table by table. At most {maxBytes / 1024 / 1024} MB. Checking changes nothing; only Publish does.
        </p>
        <button type="submit" disabled={phase.name === 'uploading' || phase.name === 'checking'}>
          Check this file
        </button>
      </form>

      <div aria-live="polite" className="upload-status">
        {phase.name === 'uploading' ? (
          <label className="progress">
            Uploading… {Math.round((phase.loaded / phase.total) * 100)}%
            <progress max={phase.total} value={phase.loaded} />
          </label>
        ) : null}
        {phase.name === 'checking' ? <p>Checking the file…</p> : null}
        {phase.name === 'cancelled' ? <p role="status">Cancelled: nothing was published.</p> : null}
        {phase.name === 'failed' ? (
          <p className="form-error" role="alert">
            {phase.message}
          </p>
        ) : null}
        {published ? (
          <p className="form-success" role="status">
            Published: version {published.version} of {published.dataset} is live (data package {published.packageVersion}).{' '}
            <a href={`/datasets/${published.dataset}`}>See it on the public dataset page</a>.
          </p>
        ) : null}
      </div>

      {report ? (
        <section className="report" aria-labelledby={`${id}-report`} data-upload-id={report.uploadId}>
          <h3 id={`${id}-report`}>
            {report.sameAsLive
              ? 'This file holds exactly the data that is live now'
              : !report.ok
              ? `This file has ${plural(report.errorCount, 'error')} — nothing was changed`
              : outside
                ? 'This file is valid, but some of its rows are outside this dataset’s scope'
                : report.mode === 'add' && mode === 'replace'
                  ? `These rows can be published as the new dataset “${report.dataset}”`
                  : 'This file can be published'}
          </h3>
          <p>
            {report.fileName}, {plural(report.bytes, 'byte')}, {report.formatLabel}. {report.scope}
          </p>
          {report.sameAsLive ? (
            <p className="note-box" role="note">
              Every observation in it is already live, as it is in the file: there is nothing to publish, and nothing was changed. To correct a figure, change it in the
              file and check the file again.
            </p>
          ) : null}
          {outside ? (
            <ScopeQuestion
              report={report}
              choice={choice}
              onChoice={setChoice}
              onSplit={showReport}
              onCancel={() => {
                setPhase({ name: 'cancelled' });
                setPublished(null);
              }}
              widenFields={<WidenFields report={report} value={widen} onChange={setWiden} />}
            />
          ) : null}
          {report.errors.length ? (
            <div className="table-scroll">
              <table className="data report-errors">
                <caption>
                  Errors{report.errorCount > report.errors.length ? ` (the first ${report.errors.length} of ${report.errorCount})` : ''}: fix them in the file and check it again
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Where</th>
                    <th scope="col">Problem</th>
                    <th scope="col">Code</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{where(e.row, e.column)}</td>
                      <td>{e.message}</td>
                      <td>
                        <code>{e.code}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {report.fileWarnings.length ? (
            <ul className="file-warnings">
              {report.fileWarnings.map((w, i) => (
                <li key={i}>
                  {where(w.row, w.column)}: {w.message}
                </li>
              ))}
            </ul>
          ) : null}
          {report.diff && !report.sameAsLive ? (
            <>
              <h4>Differences from the live data</h4>
              <p>
                {plural(report.diff.added, 'observation')} added, {plural(report.diff.removed, 'observation')} removed, {plural(report.diff.changed, 'observation')} changed,{' '}
                {plural(report.diff.unchanged, 'observation')} unchanged ({plural(report.liveObservations, 'observation')} now → {plural(report.candidateObservations, 'observation')} after).
              </p>
              <DiffTables
                added={report.diff.addedSample}
                removed={report.diff.removedSample}
                changed={report.diff.changedSample}
                totals={{ added: report.diff.added, removed: report.diff.removed, changed: report.diff.changed }}
              />
              {report.affectedIndicators.length ? <PreviewChart uploadId={report.uploadId} indicators={report.affectedIndicators} /> : null}
            </>
          ) : null}
          {report.ok && (!outside || widening) ? (
            <form
              className="stack-form publish-form"
              onSubmit={(e) => {
                e.preventDefault();
                void publish(report);
              }}
            >
              <h4>Publish</h4>
              {report.warnings.length ? (
                <div className="warning-box" role="group" aria-labelledby={`${id}-warnings`}>
                  <p id={`${id}-warnings`}>
                    <strong>{plural(report.warnings.length, 'warning')}</strong> — read them before publishing:
                  </p>
                  <ul>
                    {report.warnings.slice(0, 50).map((w, i) => (
                      <li key={i}>{w.message}</li>
                    ))}
                  </ul>
                  {report.warnings.length > 50 ? <p>…and {report.warnings.length - 50} more of the same kinds.</p> : null}
                  <label className="check">
                    <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> I have read the warnings and the figures are right
                  </label>
                </div>
              ) : null}
              {widening && !widenReady(report, widen) ? (
                <p className="hint">Widening needs the title and description, a reason and the dataset’s name typed, above under “Where do these rows belong?”.</p>
              ) : null}
              {report.mode === 'add' ? (
                <fieldset>
                  <legend>About the new dataset</legend>
                  {report.newScope.length ? (
                    <p className="hint">
                      It will hold the series {report.newScope.map((s) => s.title).join('; ')}: that becomes its scope, and rows of any other series will need your say before they join it.
                    </p>
                  ) : null}
                  {/* Labels beside their fields, not around them: a field inside a label takes the label's bold type. */}
                  <label htmlFor={`${id}-title`}>Title</label>
                  <input id={`${id}-title`} value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} maxLength={200} required />
                  <label htmlFor={`${id}-description`}>Description (what it holds, for whom, which years)</label>
                  <textarea id={`${id}-description`} value={meta.description} onChange={(e) => setMeta({ ...meta, description: e.target.value })} maxLength={2000} rows={3} required />
                  <label htmlFor={`${id}-source`}>Source (the publication)</label>
                  <input id={`${id}-source`} value={meta.source} onChange={(e) => setMeta({ ...meta, source: e.target.value })} maxLength={500} required />
                  <label htmlFor={`${id}-source-url`}>Source address (optional)</label>
                  <input id={`${id}-source-url`} type="url" value={meta.sourceUrl} onChange={(e) => setMeta({ ...meta, sourceUrl: e.target.value })} placeholder="https://www.samhsa.gov/data/…" />
                </fieldset>
              ) : null}
              <label htmlFor={`${id}-note`}>Release note (public: researchers read it on the dataset’s page)</label>
              <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} required />
              <button type="submit" disabled={!canPublish || publishing}>
                {publishing ? 'Publishing…' : widening ? 'Widen the scope and publish' : 'Publish'}
              </button>
              {publishError ? (
                <p className="form-error" role="alert">
                  {publishError}
                </p>
              ) : null}
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
