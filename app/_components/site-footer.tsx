import Link from 'next/link';
import { HelpLines } from './help-lines';
import { getPackage } from '@/lib/store/live';
import { formatDate } from '@/lib/format/numbers';

function lastUpdated(dates: string[]): string | null {
  const latest = dates.filter((d) => !Number.isNaN(Date.parse(d))).sort().at(-1);
  return latest ? formatDate(latest) : null;
}

/** Help lines on every page, and where the numbers come from. */
export async function SiteFooter() {
  const pkg = await getPackage();
  const updated = lastUpdated(pkg.resources.map((r) => r.lastModified));
  return (
    <footer className="site-footer">
      <div className="wrap">
        <h2>Find help</h2>
        <HelpLines compact />
        <p>
          Data: Substance Abuse and Mental Health Services Administration (SAMHSA), National Survey on Drug Use and Health (NSDUH).
          Public domain; cite SAMHSA. {updated ? <>Data last updated {updated}. </> : null}
          <Link prefetch={false} href="/data">Download the data</Link> · <Link prefetch={false} href="/methodology">How the numbers are made</Link> ·{' '}
          <Link prefetch={false} href="/iop">What is an Intensive Outpatient Program?</Link>
        </p>
      </div>
    </footer>
  );
}
