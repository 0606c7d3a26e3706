import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DatasetFacts } from '@/app/_components/admin/dataset-facts';
import { PageStatus, PageStatusProvider } from '@/app/_components/admin/page-status';
import { RemoveForm } from '@/app/_components/admin/remove-form';
import { RollbackForm } from '@/app/_components/admin/rollback-form';
import { Uploader } from '@/app/_components/admin/uploader';
import { WordsForm } from '@/app/_components/admin/words-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { wordsToken } from '@/lib/admin/publish';
import { MAX_UPLOAD_BYTES } from '@/lib/admin/uploads';
import { coverageOf } from '@/lib/data/package';
import { getDataset, getPackage } from '@/lib/store/live';
import { getStore } from '@/lib/store/store';
import { formatDateTime } from '@/lib/format/numbers';

export const metadata: Metadata = { title: 'Replace data' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const KIND = { initial: 'Bundled data', publish: 'Publish', rollback: 'Restore', add: 'New dataset' } as const;

/**
 * One dataset for staff: what it holds and is for (coverage and scope), replace its data, its
 * history with restore buttons, its title and description, and removal.
 */
export default async function AdminDatasetPage({ params }: Props) {
  const { id } = await params;
  await requireStaffPage(`/admin/datasets/${id}`);
  const pkg = await getPackage();
  const resource = pkg.resources.find((r) => r.name === id);
  if (!resource) notFound();
  const dataset = await getDataset(id);
  const problem = dataset?.problem ?? null;
  // What publishing recorded; computed from the rows for a package written before coverage was.
  const coverage = resource.coverage ?? (dataset && !problem ? coverageOf(dataset.observations) : null);
  const versions = await (await getStore()).listVersions(id);
  const liveIndex = versions.findIndex((v) => v.hash === resource.hash);
  return (
    <PageStatusProvider>
      <p className="breadcrumb">
        <Link prefetch={false} href="/admin">Datasets</Link> ›
      </p>
      <h1>{resource.title}</h1>
      <PageStatus />
      <p>
        Live now: {resource.observations.toLocaleString('en-US')} observations, changed {formatDateTime(resource.lastModified)} (<code>{resource.hash.slice(0, 19)}</code>).{' '}
        <Link prefetch={false} href={`/datasets/${id}`}>Public page</Link>
      </p>

      {problem ? (
        <div className="form-error" role="alert">
          <p>
            <strong>The live data does not load, so its public pages show an error.</strong> {problem}
          </p>
          <p>
            Mend it {versions.length > 0 ? 'by restoring an earlier version below, ' : ''}by uploading the whole dataset as a canonical CSV, or by
            removing the dataset.
          </p>
        </div>
      ) : null}

      <h2>What it holds</h2>
      <DatasetFacts resource={resource} coverage={coverage} />

      <h2>Replace data</h2>
      <Uploader mode="replace" dataset={id} maxBytes={MAX_UPLOAD_BYTES} />

      <h2 id="history">History</h2>
      {versions.length === 0 ? (
        <p>
          {problem
            ? 'No version has been kept yet; the next change keeps the file that is live now in the history.'
            : 'The data is as bundled with the application; its first replacement will keep this version in the history, so it can be restored.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data history">
            <caption>Every version that has been live, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Went live</th>
                <th scope="col">By</th>
                <th scope="col">What</th>
                <th scope="col">Release note</th>
                <th scope="col">Changes</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link prefetch={false} href={`/admin/datasets/${id}/versions/${v.id}`}>{formatDateTime(v.time)}</Link>
                    <br />
                    <code>{v.hash.slice(7, 19)}</code>
                  </th>
                  <td>{v.user}</td>
                  <td>{KIND[v.kind]}</td>
                  <td>{v.note}</td>
                  <td className="num">{v.counts ? `+${v.counts.added} −${v.counts.removed} ~${v.counts.changed}` : '—'}</td>
                  <td>{i === liveIndex ? <strong>Live</strong> : <RollbackForm dataset={id} version={v.id} label={formatDateTime(v.time)} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="words">Title and description</h2>
      <p>What the public catalog, the dataset’s page, citations and the data package say the dataset is.</p>
      <WordsForm dataset={id} title={resource.title} description={resource.description} token={wordsToken(resource)} />

      <h2>Remove</h2>
      <p>Takes the dataset off the public site and the API. Its versions stay in the history and the removal is in the audit log.</p>
      <RemoveForm dataset={id} liveHash={resource.hash} />
    </PageStatusProvider>
  );
}
