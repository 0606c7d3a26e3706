import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { en, formatObservation, formatPeople, formatValue } from '@/lib/format/numbers';
import { figureFor, latestFigure } from '@/lib/data/headline';
import type { Observation } from '@/lib/vocabulary/schema';

describe('formatValue', () => {
  it('formats numbers for people, keeping the publisher’s precision', () => {
    expect(formatValue(21.5, 'millions')).toBe('21.5 million');
    expect(formatValue(22, 'millions')).toBe('22.0 million');
    expect(formatValue(7.41, 'percent')).toBe('7.41%');
    expect(formatValue(7.41, 'percent', { precision: 'short' })).toBe('7.4%');
    expect(formatValue(20331, 'thousands')).toBe('20,331 thousand');
    expect(formatValue(20331, 'thousands', { precision: 'short' })).toBe('20.3 million');
    expect(formatValue(7748000, 'persons')).toBe('7,748,000');
    expect(formatPeople(414000)).toBe('414 thousand');
  });

  it('never shows a rounded-to-zero count as 0', () => {
    expect(formatValue(0, 'thousands', { roundedToZero: true })).toBe('fewer than 500');
    expect(formatValue(0, 'thousands')).toBe('0 thousand');
  });

  it('formats an estimate and its interval at one precision, as SAMHSA printed them', () => {
    const o = { estimate: 7.41, ci_lower: 7.2, ci_upper: 7.62, unit: 'percent', qualifiers: [] };
    expect(formatObservation(o)).toEqual({ estimate: '7.41%', interval: '7.20% to 7.62%' });
    expect(formatObservation({ ...o, estimate: null, ci_lower: null, ci_upper: null })).toEqual({ estimate: 'not published', interval: null });
  });
});

describe('en (digits written by hand)', () => {
  const intl = (v: number, d?: number) => new Intl.NumberFormat('en-US', d === undefined ? { maximumFractionDigits: 20 } : { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
  // Every estimate and interval bound in the state dataset, plus edge cases and pseudo-random values.
  const csv = readFileSync(path.join(__dirname, '..', '..', 'data', 'state-estimates-2021-on.csv'), 'utf8');
  const fromData = csv
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split(',').slice(5, 8))
    .filter((x) => x !== '' && !Number.isNaN(Number(x)))
    .map(Number);
  let seed = 7;
  const random = Array.from({ length: 3000 }, () => {
    seed = (seed * 48271) % 2147483647;
    return (seed / 2147483647) * 10 ** ((seed % 13) - 4);
  });
  const values = [0, 1, 9.995, 0.005, 0.125, 999.5, 1000, 999999.999, 1234567.891, 1e-7, 123456789012, -3.14159, -1234.5, ...fromData, ...random];

  it('writes every value as Intl.NumberFormat does, with and without a fixed number of decimals', () => {
    expect(fromData.length).toBeGreaterThan(10_000);
    for (const v of values) {
      expect(en(v), String(v)).toBe(intl(v));
      for (const d of [0, 1, 2, 3]) expect(en(v, d), `${v} to ${d}`).toBe(intl(v, d));
    }
  });
});

describe('headline figures', () => {
  const o = (period: string, unit: string, estimate: number, revision = 0): Observation => ({
    indicator: 'sud_past_year', period, geography: 'US', age_group: '12+', unit, estimate, ci_lower: null, ci_upper: null,
    interval_type: null, series: 'x', revision, qualifiers: [], source: 's', note: '',
  });
  const rows = [o('2014', 'millions', 21.5), o('2021', 'percent', 16.5), o('2021', 'percent', 16.7, 1), o('2021', 'millions', 46.3), o('2018-2019', 'percent', 7.41)];

  it('latestFigure picks the latest period, its latest revision, count before percent', () => {
    expect(latestFigure(rows, { indicator: 'sud_past_year', geography: 'US', age_group: '12+' })?.values.map((v) => [v.period, v.unit, v.estimate])).toEqual([
      ['2021', 'millions', 46.3],
      ['2021', 'percent', 16.7],
    ]);
  });

  it('figureFor returns nothing rather than a neighbouring year when a period has no figure', () => {
    expect(figureFor(rows, { indicator: 'sud_past_year', geography: 'US', age_group: '12+', period: '2015' })).toBeNull();
  });
});
