import { expect, test } from '@playwright/test';
import { findRow, rows } from './data';

// Real HTTP against the production server (run in the desktop project only: no browser involved).
test.describe('read API', () => {
  test('GET /api/datasets lists every dataset with its coverage', async ({ request }) => {
    const res = await request.get('/api/datasets');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.datasets.map((d: { id: string }) => d.id)).toEqual(['national-estimates', 'state-estimates-2018-2019']);
    const state = body.datasets[1];
    expect(state.observations).toBe(rows('state-estimates-2018-2019.csv').length);
    expect(state.geographies).toHaveLength(56);
  });

  test('GET /api/datasets/{id} filters observations', async ({ request }) => {
    const row = findRow('state-estimates-2018-2019.csv', { indicator: 'sud_past_year', geography: 'TX', age_group: '12+', unit: 'thousands' });
    const res = await request.get('/api/datasets/state-estimates-2018-2019?indicator=sud_past_year&geography=TX&age_group=12%2B&unit=thousands');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.count).toBe(1);
    expect(body.observations[0]).toMatchObject({ estimate: Number(row.estimate), ci_lower: Number(row.ci_lower), ci_upper: Number(row.ci_upper), source: row.source });
  });

  test('bad requests get 400 or 404 JSON naming the bad parameter', async ({ request }) => {
    for (const [url, status, parameter] of [
      ['/api/datasets/nope', 404, 'id'],
      ['/api/datasets/national-estimates?geography=Texas', 400, 'geography'],
      ['/api/datasets/national-estimates?age_group=adults', 400, 'age_group'],
      ['/api/datasets/national-estimates?indicator=unknown_thing', 400, 'indicator'],
      ['/api/datasets/national-estimates?period=20x4', 400, 'period'],
      ['/api/datasets/national-estimates?colour=red', 400, 'colour'],
    ] as const) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(status);
      const body = await res.json();
      expect(body.error.parameter, url).toBe(parameter);
      expect(body.error.message.length, url).toBeGreaterThan(10);
    }
  });
});
