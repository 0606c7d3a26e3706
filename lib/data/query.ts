/**
 * Filters for the read API and the dataset pages: parsed from URL parameters, checked against
 * the schema, with a clear message naming any bad parameter.
 */
import { AGE_GROUPS } from '../vocabulary/age-groups';
import { GEOGRAPHIES } from '../vocabulary/geography';
import { showText } from '../import/issues';
import { INDICATOR_PATTERN, PERIOD_PATTERN, type Observation } from '../vocabulary/schema';
import { periodYears } from '../vocabulary/series';
import { UNITS } from '../vocabulary/units';

export interface ObservationFilter {
  indicator?: string[];
  geography?: string[];
  age_group?: string[];
  period?: string[];
  unit?: string[];
  /** First survey year to include (periods that start on or after it). */
  from?: number;
  /** Last survey year to include (periods that end on or before it). */
  to?: number;
  /** Revisions to include: 0 for figures as first published, 1, 2… for later restatements. */
  revision?: number[];
}

export interface ParameterError {
  parameter: string;
  message: string;
}

const LIST_PARAMETERS = ['indicator', 'geography', 'age_group', 'period', 'unit'] as const;
export const FILTER_PARAMETERS: readonly string[] = [...LIST_PARAMETERS, 'revision', 'from', 'to'];

/**
 * An unescaped `+` in a query string decodes to a space, so `age_group=12+` arrives as "12 ". An
 * age group is never written with a space, so a number followed by one space means "12+"
 * (and only when that is a known group: "12 or older" stays an error).
 */
function plusFromSpace(value: string): string {
  const m = /^(\d+) $/.exec(value);
  return m && (AGE_GROUPS as readonly string[]).includes(`${m[1]}+`) ? `${m[1]}+` : value;
}

const GEOGRAPHY_CODES = new Set(GEOGRAPHIES.map((g) => g.code));
const UNIT_NAMES = new Set(UNITS.map((u) => u.name));

function checkValue(name: (typeof LIST_PARAMETERS)[number], value: string, indicators: ReadonlySet<string>): string | null {
  switch (name) {
    case 'indicator':
      if (!new RegExp(INDICATOR_PATTERN).test(value)) return `${showText(value)} is not an indicator identifier (like sud_past_year).`;
      return indicators.has(value) ? null : `${showText(value)} is not a known indicator.`;
    case 'geography':
      return GEOGRAPHY_CODES.has(value) ? null : `${showText(value)} is not a geography code: use US, Northeast, Midwest, South, West or a state code such as CA.`;
    case 'age_group':
      if ((AGE_GROUPS as readonly string[]).includes(value)) return null;
      return `${showText(value)} is not an age group; use one of ${AGE_GROUPS.join(', ')}${/\s/.test(value) ? ' (in a URL, write + as %2B: age_group=12%2B)' : ''}.`;
    case 'period':
      return new RegExp(PERIOD_PATTERN).test(value) ? null : `${showText(value)} is not a period such as 2014 or 2018-2019.`;
    case 'unit':
      return UNIT_NAMES.has(value) ? null : `${showText(value)} is not a unit; use one of ${[...UNIT_NAMES].join(', ')}.`;
  }
}

/**
 * Reads a filter from URL parameters. Lists are comma-separated (`geography=CA,TX`). Parameters
 * other than the filter ones are refused unless listed in `extra`.
 */
export function parseFilter(
  params: URLSearchParams,
  indicators: ReadonlySet<string>,
  extra: readonly string[] = [],
): { filter: ObservationFilter } | { error: ParameterError } {
  const filter: ObservationFilter = {};
  for (const key of new Set(params.keys())) {
    if (!FILTER_PARAMETERS.includes(key) && !extra.includes(key)) {
      return { error: { parameter: key, message: `Unknown parameter “${key}”. Allowed: ${[...FILTER_PARAMETERS, ...extra].join(', ')}.` } };
    }
    if (params.getAll(key).length > 1) {
      return { error: { parameter: key, message: `Give “${key}” once; separate several values with commas.` } };
    }
  }
  for (const name of LIST_PARAMETERS) {
    const raw = params.get(name);
    if (raw === null) continue;
    const values = name === 'age_group' ? raw.split(',').map(plusFromSpace) : raw.split(',');
    if (values.some((v) => v === '')) return { error: { parameter: name, message: `“${name}” has an empty value.` } };
    for (const v of values) {
      const problem = checkValue(name, v, indicators);
      if (problem) return { error: { parameter: name, message: problem } };
    }
    filter[name] = [...new Set(values)];
  }
  const revision = params.get('revision');
  if (revision !== null) {
    const values = revision.split(',');
    if (values.some((v) => v === '')) return { error: { parameter: 'revision', message: '“revision” has an empty value.' } };
    const bad = values.find((v) => !/^\d{1,3}$/.test(v));
    if (bad !== undefined) {
      return { error: { parameter: 'revision', message: `${showText(bad)} is not a revision: use 0 for figures as first published, 1, 2… for later restatements (whole numbers).` } };
    }
    filter.revision = [...new Set(values.map(Number))];
  }
  for (const name of ['from', 'to'] as const) {
    const raw = params.get(name);
    if (raw === null) continue;
    if (!/^\d{4}$/.test(raw)) return { error: { parameter: name, message: `“${name}” must be a four-digit year, such as 2015.` } };
    filter[name] = Number(raw);
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    return { error: { parameter: 'from', message: `“from” (${filter.from}) is after “to” (${filter.to}).` } };
  }
  return { filter };
}

export function matchesFilter(o: Observation, f: ObservationFilter): boolean {
  if (f.indicator && !f.indicator.includes(o.indicator)) return false;
  if (f.geography && !f.geography.includes(o.geography)) return false;
  if (f.age_group && !f.age_group.includes(o.age_group)) return false;
  if (f.period && !f.period.includes(o.period)) return false;
  if (f.unit && !f.unit.includes(o.unit)) return false;
  if (f.revision && !f.revision.includes(o.revision)) return false;
  if (f.from !== undefined || f.to !== undefined) {
    const years = periodYears(o.period);
    if (!years) return false;
    if (f.from !== undefined && years[0] < f.from) return false;
    if (f.to !== undefined && years[1] > f.to) return false;
  }
  return true;
}

export function applyFilter<T extends Observation>(observations: readonly T[], filter: ObservationFilter): T[] {
  return observations.filter((o) => matchesFilter(o, filter));
}
