'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { postJson } from './post-json';

/**
 * A dataset's title and description, edited in place: saved (with a note for the public changelog)
 * only when something changed. The server checks the words again and refuses a save made against
 * words someone else has changed since this page was loaded.
 */
export function WordsForm({ dataset, title, description, token }: { dataset: string; title: string; description: string; token: string }) {
  const router = useRouter();
  const id = useId();
  const [words, setWords] = useState({ title, description });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const changed = words.title !== title || words.description !== description;
  const ready = changed && words.title.trim() !== '' && words.description.trim() !== '' && note.trim() !== '';

  async function save() {
    setBusy(true);
    setMessage(null);
    const outcome = await postJson<{ packageVersion: string }>('/api/admin/metadata', { dataset, base: token, ...words, note });
    if (outcome.ok) {
      setNote('');
      setMessage({ ok: true, text: `Saved: the public pages show the new words now (data package ${outcome.body.packageVersion}).` });
      router.refresh();
    } else setMessage({ ok: false, text: outcome.message });
    setBusy(false);
  }

  return (
    <form
      className="stack-form words-form"
      aria-describedby={`${id}-hint`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {/* Labels beside their fields, not around them: a field inside a label takes the label's bold type. */}
      <label htmlFor={`${id}-title`}>Title (one line, at most 200 characters)</label>
      <input id={`${id}-title`} value={words.title} onChange={(e) => setWords({ ...words, title: e.target.value })} maxLength={200} required />
      <label htmlFor={`${id}-description`}>Description (what it holds, for whom, which years)</label>
      <textarea id={`${id}-description`} value={words.description} onChange={(e) => setWords({ ...words, description: e.target.value })} maxLength={2000} rows={8} required />
      <label htmlFor={`${id}-note`}>What changed and why (public: it goes into the dataset’s changelog)</label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} required />
      <p id={`${id}-hint`} className="hint">
        Neither may begin with =, +, - or @. Saving changes only these words (a patch version of the data package); the data stay as they are.
      </p>
      <button type="submit" disabled={!ready || busy}>
        {busy ? 'Saving…' : 'Save title and description'}
      </button>
      {message ? (
        <p className={message.ok ? 'form-success' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
