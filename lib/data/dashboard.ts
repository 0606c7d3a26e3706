/**
 * Everything the dashboard needs on first render, computed on the server from the same store
 * and filters as the read API, so the client's first view matches what it would fetch.
 */
import 'server-only';
import '../charts/english'; // English defaults for the chart functions this module calls
import { GEOGRAPHIES } from '../vocabulary/geography';
import { indicatorOptions, parseView, viewRequests, type IndicatorOption, type View } from '../charts/view';
import { oncePerRows } from './per-version';
import { applyFilter, parseFilter } from './query';
import type { Observation } from '../vocabulary/schema';
import { getAllObservations, getDataset, getPackage } from '../store/live';
import type { Locale } from '../i18n/locales';

export interface DashboardData {
  view: View;
  options: IndicatorOption[];
  datasets: Array<{ id: string; states: boolean }>;
  /** The API URLs of the initial view, with the observations each returns. */
  initial: Array<{ url: string; observations: Observation[] }>;
}

const STATES = new Set(GEOGRAPHIES.filter((g) => g.level === 'state').map((g) => g.code));

/** Answers an API URL of ours in-process, exactly as the route handler would. */
async function answer(url: string, indicators: ReadonlySet<string>): Promise<Observation[]> {
  const parsed = new URL(url, 'http://local');
  const id = decodeURIComponent(parsed.pathname.split('/').at(-1) ?? '');
  const dataset = await getDataset(id);
  if (!dataset) return [];
  // A dataset's rows are one array per version of the data, so an answer holds until a publish.
  const byUrl = answersFor(dataset.observations);
  const key = `${url}\0${[...indicators].join(',')}`;
  const known = byUrl.get(key);
  if (known) return known;
  const filter = parseFilter(parsed.searchParams, indicators);
  const rows = 'error' in filter ? [] : applyFilter(dataset.observations, filter.filter);
  if (byUrl.size >= MAX_ANSWERS) byUrl.clear();
  byUrl.set(key, rows);
  return rows;
}

/**
 * Answers already given, per dataset rows and URL (with the indicators the URL was checked
 * against): filtering the 140,000 state rows took most of the home page's server time.
 */
const answersFor = oncePerRows((_rows: readonly Observation[]) => new Map<string, Observation[]>());
const MAX_ANSWERS = 500;

/** Picker options, computed once per version of the data (they scan every observation). */
const optionsCache: Partial<Record<Locale, { all: unknown; indicators: unknown; options: IndicatorOption[] }>> = {};

/** The first view of the dashboard, its measure names in `locale`. */
export async function loadDashboard(searchParams: Record<string, string | string[] | undefined>, locale: Locale = 'en'): Promise<DashboardData> {
  const pkg = await getPackage(locale);
  const all = await getAllObservations();
  let cachedOptions = optionsCache[locale];
  if (!cachedOptions || cachedOptions.all !== all || cachedOptions.indicators !== pkg.indicators) {
    cachedOptions = optionsCache[locale] = { all, indicators: pkg.indicators, options: indicatorOptions(all, new Map(pkg.indicators.map((i) => [i.name, i]))) };
  }
  const options = cachedOptions.options;
  const datasets = await Promise.all(
    pkg.resources.map(async (r) => ({ id: r.name, states: ((await getDataset(r.name))?.observations ?? []).some((o) => STATES.has(o.geography)) })),
  );
  const view = parseView(searchParams, options);
  const indicators = new Set(pkg.indicators.map((i) => i.name));
  const urls = viewRequests(view, datasets);
  const initial = await Promise.all(urls.map(async (url) => ({ url, observations: await answer(url, indicators) })));
  return { view, options, datasets, initial };
}
