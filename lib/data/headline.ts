/** Picks headline figures out of observations, without computing any number. */
import { periodYears } from '../vocabulary/series';
import type { Observation } from '../vocabulary/schema';

export interface Figure<T extends Observation = Observation> {
  period: string;
  series: string;
  /** The figure in each published unit (count first, then percent), latest revision of each. */
  values: T[];
}

const COUNT_FIRST = ['millions', 'thousands', 'persons', 'percent'];

/** Latest revision of each unit for one indicator, geography, age group and period. */
export function figureFor<T extends Observation>(observations: readonly T[], key: Pick<Observation, 'indicator' | 'geography' | 'age_group' | 'period'>): Figure<T> | null {
  const matching = observations.filter(
    (o) => o.indicator === key.indicator && o.geography === key.geography && o.age_group === key.age_group && o.period === key.period && o.estimate !== null,
  );
  if (!matching.length) return null;
  const byUnit = new Map<string, T>();
  for (const o of matching) {
    const seen = byUnit.get(o.unit);
    if (!seen || o.revision > seen.revision) byUnit.set(o.unit, o);
  }
  const values = [...byUnit.values()].sort((a, b) => rank(a.unit) - rank(b.unit));
  return { period: key.period, series: values[0].series, values };
}

function rank(unit: string): number {
  const i = COUNT_FIRST.indexOf(unit);
  return i === -1 ? COUNT_FIRST.length : i;
}

/** The most recent period (by its last survey year; single years before pooled ones) with a figure. */
export function latestFigure<T extends Observation>(observations: readonly T[], key: Pick<Observation, 'indicator' | 'geography' | 'age_group'>): Figure<T> | null {
  const periods = [...new Set(observations.filter((o) => o.indicator === key.indicator && o.geography === key.geography && o.age_group === key.age_group && o.estimate !== null).map((o) => o.period))];
  const order = (p: string) => {
    const y = periodYears(p) ?? [0, 0];
    return y[1] * 10 - (y[1] - y[0]);
  };
  periods.sort((a, b) => order(b) - order(a));
  return periods.length ? figureFor(observations, { ...key, period: periods[0] }) : null;
}

/**
 * The site a figure was read from when it came through someone else's page rather than SAMHSA's
 * own, in the words of its source: "drugpolicyfacts.org" for "drugpolicyfacts.org/node/1401
 * quoting 2024 NSDUH Key Indicators", the host of the address for a federal text reposted on
 * another site (qualifier `federal_text_copy`), or `unnamed` when that address names no host. Null for a
 * figure read from SAMHSA or a federal page. `unnamed` is the reader's words ("otro sitio web" in Spanish).
 */
export function quotedVia(o: Pick<Observation, 'source' | 'qualifiers'>, unnamed = 'another website'): string | null {
  const quoting = /^(.+?)\s+quoting\s/i.exec(o.source);
  if (quoting) return quoting[1].replace(/https?:\/\//g, '').replace(/(\.[a-z]{2,})\/[^\s,;)]*/gi, '$1').trim();
  if (o.qualifiers.includes('federal_text_copy')) {
    const address = /https?:\/\/([^/\s]+)/.exec(o.source);
    return address ? address[1].replace(/^www\./, '') : unnamed;
  }
  return null;
}
