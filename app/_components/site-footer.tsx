import Link from 'next/link';
import { getPackage } from '@/lib/data/store';

function lastUpdated(dates: string[]): string | null {
  const latest = dates.filter((d) => !Number.isNaN(Date.parse(d))).sort().at(-1);
  return latest ? new Date(latest).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : null;
}

/** Help lines on every page, and where the numbers come from. */
export async function SiteFooter() {
  const pkg = await getPackage();
  const updated = lastUpdated(pkg.resources.map((r) => r.lastModified));
  return (
    <footer className="site-footer">
      <div className="wrap">
        <h2>Find help</h2>
        <ul className="help-lines">
          <li>
            SAMHSA’s National Helpline, free and confidential, 24/7: <a href="tel:+18006624357">1-800-662-HELP (4357)</a>
          </li>
          <li>
            Find treatment near you: <a href="https://findtreatment.gov">FindTreatment.gov</a>
          </li>
          <li>
            988 Suicide &amp; Crisis Lifeline: call or text <a href="tel:988">988</a>
          </li>
        </ul>
        <p>
          Data: Substance Abuse and Mental Health Services Administration (SAMHSA), National Survey on Drug Use and Health (NSDUH).
          Public domain; cite SAMHSA. {updated ? <>Data last updated {updated}. </> : null}
          <Link href="/data">Download the data</Link>.
        </p>
      </div>
    </footer>
  );
}
