import { describe, expect, it } from 'vitest';
import { applyFilter, parseFilter } from '@/lib/data/query';
import type { Observation } from '@/lib/vocabulary/schema';

const known = new Set(['sud_past_year', 'aud_past_year']);
const parse = (q: string) => parseFilter(new URLSearchParams(q), known);
const obs = (period: string, geography = 'US', indicator = 'sud_past_year') => ({ indicator, period, geography, age_group: '12+', unit: 'percent' }) as Observation;

describe('parseFilter', () => {
  it('reads comma-separated lists and a year range', () => {
    expect(parse('indicator=sud_past_year&geography=CA,TX&from=2015&to=2019')).toEqual({
      filter: { indicator: ['sud_past_year'], geography: ['CA', 'TX'], from: 2015, to: 2019 },
    });
  });

  it('names the parameter that is wrong', () => {
    const errorOf = (q: string) => ('error' in parse(q) ? (parse(q) as { error: { parameter: string } }).error.parameter : null);
    expect(errorOf('geography=California')).toBe('geography');
    expect(errorOf('indicator=made_up')).toBe('indicator');
    expect(errorOf('age_group=12 or older')).toBe('age_group');
    expect(errorOf('period=2014.0')).toBe('period');
    expect(errorOf('unit=percents')).toBe('unit');
    expect(errorOf('from=15')).toBe('from');
    expect(errorOf('from=2020&to=2010')).toBe('from');
    expect(errorOf('colour=red')).toBe('colour');
    expect(errorOf('geography=CA&geography=TX')).toBe('geography');
    expect(errorOf('geography=CA,')).toBe('geography');
  });
});

describe('applyFilter', () => {
  it('keeps periods wholly inside from–to, pooled pairs included', () => {
    const rows = [obs('2014'), obs('2015'), obs('2018-2019'), obs('2019-2020'), obs('2021', 'CA')];
    const { filter } = parse('from=2015&to=2019') as { filter: object };
    expect(applyFilter(rows, filter).map((o) => o.period)).toEqual(['2015', '2018-2019']);
    expect(applyFilter(rows, (parse('geography=CA') as { filter: object }).filter).map((o) => o.period)).toEqual(['2021']);
  });
});

describe('parseFilter, age groups written with an unescaped +', () => {
  it('reads "12 " (what age_group=12+ decodes to) as 12+, in lists too', () => {
    expect(parse('age_group=12+')).toEqual({ filter: { age_group: ['12+'] } });
    expect(parse('age_group=18+,26+,65+')).toEqual({ filter: { age_group: ['18+', '26+', '65+'] } });
  });

  it('still refuses a space that is not a + of a known group, and says how to write +', () => {
    const message = (q: string) => (parse(q) as { error: { message: string } }).error.message;
    expect(message('age_group=13+')).toMatch(/“13 ” is not an age group.*%2B/);
    expect(message('age_group=12 or older')).toMatch(/is not an age group/);
  });
});

describe('parseFilter, revision', () => {
  const rows = [
    { ...obs('2021'), revision: 0 },
    { ...obs('2021'), revision: 1 },
    { ...obs('2022'), revision: 0 },
  ] as Observation[];

  it('keeps only the revisions asked for', () => {
    const only = (q: string) => applyFilter(rows, (parse(q) as { filter: object }).filter).map((o) => `${o.period}r${o.revision}`);
    expect(only('revision=1')).toEqual(['2021r1']);
    expect(only('revision=0')).toEqual(['2021r0', '2022r0']);
    expect(only('revision=0,1')).toEqual(['2021r0', '2021r1', '2022r0']);
  });

  it('refuses anything but whole numbers, naming the parameter', () => {
    for (const q of ['revision=latest', 'revision=-1', 'revision=1.5', 'revision=', 'revision=1,', 'revision=1&revision=2']) {
      const parsed = parse(q);
      expect('error' in parsed && parsed.error.parameter, q).toBe('revision');
    }
  });
});
