'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import type { RestorePreview } from '@/lib/admin/publish';
import { DiffTables } from './diff-tables';
import { errorMessage, postJson } from './post-json';
import { usePageStatus } from './page-status';

type Preview = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; preview: RestorePreview };

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Restore": opens a dialog that shows what restoring the version would change — the same
 * counts, warnings and before → after tables as an upload's report — asks for a release note, and
 * publishes the old version again. The result is announced at the top of the page.
 */
export function RollbackForm({ dataset, version, label }: { dataset: string; version: string; label: string }) {
  const router = useRouter();
  const announce = usePageStatus();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<Preview>({ name: 'loading' });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function open() {
    setPreview({ name: 'loading' });
    setError('');
    dialog.current?.showModal();
    try {
      const res = await fetch(`/api/admin/rollback?${new URLSearchParams({ dataset, version })}`);
      const body = (await res.json().catch(() => null)) as RestorePreview | null;
      setPreview(res.ok && body ? { name: 'ready', preview: body } : { name: 'failed', message: errorMessage(body, `The server answered ${res.status}. Nothing was changed.`) });
    } catch {
      setPreview({ name: 'failed', message: 'The connection failed. Nothing was changed.' });
    }
  }

  async function restore(p: RestorePreview) {
    setBusy(true);
    setError('');
    const outcome = await postJson<{ version?: string }>('/api/admin/rollback', { dataset, version, baseHash: p.baseHash, note });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    dialog.current?.close();
    setNote('');
    announce(`Restored: the version of ${label} is live again, as version ${outcome.body.version}.`);
    router.refresh();
  }

  const p = preview.name === 'ready' ? preview.preview : null;
  return (
    <>
      <button type="button" className="secondary" onClick={() => void open()} aria-label={`Restore the version of ${label}`}>
        Restore
      </button>
      <dialog ref={dialog} className="restore-dialog" aria-labelledby={`${id}-title`} onClose={() => setBusy(false)}>
        <h2 id={`${id}-title`}>Restore the version of {label}?</h2>
        {preview.name === 'loading' ? <p role="status">Comparing it with the live data…</p> : null}
        {preview.name === 'failed' ? (
          <p className="form-error" role="alert">
            {preview.message}
          </p>
        ) : null}
        {p ? (
          <>
            <h3>What will change</h3>
            <p>
              {plural(p.added, 'observation')} added, {plural(p.removed, 'observation')} removed, {plural(p.changed, 'observation')} changed, {plural(p.unchanged, 'observation')}{' '}
              unchanged ({plural(p.liveObservations, 'observation')} now → {plural(p.restoredObservations, 'observation')} after).
            </p>
            {p.warnings.length ? (
              <div className="warning-box">
                <p>
                  <strong>Read before restoring:</strong>
                </p>
                <ul>
                  {p.warnings.slice(0, 50).map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <DiffTables added={p.addedSample} removed={p.removedSample} changed={p.changedSample} totals={{ added: p.added, removed: p.removed, changed: p.changed }} />
          </>
        ) : null}
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (p) void restore(p);
          }}
        >
          <label htmlFor={`${id}-note`}>Release note for restoring the version of {label} (public)</label>
          <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} required />
          <div className="button-row">
            <button type="submit" disabled={busy || !p || !note.trim()}>
              {busy ? 'Restoring…' : 'Restore this version'}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      </dialog>
    </>
  );
}
