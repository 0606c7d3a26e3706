import { getLocale, getTranslations } from 'next-intl/server';
import { HelpLines } from './help-lines';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/locales';
import { getPackage } from '@/lib/store/live';
import { formatDate } from '@/lib/format/numbers';

function lastUpdated(dates: string[], locale: Locale): string | null {
  const latest = dates.filter((d) => !Number.isNaN(Date.parse(d))).sort().at(-1);
  return latest ? formatDate(latest, locale) : null;
}

/** Help lines on every page, and where the numbers come from. */
export async function SiteFooter() {
  const [pkg, t, locale] = await Promise.all([getPackage(), getTranslations('common.footer'), getLocale()]);
  const updated = lastUpdated(
    pkg.resources.map((r) => r.lastModified),
    locale,
  );
  return (
    <footer className="site-footer">
      <div className="wrap">
        <h2>{t('findHelp')}</h2>
        <HelpLines compact />
        <p>
          {t('source')} {updated ? <>{t('updated', { date: updated })} </> : null}
          <Link prefetch={false} href="/data">{t('download')}</Link> · <Link prefetch={false} href="/methodology">{t('howMade')}</Link> ·{' '}
          <Link prefetch={false} href="/iop">{t('whatIsIop')}</Link>
        </p>
      </div>
    </footer>
  );
}
