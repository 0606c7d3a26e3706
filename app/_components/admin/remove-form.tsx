'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { NoteActionForm } from './note-action-form';

/** "Remove this dataset": asks for a reason and the dataset's name, then takes it off the site. */
export function RemoveForm({ dataset, liveHash }: { dataset: string; liveHash: string }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  return (
    <NoteActionForm
      openText="Remove this dataset…"
      noteLabel="Why it is removed (kept in the audit log)"
      submitText="Remove the dataset"
      busyText="Removing…"
      url="/api/admin/remove"
      body={(note) => ({ dataset, baseHash: liveHash, note })}
      extra={(id) => ({
        ready: confirm === dataset,
        fields: (
          <>
            <label htmlFor={`${id}-confirm`}>
              <span>
                Type <code>{dataset}</code> to confirm
              </span>
            </label>
            <input id={`${id}-confirm`} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" spellCheck={false} />
          </>
        ),
      })}
      done={() => {
        router.push('/admin');
        router.refresh();
      }}
    />
  );
}
