import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiffTables } from '@/app/_components/admin/diff-tables';
import { diffObservations } from '@/lib/admin/changes';
import { requireStaffPage } from '@/lib/admin/guard';
import { getStore } from '@/lib/store/store';
import { ingest } from '@/lib/import/ingest';
import type { Observation } from '@/lib/vocabulary/schema';
import { getPackage } from '@/lib/store/live';
import { formatDateTime } from '@/lib/format/numbers';

export const metadata: Metadata = { title: 'Version' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; version: string }> };

const LIMIT = 500;

async function observationsOf(dataset: string, id: string, known: Set<string>): Promise<Observation[]> {
  const result = await ingest(await (await getStore()).readVersion(dataset, id), { knownIndicators: known, encoding: 'utf-8', collect: true });
  return result.rows;
}

/** One version of a dataset: who published it, why, and what it changed from the version before. */
export default async function VersionPage({ params }: Props) {
  const { id, version } = await params;
  await requireStaffPage(`/admin/datasets/${id}/versions/${version}`);
  const store = await getStore();
  const meta = /^[a-z0-9][a-z0-9-]*$/.test(id) ? await store.findVersion(id, version) : null;
  if (!meta) notFound();
  const pkg = await getPackage();
  const known = new Set(pkg.indicators.map((i) => i.name));
  const after = await observationsOf(id, meta.id, known);
  const previous = meta.previous ? await store.findVersion(id, meta.previous) : null;
  const before = previous ? await observationsOf(id, previous.id, known) : [];
  const diff = diffObservations(before, after);
  return (
    <>
      <p className="breadcrumb">
        <Link prefetch={false} href="/admin">Datasets</Link> › <Link prefetch={false} href={`/admin/datasets/${id}#history`}>{pkg.resources.find((r) => r.name === id)?.title ?? id}</Link> ›
      </p>
      <h1>Version of {formatDateTime(meta.time)}</h1>
      <dl className="facts">
        <div>
          <dt>By</dt>
          <dd>{meta.user}</dd>
        </div>
        <div>
          <dt>Release note</dt>
          <dd>{meta.note}</dd>
        </div>
        <div>
          <dt>Observations</dt>
          <dd>{meta.observations.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{meta.hash.slice(7)}</code>
          </dd>
        </div>
      </dl>
      <h2>Changes from {previous ? `the version of ${formatDateTime(previous.time)}` : 'nothing (the first version)'}</h2>
      <p>
        {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed, {diff.unchanged} unchanged.
      </p>
      <DiffTables
        added={previous ? diff.added.slice(0, LIMIT) : []}
        removed={diff.removed.slice(0, LIMIT)}
        changed={diff.changed.slice(0, LIMIT)}
        totals={{ added: previous ? diff.added.length : 0, removed: diff.removed.length, changed: diff.changed.length }}
      />
    </>
  );
}
