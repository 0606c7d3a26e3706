'use client';

import { useRouter } from 'next/navigation';
import { NoteActionForm } from './note-action-form';

/** "Restore this version": asks for a release note, then publishes the old version again. */
export function RollbackForm({ dataset, version, label, liveHash }: { dataset: string; version: string; label: string; liveHash: string }) {
  const router = useRouter();
  return (
    <NoteActionForm<{ version?: string }>
      openText="Restore"
      openLabel={`Restore the version of ${label}`}
      noteLabel={`Release note for restoring the version of ${label}`}
      submitText="Restore this version"
      busyText="Restoring…"
      url="/api/admin/rollback"
      body={(note) => ({ dataset, version, baseHash: liveHash, note })}
      done={(result) => {
        router.refresh();
        return `Restored: it is live again as version ${result.version}.`;
      }}
    />
  );
}
