import { getTranslations } from 'next-intl/server';
import { SiteChrome } from '@/app/_components/site-chrome';
import { Link } from '@/lib/i18n/navigation';

/** The 404 page, in the language of the address (/es/no-such-page is answered in Spanish). */
export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <SiteChrome>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link prefetch={false} href="/">{t('dashboard')}</Link> {t('or')} <Link prefetch={false} href="/data">{t('data')}</Link>.
      </p>
    </SiteChrome>
  );
}
