'use client';

import { useId, useState, type ReactNode } from 'react';
import type { UploadReport } from '@/lib/admin/uploads';
import { errorMessage } from './post-json';
import { DATASET_NAME_PATTERN } from '@/lib/admin/dataset-name';

export type ScopeChoice = 'widen' | 'new' | null;

export interface WidenState {
  reason: string;
  confirm: string;
  title: string;
  description: string;
}

export const widenStart = (report: UploadReport): WidenState => ({ reason: '', confirm: '', title: report.target?.title ?? '', description: report.target?.description ?? '' });

export const widenReady = (report: UploadReport, w: WidenState) => w.reason.trim() !== '' && w.confirm === report.dataset && w.title.trim() !== '' && w.description.trim() !== '';

const seriesList = (series: { title: string }[]) => series.map((s) => s.title).join('; ');

/**
 * The report's question when a file's rows fall outside the dataset's scope: it says which rows,
 * and asks where they belong — this dataset, widened, or a new dataset of their own — or to stop
 * here. Nothing is published until staff answer.
 */
export function ScopeQuestion({
  report,
  choice,
  onChoice,
  onSplit,
  onCancel,
  widenFields,
}: {
  report: UploadReport;
  choice: ScopeChoice;
  onChoice: (c: ScopeChoice) => void;
  onSplit: (r: UploadReport) => void;
  onCancel: () => void;
  /** What widening asks for (WidenFields), shown here once chosen; the publish form at the end sends it. */
  widenFields: ReactNode;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const canSplit = report.outsideRows > 0;

  async function split() {
    setBusy(true);
    setError('');
    try {
      const res = await fetch(`/api/admin/uploads/${report.uploadId}/new-dataset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ dataset: name }) });
      const body = (await res.json().catch(() => null)) as UploadReport | null;
      if ((res.status === 200 || res.status === 422) && body && 'uploadId' in body) onSplit(body);
      else setError(errorMessage(body, `The server answered ${res.status}. Nothing was changed.`));
    } catch {
      setError('The connection failed. Nothing was changed.');
    }
    setBusy(false);
  }

  return (
    <section className="warning-box scope-question" aria-labelledby={`${id}-q`}>
      <h4 id={`${id}-q`}>Where do these rows belong?</h4>
      <p>
        <strong>{report.outsideScopeMessage}</strong>
      </p>
      {report.target?.scope ? <p>It holds the series {seriesList(report.target.scope)}.</p> : null}
      <fieldset className="stack-form choice">
        <legend>Choose where they go</legend>
        <label className="check">
          <input type="radio" name={`${id}-choice`} value="widen" checked={choice === 'widen'} onChange={() => onChoice('widen')} /> In this dataset: widen its scope to{' '}
          {seriesList(report.outsideScope)}
        </label>
        {canSplit ? (
          <label className="check">
            <input type="radio" name={`${id}-choice`} value="new" checked={choice === 'new'} onChange={() => onChoice('new')} /> In a new dataset of their own
          </label>
        ) : null}
      </fieldset>
      {choice === 'widen' ? <div className="stack-form">{widenFields}</div> : null}
      {choice === 'new' ? (
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void split();
          }}
        >
          <label htmlFor={`${id}-name`}>Name of the new dataset (lower-case letters, digits and dashes; it becomes the file name and the API address)</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value.toLowerCase())} pattern={DATASET_NAME_PATTERN} required autoComplete="off" spellCheck={false} />
          <p className="hint">
            The {report.outsideRows.toLocaleString('en-US')} rows in {seriesList(report.outsideScope)} are checked as the first file of that dataset; you then give it a title,
            a description and a source, as when adding a dataset.
          </p>
          <button type="submit" disabled={busy || name.length < 3}>
            {busy ? 'Checking…' : 'Check these rows as a new dataset'}
          </button>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
      <div className="button-row">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel: publish nothing
        </button>
      </div>
    </section>
  );
}

/**
 * Widening a dataset's scope changes what it means, so its title and description are shown for
 * review (and can be revised in the same publish), with a reason and the dataset's name typed to
 * confirm.
 */
export function WidenFields({ report, value, onChange }: { report: UploadReport; value: WidenState; onChange: (w: WidenState) => void }) {
  const id = useId();
  const unchanged = value.title === report.target?.title && value.description === report.target?.description;
  return (
    <fieldset>
      <legend>Widen “{report.target?.title}”</legend>
      <p>
        After publishing, this dataset also holds {seriesList(report.outsideScope)}. Its title and description must still be true: review them, and change them here if
        they are not.
      </p>
      {/* Labels beside their fields, not around them: a field inside a label takes the label's bold type. */}
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} maxLength={200} required />
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea id={`${id}-description`} value={value.description} onChange={(e) => onChange({ ...value, description: e.target.value })} maxLength={2000} rows={8} required />
      {unchanged ? <p className="hint">Unchanged so far. Do they still describe the dataset once it holds these rows?</p> : null}
      <label htmlFor={`${id}-reason`}>Why this dataset should hold them (kept in the audit log, and shown in the public changelog)</label>
      <textarea id={`${id}-reason`} value={value.reason} onChange={(e) => onChange({ ...value, reason: e.target.value })} rows={2} maxLength={2000} required />
      <label htmlFor={`${id}-confirm`}>
        <span>
          Type <code>{report.dataset}</code> to confirm
        </span>
      </label>
      <input id={`${id}-confirm`} value={value.confirm} onChange={(e) => onChange({ ...value, confirm: e.target.value })} autoComplete="off" spellCheck={false} />
    </fieldset>
  );
}
