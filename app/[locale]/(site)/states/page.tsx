import Link from 'next/link';
import { redirect } from 'next/navigation';
import { GEOGRAPHIES, type Geography } from '@/lib/vocabulary/geography';
import { pageMetadata } from '@/lib/site/metadata';
import { CARRIED, carriedView, findStates, stateHref, statesHref, type CarriedView } from './links';

export const metadata = pageMetadata(
  'States',
  'Substance use and treatment estimates for every state and the District of Columbia, beside the United States, with 95% intervals.',
  '/states',
);

const REGIONS = ['Northeast', 'Midwest', 'South', 'West'];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const byName = (a: Geography, b: Geography) => a.name.localeCompare(b.name);

/** States grouped by the first letter of their names, A to Z. */
function byLetter(states: Geography[]): Array<[letter: string, states: Geography[]]> {
  const groups = new Map<string, Geography[]>();
  for (const s of [...states].sort(byName)) {
    const letter = s.name.charAt(0).toUpperCase();
    groups.set(letter, [...(groups.get(letter) ?? []), s]);
  }
  return [...groups];
}

/**
 * Every state and DC, A to Z and by census region, and a search that works without JavaScript (a
 * GET form: the server lists the matches, or opens the one state named). View parameters in the
 * URL (from a state page or the dashboard) are kept in every link, so a visitor moving between
 * states keeps the indicator, age group and measure they chose.
 */
export default async function StatesPage({ searchParams }: Props) {
  const query = await searchParams;
  const view = carriedView(query);
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const q = (raw ?? '').slice(0, 60).trim();
  const found = q ? findStates(q) : null;
  const only = found?.exact ?? (found?.matches.length === 1 ? found.matches[0] : undefined);
  if (only) redirect(stateHref(only.code, view));

  const states = GEOGRAPHIES.filter((g) => g.level === 'state');
  const listed = found && found.matches.length ? found.matches : states;
  const groups = byLetter(listed);
  const link = (s: Geography) => <Link prefetch={false} href={stateHref(s.code, view)}>{s.name}</Link>;

  return (
    <>
      <h1>States</h1>
      <p className="lead">
        Every published estimate for a state or the District of Columbia, beside the United States, with 95% intervals. Choose a state,
        or compare all of them on the <Link prefetch={false} href="/#map">dashboard map</Link>.
      </p>

      <form className="state-search" method="get" action="/states" role="search" aria-label="Find a state">
        <label htmlFor="state-search-q">Find a state</label>
        <div className="state-search-row">
          <input id="state-search-q" name="q" type="search" defaultValue={q} placeholder="e.g. Ohio or OH" autoComplete="off" list="state-names" />
          <button type="submit">Find</button>
        </div>
        <datalist id="state-names">
          {states.map((s) => (
            <option key={s.code} value={s.name} />
          ))}
        </datalist>
        {CARRIED.map((key) => (view[key] ? <input key={key} type="hidden" name={key} value={view[key]} /> : null))}
      </form>

      {found ? (
        <p className="state-search-result" role="status">
          {found.matches.length
            ? `${found.matches.length} states match “${q}”.`
            : `No state or district matches “${q}”. Every state is listed below.`}{' '}
          {found.matches.length ? <Link prefetch={false} href={statesHref(view)}>Show every state</Link> : null}
        </p>
      ) : null}

      <section aria-labelledby="az-title" className="states-az">
        <h2 id="az-title">{found?.matches.length ? 'Matching states, A–Z' : 'All states, A–Z'}</h2>
        {groups.length > 1 ? (
          <nav aria-label="Jump to a letter" className="letter-nav">
            <ul>
              {groups.map(([letter]) => (
                <li key={letter}>
                  <a href={`#letter-${letter}`}>{letter}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="az-groups" data-testid="states-az">
          {groups.map(([letter, group]) => (
            <div key={letter} className="az-group" id={`letter-${letter}`}>
              <h3 aria-label={`Letter ${letter}`}>{letter}</h3>
              <ul className="state-list">
                {group.map((s) => (
                  <li key={s.code}>{link(s)}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      {found?.matches.length ? null : <Regions states={states} view={view} />}
    </>
  );
}

function Regions({ states, view }: { states: Geography[]; view: CarriedView }) {
  return (
    <section aria-labelledby="regions-title">
      <h2 id="regions-title">By census region</h2>
      <div className="region-grid">
        {REGIONS.map((region) => (
          <section key={region} aria-labelledby={`region-${region}`}>
            <h3 id={`region-${region}`}>{region}</h3>
            <ul className="state-list">
              {states
                .filter((s) => s.region === region)
                .sort(byName)
                .map((s) => (
                  <li key={s.code}>
                    <Link prefetch={false} href={stateHref(s.code, view)}>{s.name}</Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
