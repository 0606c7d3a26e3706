import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/admin/guard';
import { getPackage } from '@/lib/store/live';
import { getStore } from '@/lib/store/store';
import { formatDateTime } from '@/lib/format/numbers';

export const metadata: Metadata = { title: 'Datasets' };
export const dynamic = 'force-dynamic';

/** The staff home: every dataset with its state, and the latest activity. */
export default async function AdminHome() {
  await requireStaffPage('/admin');
  const pkg = await getPackage();
  // The latest changes to the data, looking back over at most the last 5,000 entries.
  const store = await getStore();
  const recent = await store.recentAudit(8, (e) => !e.action.startsWith('sign-'), 5_000);
  const versionCounts = await Promise.all(pkg.resources.map(async (r) => (await store.listVersions(r.name)).length));
  return (
    <>
      <h1>Datasets</h1>
      <p className="lead">
        Replace a dataset with a new file — our canonical CSV, or a SAMHSA table exactly as published — check every problem and the differences, then publish.
        Every version stays in the history and can be restored.
      </p>
      <div className="table-scroll">
        <table className="data">
          <caption>Live datasets (data package version {pkg.version})</caption>
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col">Observations</th>
              <th scope="col">Last changed</th>
              <th scope="col">Versions kept</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pkg.resources.map((r, i) => (
              <tr key={r.name}>
                <th scope="row">
                  {r.title}
                  <br />
                  <code>{r.name}</code>
                </th>
                <td className="num">{r.observations.toLocaleString('en-US')}</td>
                <td>{formatDateTime(r.lastModified)}</td>
                <td className="num">{versionCounts[i]}</td>
                <td>
                  <Link prefetch={false} href={`/admin/datasets/${r.name}`}>Replace data or roll back</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link prefetch={false} href="/admin/datasets/new">Add a dataset</Link>
      </p>
      <h2>Latest activity</h2>
      {recent.length ? (
        <ul className="activity">
          {recent.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.time)} — {e.user}: {e.action}
              {e.dataset ? ` ${e.dataset}` : ''}
              {e.note ? ` (“${e.note}”)` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing yet.</p>
      )}
      <p>
        <Link prefetch={false} href="/admin/audit">The whole audit log</Link>
      </p>
    </>
  );
}
