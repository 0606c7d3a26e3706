/** Expected values for the state-page tests, read from data/ (never hard-coded). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rows, type Row } from './data';
import { periodYears } from '../../lib/vocabulary/series';

const PACKAGE = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
/** Every row of every dataset in data/. */
export const ALL = PACKAGE.resources.flatMap((r) => rows(r.path));
const isCount = (r: Row) => !r.unit.startsWith('percent');

/** Newest first, as the pages order periods. */
export const newestFirst = (a: string, b: string) => {
  const [a0, a1] = periodYears(a) ?? [0, 0];
  const [b0, b1] = periodYears(b) ?? [0, 0];
  return b1 - a1 || b0 - a0;
};

/** A state's published figures (estimate present). */
export const figuresOf = (code: string) => ALL.filter((r) => r.geography === code && r.estimate !== '');

/**
 * An indicator whose table on the state's page shows, at age 12+, both a percentage and a number
 * of people: the state's newest period in percent of the age group also has a count.
 */
export function percentAndCount(code: string): { indicator: string; percent: Row; count: Row } {
  const mine = figuresOf(code);
  for (const indicator of [...new Set(mine.map((r) => r.indicator))].sort()) {
    const own = mine.filter((r) => r.indicator === indicator);
    const newest = [...new Set(own.filter((r) => r.unit === 'percent').map((r) => r.period))].sort(newestFirst)[0];
    const percent = own.find((r) => r.period === newest && r.unit === 'percent' && r.age_group === '12+');
    const count = own.find((r) => r.period === newest && isCount(r) && r.age_group === '12+');
    if (percent && count) return { indicator, percent, count };
  }
  throw new Error(`no indicator in data/ has ${code}'s percentage and count in one period`);
}

/**
 * A view a visitor could bring from the dashboard to a state page, other than the default: an
 * indicator with the state's numbers of people for ages 18–25, its newest such period, and a
 * national trend measure the indicator has.
 */
export function dashboardView(code: string): Record<'indicator' | 'age' | 'measure' | 'trend' | 'period', string> {
  const pick = figuresOf(code).find((r) => r.indicator !== 'sud_past_year' && r.age_group === '18-25' && isCount(r));
  if (!pick) throw new Error(`no count for ages 18-25 in ${code}`);
  const periods = figuresOf(code).filter((r) => r.indicator === pick.indicator && r.age_group === '18-25' && isCount(r)).map((r) => r.period);
  const national = ALL.filter((r) => r.geography === 'US' && r.indicator === pick.indicator && r.estimate !== '');
  const trend = national.some((r) => r.unit === 'percent') ? 'percent' : 'count';
  return { indicator: pick.indicator, age: '18-25', measure: 'count', trend, period: [...new Set(periods)].sort(newestFirst)[0] };
}
