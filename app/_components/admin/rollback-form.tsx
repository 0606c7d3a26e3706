'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

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
    try {
      const res = await fetch('/api/admin/rollback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ dataset, version, baseHash: liveHash, note }),
      });
      const body = (await res.json().catch(() => null)) as { version?: string; error?: { message?: string } } | null;
      if (res.ok) {
        setOpen(false);
        setNote('');
        setMessage(`Restored: it is live again as version ${body?.version}.`);
        router.refresh();
      } else setMessage(body?.error?.message ?? `The server answered ${res.status}. Nothing was changed.`);
    } catch {
      setMessage('The connection failed. Nothing was changed.');
    } finally {
      setBusy(false);
    }
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
