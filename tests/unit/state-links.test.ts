import { describe, expect, it } from 'vitest';
import { carriedView, dashboardHref, findStates, stateHref, statesHref } from '@/app/[locale]/(site)/states/links';

const VIEW = { indicator: 'alcohol_use_past_month', age: '18-25', trend: 'percent', measure: 'count', period: '2021-2022' };

describe('links between state pages and the dashboard', () => {
  it('carriedView(query) keeps the view parameters and nothing else, first value of each', () => {
    expect(carriedView({ ...VIEW, geo: 'TX', q: 'ohio', state: 'TX' })).toEqual(VIEW);
    expect(carriedView({ indicator: ['a', 'b'], age: undefined, measure: '' })).toEqual({ indicator: 'a' });
    expect(carriedView({ indicator: 'x'.repeat(65) })).toEqual({});
  });

  it('dashboardHref(code, view) is the dashboard with the whole view and the state as the place', () => {
    const href = dashboardHref('OH', VIEW);
    expect(href.startsWith('/?')).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(href.slice(2)))).toEqual({ ...VIEW, geo: 'OH' });
    expect(dashboardHref('DC', {})).toBe('/?geo=DC');
  });

  it('stateHref and statesHref carry the view, in the dashboard order of parameters', () => {
    expect(stateHref('TX', VIEW, '#charts')).toBe('/states/TX?indicator=alcohol_use_past_month&age=18-25&trend=percent&measure=count&period=2021-2022#charts');
    expect(stateHref('TX', { indicator: 'x', age: '12+' })).toBe('/states/TX?indicator=x&age=12%2B');
    expect(statesHref({})).toBe('/states');
  });
});

describe('findStates(text)', () => {
  const codes = (text: string) => findStates(text).matches.map((s) => s.code);
  it('matches a code, or the start of the name or of any word in it', () => {
    expect(codes('oh')).toEqual(['OH']);
    expect(codes('new')).toEqual(['NH', 'NJ', 'NM', 'NY']);
    expect(codes('carolina').sort()).toEqual(['NC', 'SC']);
    expect(codes('  District of col ')).toEqual(['DC']);
    expect(codes('zz')).toEqual([]);
    expect(codes('')).toEqual([]);
  });
  it('names the one state a text names outright', () => {
    expect(findStates('Virginia').exact?.code).toBe('VA');
    expect(findStates('ny').exact?.code).toBe('NY');
    expect(findStates('new').exact).toBeUndefined();
  });
});
