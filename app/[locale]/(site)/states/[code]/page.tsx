import '@/lib/charts/english'; // English defaults for the chart functions this module calls
import type { Metadata } from 'next';
import { DataNotice } from '@/app/_components/data-notice';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { INTL_LOCALE, pageLocale, localePath, type Locale } from '@/lib/i18n/locales';
import { ageLabel, ageShortLabel, comparePlaces, placeName, unitWords } from '@/lib/i18n/vocabulary';
import { StateComparisonFigure } from '@/app/_components/charts/state-comparison-figure';
import { StateTrendFigure } from '@/app/_components/charts/state-trend-figure';
import { toAgeModel } from '@/lib/charts/age';
import { COUNT, measureById, measureOfUnit, measuresIn } from '@/lib/charts/measure';
import { choose } from '@/lib/charts/select';
import { againstUs, countsOnlyFor, stateTrendSpan, toStateTrendModel } from '@/lib/charts/state-trend';
import { usBesideStates } from '@/lib/charts/states';
import { comparePeriodsNewestFirst } from '@/lib/charts/view';
import { compareAgeGroups } from '@/lib/vocabulary/age-groups';
import { GEOGRAPHIES, geographyByCode } from '@/lib/vocabulary/geography';
import type { Observation } from '@/lib/vocabulary/schema';
import { getAllObservations, getIndicators } from '@/lib/store/live';
import { oncePerRows } from '@/lib/data/per-version';
import { formatObservation, formatPeriod, formatPeriodList } from '@/lib/format/numbers';
import { html, type Html } from '@/lib/site/html';
import { pageMetadata } from '@/lib/site/metadata';
import { carriedView, dashboardHref, stateHref, statesHref, type CarriedView } from '../links';
import { ProfilePicker } from './picker';
import { DeviceGuessProvider } from '@/app/_components/charts/device-guess';
import { deviceGuess } from '@/lib/http/touch';
import { headers } from 'next/headers';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The page's words (messages/{locale}/states.json). */
type T = Awaited<ReturnType<typeof getTranslations<'states'>>>;

const STATE_CODES = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));
const DEFAULT_INDICATOR = 'sud_past_year';

async function stateOf(params: Props['params'], view: CarriedView = {}) {
  const { code, locale } = await params;
  const geo = geographyByCode(code.toUpperCase());
  if (!geo || geo.level !== 'state') notFound();
  if (code !== geo.code) permanentRedirect(localePath(pageLocale(locale), stateHref(geo.code, view)));
  return geo;
}

/** Where a sentence needs an article before the place: "el Distrito de Columbia" (Spanish messages select on it). */
const dcOf = (code: string) => (code === 'DC' ? 'yes' : 'no');

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const geo = await stateOf(params, carriedView(await searchParams));
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'states' });
  const place = placeName(geo.code, locale);
  return pageMetadata(place, t('profile.metaDescription', { place, dc: dcOf(geo.code) }), `/states/${geo.code}`, false, locale);
}

const show = (o: Observation | undefined, locale: Locale) => (o ? formatObservation(o, 'published', locale) : { estimate: '—', interval: null });

function comparison(t: T, state: Observation | undefined, us: Observation | undefined): string {
  if (!state || !us || us.estimate === null) return '';
  const against = againstUs({ lower: state.ci_lower, upper: state.ci_upper }, { value: us.estimate });
  return against ? t(`comparison.${against}`) : '';
}

/** A measure's name in the page's language: "Number of people", "Percent of the age group", "Percent of those needing treatment". */
function measureLabel(t: T, id: string, locale: Locale): string {
  if (id === COUNT) return t('measure', { kind: 'count', base: '' });
  if (id === 'percent') return t('measure', { kind: 'group', base: '' });
  const words = unitWords(id, locale);
  return words ? t('measure', { kind: 'other', base: words.label.replace(/^% /, '') }) : measureById(id).label;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Rows = ReadonlyArray<Observation & { dataset: string }>;

/** What every state page reads from all the rows: built once per version of the data. */
const tablesOf = oncePerRows((observations: Rows) => {
  // Beside a state, the U.S. rows of the datasets that hold state figures: the state tables' own.
  const stateTables = new Set(observations.filter((o) => STATE_CODES.has(o.geography)).map((o) => o.dataset));
  // The state tables' periods of each indicator: the U.S. is compared at these only.
  const tablePeriods = new Map<string, Set<string>>();
  for (const o of observations) {
    if (!STATE_CODES.has(o.geography)) continue;
    const set = tablePeriods.get(o.indicator);
    if (set) set.add(o.period);
    else tablePeriods.set(o.indicator, new Set([o.period]));
  }
  return { stateTables, tablePeriods, byState: new Map<string, StateRows>() };
});

interface StateRows {
  /** The state's own figures. */
  mine: Observation[];
  /** Per indicator, the state's rows and the U.S. rows of the state tables, in the data's order. */
  byIndicator: Map<string, Observation[]>;
  tablePeriods: Map<string, Set<string>>;
}

/** A state's rows, picked out of every row once per version of the data (each pick scans 150,000 rows). */
function rowsOfState(observations: Rows, code: string): StateRows {
  const { stateTables, tablePeriods, byState } = tablesOf(observations);
  const known = byState.get(code);
  if (known) return known;
  const mine: Observation[] = [];
  const byIndicator = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.geography === code && o.estimate !== null) mine.push(o);
    if (o.geography !== code && !(o.geography === 'US' && stateTables.has(o.dataset))) continue;
    const list = byIndicator.get(o.indicator);
    if (list) list.push(o);
    else byIndicator.set(o.indicator, [o]);
  }
  const rows = { mine, byIndicator, tablePeriods };
  byState.set(code, rows);
  return rows;
}

export default async function StatePage({ params, searchParams }: Props) {
  const query = await searchParams;
  const asked = carriedView(query);
  const geo = await stateOf(params, asked);
  const locale = pageLocale((await params).locale);
  // Another state chosen in the picker without JavaScript: its page, with the same view.
  const other = geographyByCode((one(query.state) ?? '').toUpperCase());
  if (other && other.level === 'state' && other.code !== geo.code) redirect(localePath(locale, stateHref(other.code, asked, '#charts')));
  const [observations, indicators, t] = await Promise.all([getAllObservations(), getIndicators(locale), getTranslations({ locale, namespace: 'states' })]);
  const place = placeName(geo.code, locale);
  const dc = dcOf(geo.code);
  const { mine, byIndicator, tablePeriods } = rowsOfState(observations, geo.code);
  if (mine.length === 0) {
    return (
      <>
        <p>
          <Link prefetch={false} href={statesHref(asked)}>{t('profile.backToStates')}</Link>
        </p>
        <DataNotice />
        <h1>{place}</h1>
        <p className="lead">{t('profile.unavailable', { place, dc })}</p>
      </>
    );
  }
  const titleOf = (name: string) => indicators.get(name)?.title ?? name;
  const indicatorNames = [...new Set(mine.map((o) => o.indicator))].sort((a, b) => titleOf(a).localeCompare(titleOf(b), locale === 'en' ? undefined : INTL_LOCALE[locale]));

  // What the charts show, from the URL, repaired to something this state has.
  const wanted = one(query.indicator);
  const indicator = indicatorNames.find((n) => n === wanted) ?? indicatorNames.find((n) => n === DEFAULT_INDICATOR) ?? indicatorNames[0];
  const own = mine.filter((o) => o.indicator === indicator);
  const measures = measuresIn(own).map((m) => m.id);
  const measure = measures.find((m) => m === one(query.measure)) ?? measures[0];
  const ages = [...new Set(own.filter((o) => measureOfUnit(o.unit) === measure).map((o) => o.age_group))].sort(compareAgeGroups);
  const age = ages.find((a) => a === one(query.age)) ?? (ages.includes('12+') ? '12+' : ages[0]);
  const rows = byIndicator.get(indicator) ?? [];
  const trendOptions = { indicator, indicatorTitle: titleOf(indicator), geography: geo.code, ageGroup: age, measure, periods: [...(tablePeriods.get(indicator) ?? [])] };
  const trend = toStateTrendModel(rows, trendOptions);
  // The comparison with the U.S. is in a percentage: a state's count beside the nation's says nothing.
  const percent = measures.find((m) => measureById(m).kind === 'percent');
  const comparisonPeriod = percent ? [...new Set(own.filter((o) => measureOfUnit(o.unit) === percent).map((o) => o.period))].sort(comparePeriodsNewestFirst)[0] : undefined;
  const ageModel = percent && comparisonPeriod ? toAgeModel(usBesideStates(rows), { indicator, indicatorTitle: titleOf(indicator), geography: geo.code, measure: percent, period: comparisonPeriod }) : null;
  const newerCounts = comparisonPeriod
    ? countsOnlyFor(rows, { indicator, geography: geo.code, ageGroup: age, measure: percent as string }).filter((p) => comparePeriodsNewestFirst(p, comparisonPeriod) < 0)
    : [];
  // The view this page shows, and the dashboard's own choices for the same indicator (its national
  // trend measure and map period), carried unchanged to the dashboard and to other states.
  const sameIndicator = asked.indicator === indicator;
  const view: CarriedView = { indicator, age, measure, ...(sameIndicator && asked.trend ? { trend: asked.trend } : {}), ...(sameIndicator && asked.period ? { period: asked.period } : {}) };
  const universe = t('profile.universe', { age: ageLabel(age, locale).toLowerCase() });
  const span = stateTrendSpan(trend);
  // The server's guess of the visitor's screen, so a phone keeps the charts as drawn (lib/http/touch.ts).
  const guess = deviceGuess(await headers());
  const countsLink =
    trend.countsOnly.length && measures.includes(COUNT) ? (
      <Link prefetch={false} href={stateHref(geo.code, { ...view, measure: COUNT }, '#charts')} scroll={false}>
        {t('profile.showCounts')}
      </Link>
    ) : null;
  const compareStates = comparePlaces(locale);

  return (
    <>
      <p className="state-back">
        <Link prefetch={false} href={dashboardHref(geo.code, view)}>{t('profile.backToDashboard', { place, dc })}</Link>
        <Link prefetch={false} href={statesHref(view)}>{t('profile.allStates')}</Link>
      </p>
      <DataNotice />
      <h1>{place}</h1>
      <p className="lead">{t('profile.lead', { place, dc })}</p>

      <section id="charts" aria-labelledby="charts-title" className="profile-charts">
        <h2 id="charts-title">{t('profile.chartsTitle', { indicator: titleOf(indicator) })}</h2>
        <ProfilePicker
          code={geo.code}
          states={GEOGRAPHIES.filter((g) => g.level === 'state')
            .map((g) => g.code)
            .sort(compareStates)
            .map((code) => ({ code, name: placeName(code, locale) }))}
          carried={{ trend: view.trend, period: view.period }}
          indicators={indicatorNames.map((name) => ({ name, title: titleOf(name) }))}
          indicator={indicator}
          ages={ages}
          age={age}
          measures={measures.map((id) => ({ id, label: measureLabel(t, id, locale) }))}
          measure={measure}
          words={{
            form: t('picker.form'),
            state: t('picker.state'),
            indicator: t('picker.indicator'),
            age: t('picker.age'),
            showAs: t('picker.showAs'),
            update: t('picker.update'),
            loading: t('picker.loading'),
          }}
        />
        {indicators.get(indicator) ? <p className="definition">{indicators.get(indicator)?.definition}</p> : null}
        <DeviceGuessProvider guess={guess}>
          <StateTrendFigure
            id="state-trend"
            model={trend}
            options={trendOptions}
            title={t('profile.trendTitle', { place, dc, us: trend.us ? 'yes' : 'no', hasSpan: span ? 'yes' : 'no', span })}
            universe={universe}
            countsAction={countsLink}
          />
          {ageModel ? (
            <StateComparisonFigure
              id="state-vs-us"
              model={ageModel}
              indicatorTitle={titleOf(indicator)}
              universe={t('profile.universeAll')}
              notes={
                newerCounts.length ? (
                  <p className="chart-note counts-only">{t('profile.latestWithPercentages', { periods: formatPeriodList(newerCounts, locale) })}</p>
                ) : null
              }
            />
          ) : (
            <p className="chart-note">{t('profile.countsOnly', { place, dc })}</p>
          )}
        </DeviceGuessProvider>
      </section>

      <h2 id="all-indicators">{t('profile.everyIndicator')}</h2>
      <p className="chart-note">{t('profile.comparisonNote')}</p>
      <nav aria-label={t('profile.toc')} className="toc">
        <ul>
          {indicatorNames.map((name) => (
            <li key={name}>
              <a href={`#${name}`}>{titleOf(name)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {indicatorNames.map((name) => (
        <IndicatorTable
          key={name}
          t={t}
          locale={locale}
          name={name}
          title={titleOf(name)}
          definition={indicators.get(name)?.definition}
          code={geo.code}
          stateName={place}
          rows={byIndicator.get(name) ?? []}
        />
      ))}
    </>
  );
}

/** A figure and its interval in a table cell; `label` names it where the row is shown as a card. */
function figure(label: string, o: Observation | undefined, locale: Locale): Html {
  const f = show(o, locale);
  return html`<td role="cell" class="num" data-label="${label}">${f.estimate}${f.interval ? html`<span class="interval"> (${f.interval})</span>` : null}</td>`;
}

interface IndicatorTableProps {
  t: T;
  locale: Locale;
  name: string;
  title: string;
  definition?: string;
  code: string;
  stateName: string;
  rows: Observation[];
}

function IndicatorTable({ t, locale, name, title, definition, code, stateName, rows }: IndicatorTableProps) {
  const own = rows.filter((o) => o.geography === code && o.estimate !== null);
  const measure = measuresIn(own)[0]?.id ?? COUNT;
  const periods = [...new Set(own.filter((o) => measureOfUnit(o.unit) === measure).map((o) => o.period))].sort(comparePeriodsNewestFirst);
  const period = periods[0];
  const inPeriod = usBesideStates(rows.filter((o) => o.period === period));
  const chosen = choose(inPeriod, (o) => `${o.geography}|${o.age_group}|${measureOfUnit(o.unit)}`);
  const get = (geography: string, age: string, m: string) => chosen.get(`${geography}|${age}|${m}`)?.observation;
  const ages = [...new Set(own.filter((o) => o.period === period).map((o) => o.age_group))].sort(compareAgeGroups);
  const percent = measureById(measure).kind === 'percent';
  // The number of people only where the period has counts (2021 has percentages only).
  const counts = ages.some((age) => get(code, age, COUNT));
  const newer = countsOnlyFor(rows, { indicator: name, geography: code, ageGroup: ages.includes('12+') ? '12+' : (ages[0] ?? '12+'), measure }).filter(
    (p) => comparePeriodsNewestFirst(p, period) < 0,
  );
  const sources = [...new Set(own.filter((o) => o.period === period).map((o) => o.source.replace(/: .*$/, '')))];
  const dc = dcOf(code);
  const us = t('table.unitedStates');
  const compared = t('table.compared');
  const th = (text: string) => html`<th scope="col" role="columnheader">${text}</th>`;
  const caption = t('table.caption', {
    title,
    place: stateName,
    period: formatPeriod(period),
    percent: percent ? 'yes' : 'no',
    measure: percent ? measureLabel(t, measure, locale).toLowerCase() : '',
  });
  const table = html`<table class="data state-table" role="table"><caption>${caption}</caption><thead role="rowgroup"><tr role="row">${th(t('table.age'))}${
    percent ? th(stateName) : null
  }${counts ? th(t('table.numberOfPeople', { place: stateName })) : null}${percent ? [th(us), th(compared)] : null}</tr></thead><tbody role="rowgroup">${ages.map((age) => {
    const state = percent ? get(code, age, measure) : undefined;
    const usFigure = percent ? get('US', age, measure) : undefined;
    return html`<tr role="row"><th scope="row" role="rowheader" data-label="${t('table.age')}">${ageShortLabel(age)}</th>${percent ? figure(stateName, state, locale) : null}${
      counts ? figure(t('table.peopleIn', { place: stateName, dc }), get(code, age, COUNT), locale) : null
    }${percent ? [figure(us, usFigure, locale), html`<td role="cell" data-label="${compared}" class="compared">${comparison(t, state, usFigure)}</td>`] : null}</tr>`;
  })}</tbody></table>`;
  return (
    <section id={name} aria-labelledby={`${name}-title`} className="profile-section">
      <h3 id={`${name}-title`}>{title}</h3>
      {definition ? <p className="chart-subtitle">{definition}</p> : null}
      {/* On a phone each row is a card (app/styles/states.css): the ARIA roles keep the table's
          semantics when CSS changes its display, and data-label names each figure on the card. */}
      {/* The table never changes in the browser: it is written as one string of static HTML
          (lib/site/html.ts), so React hydrates one element here, not a hundred. */}
      <div
        className="table-scroll"
        role="region"
        aria-label={t('table.region', { title, place: stateName })}
        tabIndex={0}
        dangerouslySetInnerHTML={{ __html: table.value }}
      />
      <p className="chart-note">
        {newer.length ? `${t('table.countsOnly', { periods: formatPeriodList(newer, locale) })} ` : ''}
        {t.rich('table.chartAndSource', {
          title,
          lowerTitle: title.charAt(0).toLowerCase() + title.slice(1),
          sources: sources.join('; '),
          count: sources.length,
          link: (chunks) => (
            <Link prefetch={false} href={`/states/${code}?indicator=${name}#charts`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
