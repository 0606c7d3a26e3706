import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale, localePath, type Locale } from '@/lib/i18n/locales';
import { comparePlaces, placeName } from '@/lib/i18n/vocabulary';
import { en } from '@/lib/format/numbers';
import { GEOGRAPHIES, type Geography } from '@/lib/vocabulary/geography';
import { pageMetadata } from '@/lib/site/metadata';
import { CARRIED, carriedView, findStates, stateHref, statesHref, type CarriedView } from './links';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'states' });
  return pageMetadata(t('index.metaTitle'), t('index.metaDescription'), '/states', false, locale);
}

const REGIONS = ['Northeast', 'Midwest', 'South', 'West'];

/** Orders states by their names in the page's language (Nueva York under N in Spanish). */
const byName = (locale: Locale) => {
  const compare = comparePlaces(locale);
  return (a: Geography, b: Geography) => compare(a.code, b.code);
};

/** The letter a name is listed under: its first, without an accent. */
const initial = (name: string) => name.normalize('NFD').charAt(0).toUpperCase();

/** States grouped by the first letter of their names in the page's language, A to Z. */
function byLetter(states: Geography[], locale: Locale): Array<[letter: string, states: Geography[]]> {
  const groups = new Map<string, Geography[]>();
  for (const s of [...states].sort(byName(locale))) {
    const letter = initial(placeName(s.code, locale));
    groups.set(letter, [...(groups.get(letter) ?? []), s]);
  }
  return [...groups];
}

/**
 * Every state and DC, A to Z and by census region, and a search that works without JavaScript (a
 * GET form: the server lists the matches, or opens the one state named). View parameters in the
 * URL (from a state page or the dashboard) are kept in every link, so a visitor moving between
 * states keeps the indicator, age group and measure they chose. In Spanish the names, their order
 * and the search are Spanish (English names and codes are still found).
 */
export default async function StatesPage({ params, searchParams }: Props) {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'states' });
  const query = await searchParams;
  const view = carriedView(query);
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  const q = (raw ?? '').slice(0, 60).trim();
  const found = q ? findStates(q, locale) : null;
  const only = found?.exact ?? (found?.matches.length === 1 ? found.matches[0] : undefined);
  if (only) redirect(localePath(locale, stateHref(only.code, view)));

  const states = GEOGRAPHIES.filter((g) => g.level === 'state');
  const listed = found && found.matches.length ? found.matches : states;
  const groups = byLetter(listed, locale);
  const name = (s: Geography) => placeName(s.code, locale);
  const link = (s: Geography) => <Link prefetch={false} href={stateHref(s.code, view)}>{name(s)}</Link>;

  return (
    <>
      <h1>{t('index.title')}</h1>
      <p className="lead">
        {t.rich('index.lead', {
          map: (chunks) => (
            // An object, not "/#map": next-intl would write "/es/#map" for that, this is "/es#map".
            <Link prefetch={false} href={{ pathname: '/', hash: 'map' }}>
              {chunks}
            </Link>
          ),
        })}
      </p>

      <form className="state-search" method="get" action={localePath(locale, '/states')} role="search" aria-label={t('index.searchLabel')}>
        <label htmlFor="state-search-q">{t('index.searchLabel')}</label>
        <div className="state-search-row">
          <input id="state-search-q" name="q" type="search" defaultValue={q} placeholder={t('index.searchPlaceholder')} autoComplete="off" list="state-names" />
          <button type="submit">{t('index.searchButton')}</button>
        </div>
        <datalist id="state-names">
          {[...states].sort(byName(locale)).map((s) => (
            <option key={s.code} value={name(s)} />
          ))}
        </datalist>
        {CARRIED.map((key) => (view[key] ? <input key={key} type="hidden" name={key} value={view[key]} /> : null))}
      </form>

      {found ? (
        <p className="state-search-result" role="status">
          {found.matches.length
            ? t('index.matches', { count: found.matches.length, countText: en(found.matches.length), q })
            : t('index.noMatch', { q })}{' '}
          {found.matches.length ? <Link prefetch={false} href={statesHref(view)}>{t('index.showAll')}</Link> : null}
        </p>
      ) : null}

      <section aria-labelledby="az-title" className="states-az">
        <h2 id="az-title">{found?.matches.length ? t('index.matchingAz') : t('index.allAz')}</h2>
        {groups.length > 1 ? (
          <nav aria-label={t('index.jumpToLetter')} className="letter-nav">
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
              <h3 aria-label={t('index.letter', { letter })}>{letter}</h3>
              <ul className="state-list">
                {group.map((s) => (
                  <li key={s.code}>{link(s)}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      {found?.matches.length ? null : <Regions states={states} view={view} locale={locale} title={t('index.byRegion')} />}
    </>
  );
}

function Regions({ states, view, locale, title }: { states: Geography[]; view: CarriedView; locale: Locale; title: string }) {
  return (
    <section aria-labelledby="regions-title">
      <h2 id="regions-title">{title}</h2>
      <div className="region-grid">
        {REGIONS.map((region) => (
          <section key={region} aria-labelledby={`region-${region}`}>
            <h3 id={`region-${region}`}>{placeName(region, locale)}</h3>
            <ul className="state-list">
              {states
                .filter((s) => s.region === region)
                .sort(byName(locale))
                .map((s) => (
                  <li key={s.code}>
                    <Link prefetch={false} href={stateHref(s.code, view)}>
                      {placeName(s.code, locale)}
                    </Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
