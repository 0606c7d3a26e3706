import type { Metadata } from 'next';
import Link from 'next/link';
import { Uploader } from '@/app/_components/admin/uploader';
import { requireStaffPage } from '@/lib/admin/guard';
import { MAX_UPLOAD_BYTES } from '@/lib/admin/uploads';

export const metadata: Metadata = { title: 'Add a dataset' };
export const dynamic = 'force-dynamic';

export default async function NewDatasetPage() {
  await requireStaffPage('/admin/datasets/new');
  return (
    <>
      <p className="breadcrumb">
        <Link prefetch={false} href="/admin">Datasets</Link> ›
      </p>
      <h1>Add a dataset</h1>
      <p className="lead">
        A new dataset starts from one file in either format. To build a dataset from several SAMHSA tables, add it with the first table, then use “Replace
        data” with each of the others: a table replaces only the observations it covers.
      </p>
      <Uploader mode="add" maxBytes={MAX_UPLOAD_BYTES} />
    </>
  );
}
