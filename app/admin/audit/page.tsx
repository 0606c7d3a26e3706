import type { Metadata } from 'next';
import Link from 'next/link';
import type { AuditEntry } from '@/lib/store/audit';
import { getStore } from '@/lib/store/store';
import { requireStaffPage } from '@/lib/admin/guard';
import { formatDateTime } from '@/lib/format/numbers';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 200;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const short = (hash: string | null | undefined) => (hash ? hash.replace(/^sha256:/, '').slice(0, 12) : '—');
const shown = (v: unknown) => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : `“${String(v)}”`);

/** A change of words or scope: each field, before → after. */
function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!keys.length) return null;
  return (
    <ul className="before-after">
      {keys.map((k) => (
        <li key={k}>
          {k}: <del>{shown(before[k])}</del> → <ins>{shown(after[k])}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The audit log, newest first: who did what, when, and the data's hash before and after. */
export default async function AuditPage({ searchParams }: Props) {
  await requireStaffPage('/admin/audit');
  const raw = (await searchParams).page;
  const page = Math.min(10_000, Math.max(0, Math.floor(Number(Array.isArray(raw) ? raw[0] : raw) || 0)));
  const store = await getStore();
  const { entries, more } = await store.readAuditPage(page, PAGE_SIZE);
  const first = page * PAGE_SIZE + 1;
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Every sign-in, upload, publish, restore, removal, scope widening and edit of a dataset’s title or description,{' '}
        {store.kind === 'postgres' ? (
          <>
            appended to the database’s <code>audit_log</code> table, which refuses any change or deletion.
          </>
        ) : (
          <>
            appended to <code>audit.log</code> in the private folder and never rewritten (a full file is set aside as <code>audit-TIME.log</code> and a new one begun).
          </>
        )}{' '}
        Refused sign-ins are logged once per 15 minutes for each account and address (on each server). Hashes are the first 12 characters of the live CSV’s SHA-256 before and after.
      </p>
      <div className="table-scroll">
        <table className="data audit">
          <caption>
            {entries.length === 0 ? 'No entries' : `Entries ${first.toLocaleString('en-US')} to ${(first + entries.length - 1).toLocaleString('en-US')}`}, newest first
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
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{formatDateTime(e.time)}</td>
                <td>{e.user}</td>
                <td>{e.action}</td>
                <td>{e.dataset ? <Link prefetch={false} href={`/admin/datasets/${e.dataset}`}>{e.dataset}</Link> : '—'}</td>
                <td>
                  <code>
                    {short(e.fromHash)} → {short(e.toHash)}
                  </code>
                </td>
                <td>
                  {e.note ? <q>{e.note}</q> : null} {e.detail ?? ''} {e.address ? `(from ${e.address})` : ''}
                  <BeforeAfter entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Audit log pages">
        {page > 0 ? <Link prefetch={false} href={page === 1 ? '/admin/audit' : `/admin/audit?page=${page - 1}`}>← Newer entries</Link> : null}
        {more ? <Link prefetch={false} href={`/admin/audit?page=${page + 1}`}>Older entries →</Link> : null}
      </nav>
    </>
  );
}
