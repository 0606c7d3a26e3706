/** Observations the chart tests draw: one factory, a percent helper and the national trend they share. */
import type { Observation } from '@/lib/vocabulary/schema';

/** Test observations whose `source` reads `source` (each test asserts its own). */
export function chartFixtures(source: string) {
  const o = (p: Partial<Observation>): Observation => ({
    indicator: 'sud_past_year', period: '2014', geography: 'US', age_group: '12+', unit: 'millions', estimate: 1, ci_lower: null, ci_upper: null,
    interval_type: null, series: 'DSM-IV_2002-2014', revision: 0, qualifiers: [], source, note: '', ...p,
  });
  /** A state (or U.S.) percent with its interval, credible for states and confidence for the U.S. */
  const pct = (geography: string, estimate: number, lo: number, hi: number, age = '12+', period = '2018-2019') =>
    o({ period, geography, age_group: age, unit: 'percent', estimate, ci_lower: lo, ci_upper: hi, interval_type: geography === 'US' ? 'confidence' : 'credible', series: 'DSM-IV_2015-2019' });
  /** The national trend across three methodology series, with a two-year 2008–2009 average, gaps between and a count in thousands. */
  const NATIONAL = [
    o({ period: '2002', estimate: 22 }),
    o({ period: '2003', estimate: 21.6 }),
    o({ period: '2004', estimate: 22.5 }),
    o({ period: '2008-2009', estimate: 22.4 }),
    o({ period: '2014', estimate: 21.5 }),
    o({ period: '2016', estimate: 20.1, series: 'DSM-IV_2015-2019' }),
    o({ period: '2018-2019', unit: 'thousands', estimate: 20331, ci_lower: 19774, ci_upper: 20903, interval_type: 'confidence', series: 'DSM-IV_2015-2019' }),
    o({ period: '2021', estimate: 46.3, series: 'DSM-5_2021+' }),
    o({ period: '2022', estimate: 48.7, series: 'DSM-5_2021+' }),
  ];
  return { o, pct, NATIONAL };
}
