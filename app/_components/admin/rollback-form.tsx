'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { postJson } from './post-json';

/** "Restore this version": asks for a release note, then publishes the old version again. */
export function RollbackForm({ dataset, version, label, liveHash }: { dataset: string; version: string; label: string; liveHash: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function restore() {
    setBusy(true);
    setMessage('');
    const outcome = await postJson<{ version?: string }>('/api/admin/rollback', { dataset, version, baseHash: liveHash, note });
    if (outcome.ok) {
      setOpen(false);
      setNote('');
      setMessage(`Restored: it is live again as version ${outcome.body.version}.`);
      router.refresh();
    } else setMessage(outcome.message);
    setBusy(false);
  }

  if (!open) {
    return (
      <>
        <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={`Restore the version of ${label}`}>
          Restore
        </button>
        {message ? <p role="status">{message}</p> : null}
      </>
    );
  }
  return (
    <form
      className="stack-form rollback-form"
      onSubmit={(e) => {
        e.preventDefault();
        void restore();
      }}
    >
      <label htmlFor={`${id}-note`}>Release note for restoring the version of {label}</label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} required />
      <div className="button-row">
        <button type="submit" disabled={busy || !note.trim()}>
          {busy ? 'Restoring…' : 'Restore this version'}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
