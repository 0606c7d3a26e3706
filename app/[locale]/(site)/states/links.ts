/**
 * Links between the state pages and the dashboard that keep the visitor's view: the indicator,
 * age group and measure the state page shows, and the dashboard's national trend measure and
 * map period, which a state page does not use but carries so the way back restores them.
 * The dashboard repairs anything these carry that does not fit (lib/charts/view.ts, parseView).
 */
import { VIEW_PARAMS, viewToSearch } from '@/lib/charts/view';
import type { Locale } from '@/lib/i18n/locales';
import { placeName } from '@/lib/i18n/vocabulary';
import { GEOGRAPHIES, type Geography } from '@/lib/vocabulary/geography';

/** The view parameters a state page carries: the dashboard's, less the place (the page is the place). */
export const CARRIED = VIEW_PARAMS.filter((k): k is Exclude<(typeof VIEW_PARAMS)[number], 'geo'> => k !== 'geo');
export type CarriedKey = (typeof CARRIED)[number];
export type CarriedView = Partial<Record<CarriedKey, string>>;

type Query = Record<string, string | string[] | undefined>;

/** Longer than any indicator name, age group, measure or period: anything longer is not one. */
const MAX_LENGTH = 64;

function one(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= MAX_LENGTH ? s : undefined;
}

/** The view parameters present in a page's query (unchecked: the page that uses one repairs it). */
export function carriedView(query: Query): CarriedView {
  const view: CarriedView = {};
  for (const key of CARRIED) {
    const v = one(query[key]);
    if (v) view[key] = v;
  }
  return view;
}

function search(view: CarriedView): string {
  const params = new URLSearchParams();
  for (const key of CARRIED) if (view[key]) params.set(key, view[key]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * A state page showing the view: `/states/OH?indicator=…&age=…&measure=…`. These addresses have no
 * language: a Link from lib/i18n/navigation adds /es on a Spanish page, and anything else takes
 * them through localePath.
 */
export function stateHref(code: string, view: CarriedView, hash = ''): string {
  return `/states/${code}${search(view)}${hash}`;
}

/** The list of states, whose links keep the view. */
export function statesHref(view: CarriedView, hash = ''): string {
  return `/states${search(view)}${hash}`;
}

/** The dashboard showing the view with the state chosen as the place: `/?indicator=…&geo=OH`. */
export function dashboardHref(code: string, view: CarriedView): string {
  return `/${viewToSearch({ indicator: '', age: '', trend: '', measure: '', period: '', ...view, geo: code })}`;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * States (and DC) matching what a visitor typed: a two-letter code or the start of a word of the
 * name ("oh", "Ohio", "york", "dc", "carolina"). In Spanish the Spanish names match as well as the
 * English ones ("nueva", "Misisipi", "Mississippi"). `exact` is the one state the text names
 * outright, if any.
 */
export function findStates(text: string, locale: Locale = 'en'): { matches: Geography[]; exact: Geography | undefined } {
  const states = GEOGRAPHIES.filter((g) => g.level === 'state');
  const q = fold(text);
  if (!q) return { matches: [], exact: undefined };
  const names = (s: Geography) => (locale === 'en' ? [s.name] : [placeName(s.code, locale), s.name]).map(fold);
  const exact = states.find((s) => names(s).includes(q) || s.code.toLowerCase() === q);
  const matches = states.filter((s) => {
    if (s.code.toLowerCase() === q) return true;
    return names(s).some((name) => {
      const words = name.split(' ');
      return words.some((_, i) => words.slice(i).join(' ').startsWith(q));
    });
  });
  return { matches, exact };
}
