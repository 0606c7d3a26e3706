import Link from 'next/link';
import { unavailableDatasets } from '@/lib/store/live';

/**
 * Says which datasets could not be loaded, on every public page: the page still works with the
 * others, and a visitor knows its figures leave those out. Renders nothing when all load.
 */
export async function DataNotice() {
  const broken = await unavailableDatasets();
  if (broken.length === 0) return null;
  return (
    <div className="warning-box data-notice" role="status">
      <p>
        {broken.length === 1 ? 'One dataset is' : `${broken.length} datasets are`} unavailable right now, so figures from{' '}
        {broken.length === 1 ? 'it' : 'them'} are left out of this page:{' '}
        {broken.map((b, i) => (
          <span key={b.resource.name}>
            {i > 0 ? ', ' : ''}
            <Link prefetch={false} href={`/datasets/${b.resource.name}`}>{b.resource.title}</Link>
          </span>
        ))}
        . Everything else on the page is unaffected.
      </p>
    </div>
  );
}
