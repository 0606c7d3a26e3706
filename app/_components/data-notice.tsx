import { getLocale, getTranslations } from 'next-intl/server';
import { en } from '@/lib/format/numbers';
import { Link } from '@/lib/i18n/navigation';
import { getPackage, unavailableDatasets } from '@/lib/store/live';

/**
 * Says which datasets could not be loaded, on every public page: the page still works with the
 * others, and a visitor knows its figures leave those out. Renders nothing when all load.
 * In the page's language (the datasets' titles too).
 */
export async function DataNotice() {
  const broken = await unavailableDatasets();
  if (broken.length === 0) return null;
  const locale = await getLocale();
  const t = await getTranslations('data');
  const titles = new Map((await getPackage(locale)).resources.map((r) => [r.name, r.title]));
  return (
    <div className="warning-box data-notice" role="status">
      <p>
        {t.rich('notice.unavailable', {
          count: broken.length,
          countText: en(broken.length),
          list: () =>
            broken.map((b, i) => (
              <span key={b.resource.name}>
                {i > 0 ? ', ' : ''}
                <Link prefetch={false} href={`/datasets/${b.resource.name}`}>{titles.get(b.resource.name) ?? b.resource.title}</Link>
              </span>
            )),
        })}
      </p>
    </div>
  );
}
