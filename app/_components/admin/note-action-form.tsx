'use client';

import { useId, useState, type ReactNode } from 'react';
import { postJson } from './post-json';

export interface NoteActionProps<T> {
  /** The button that opens the form, and its accessible name when the text alone is ambiguous. */
  openText: string;
  openLabel?: string;
  noteLabel: string;
  submitText: string;
  busyText: string;
  url: string;
  /** The request body, given the note. */
  body: (note: string) => unknown;
  /** Extra fields and whether they allow submitting. */
  extra?: (id: string) => { fields: ReactNode; ready: boolean };
  /** Runs after the server said yes; returns the message to show, if any. */
  done: (result: T) => string | void;
}

/**
 * A staff action that needs a written reason — restore a version, remove a dataset: a button
 * that opens a small form, the note (required), any extra fields, and the server's answer in
 * plain words. Nothing changes until the server says so.
 */
export function NoteActionForm<T>({ openText, openLabel, noteLabel, submitText, busyText, url, body, extra, done }: NoteActionProps<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const more = extra?.(id);

  async function submit() {
    setBusy(true);
    setMessage('');
    const outcome = await postJson<T>(url, body(note));
    if (outcome.ok) {
      setOpen(false);
      setNote('');
      setMessage(done(outcome.body) ?? '');
    } else setMessage(outcome.message);
    setBusy(false);
  }

  if (!open) {
    return (
      <>
        <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={openLabel}>
          {openText}
        </button>
        {message ? <p role="status">{message}</p> : null}
      </>
    );
  }
  return (
    <form
      className="stack-form note-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-note`}>{noteLabel}</label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} required />
      {more?.fields}
      <div className="button-row">
        <button type="submit" disabled={busy || !note.trim() || (more ? !more.ready : false)}>
          {busy ? busyText : submitText}
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
