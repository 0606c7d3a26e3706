import type { Metadata } from 'next';
import Link from 'next/link';
import { getDataset, getPackage } from '@/lib/data/store';
import { pageMetadata } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = pageMetadata('Data', 'Every dataset behind the Substance Use Atlas, with its source, coverage and observations.', '/data');

export default async function DataPage() {
  const pkg = await getPackage();
  const datasets = await Promise.all(pkg.resources.map(async (r) => ({ resource: r, data: await getDataset(r.name) })));
  return (
    <>
      <h1>Data</h1>
      <p className="lead">{pkg.description}</p>
      {datasets.map(({ resource, data }) => {
        const indicators = new Set(data?.observations.map((o) => o.indicator));
        const periods = [...new Set(data?.observations.map((o) => o.period))].sort();
        return (
          <section key={resource.name} aria-labelledby={`ds-${resource.name}`}>
            <h2 id={`ds-${resource.name}`}>
              <Link href={`/datasets/${resource.name}`}>{resource.title}</Link>
            </h2>
            <p>{resource.description}</p>
            <p className="source">
              {resource.observations.toLocaleString('en-US')} observations · {indicators.size} indicators · periods {periods[0]} to {periods.at(-1)} · updated{' '}
              {new Date(resource.lastModified).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })} · source:{' '}
              {resource.sources.map((s) => s.title).join('; ')}
            </p>
          </section>
        );
      })}
    </>
  );
}
