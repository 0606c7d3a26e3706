'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { postJson } from './post-json';

/** "Remove this dataset": asks for a reason and the dataset's name, then takes it off the site. */
export function RemoveForm({ dataset, liveHash }: { dataset: string; liveHash: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function remove() {
    setBusy(true);
    setMessage('');
    const outcome = await postJson('/api/admin/remove', { dataset, baseHash: liveHash, note });
    if (outcome.ok) {
      router.push('/admin');
      router.refresh();
    } else {
      setMessage(outcome.message);
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Remove this dataset…
      </button>
    );
  }
  return (
    <form
      className="stack-form"
      onSubmit={(e) => {
        e.preventDefault();
        void remove();
      }}
    >
      <label htmlFor={`${id}-note`}>Why it is removed (kept in the audit log)</label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} required />
      <label htmlFor={`${id}-confirm`}>
        <span>
          Type <code>{dataset}</code> to confirm
        </span>
      </label>
      <input id={`${id}-confirm`} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" spellCheck={false} />
      <div className="button-row">
        <button type="submit" disabled={busy || !note.trim() || confirm !== dataset}>
          {busy ? 'Removing…' : 'Remove the dataset'}
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
