import type { Metadata } from 'next';
import Link from 'next/link';
import { readAudit } from '@/lib/admin/audit';
import { requireStaffPage } from '@/lib/admin/guard';
import { formatDateTime } from '@/lib/format/numbers';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

const SHOWN = 1000;
const short = (hash: string | null | undefined) => (hash ? hash.replace(/^sha256:/, '').slice(0, 12) : '—');

/** The audit log, newest first: who did what, when, and the data's hash before and after. */
export default async function AuditPage() {
  await requireStaffPage('/admin/audit');
  const entries = readAudit().reverse();
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Every sign-in, upload, publish and restore, appended to <code>audit.log</code> in the private folder and never rewritten. Hashes are the first 12
        characters of the live CSV’s SHA-256 before and after.
      </p>
      <div className="table-scroll">
        <table className="data audit">
          <caption>
            {entries.length > SHOWN ? `The latest ${SHOWN} of ${entries.length} entries` : `${entries.length} entries`}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Dataset</th>
              <th scope="col">Hash before → after</th>
              <th scope="col">Note and details</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, SHOWN).map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{formatDateTime(e.time)}</td>
                <td>{e.user}</td>
                <td>{e.action}</td>
                <td>{e.dataset ? <Link href={`/admin/datasets/${e.dataset}`}>{e.dataset}</Link> : '—'}</td>
                <td>
                  <code>
                    {short(e.fromHash)} → {short(e.toHash)}
                  </code>
                </td>
                <td>
                  {e.note ? <q>{e.note}</q> : null} {e.detail ?? ''} {e.address ? `(from ${e.address})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
