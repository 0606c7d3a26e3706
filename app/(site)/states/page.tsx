import Link from 'next/link';
import { GEOGRAPHIES } from '@/lib/vocabulary/geography';
import { pageMetadata } from '@/lib/site/metadata';

export const metadata = pageMetadata(
  'States',
  'Substance use and treatment estimates for every state and the District of Columbia, beside the United States, with 95% intervals.',
  '/states',
);

const REGIONS = ['Northeast', 'Midwest', 'South', 'West'];

export default function StatesPage() {
  const states = GEOGRAPHIES.filter((g) => g.level === 'state');
  return (
    <>
      <h1>States</h1>
      <p className="lead">
        Every published estimate for a state or the District of Columbia, beside the United States, with 95% intervals. Choose a state,
        or compare all of them on the <Link href="/#map">dashboard map</Link>.
      </p>
      <div className="region-grid">
        {REGIONS.map((region) => (
          <section key={region} aria-labelledby={`region-${region}`}>
            <h2 id={`region-${region}`}>{region}</h2>
            <ul className="state-list">
              {states
                .filter((s) => s.region === region)
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((s) => (
                  <li key={s.code}>
                    <Link href={`/states/${s.code}`}>{s.name}</Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
