/**
 * The dashboard's first view reaches the browser packed (lib/charts/packed.ts): the rows that come
 * out are exactly the rows the server loaded, in a fraction of the bytes.
 */
import { describe, expect, it } from 'vitest';
import { packOptions, packRows, unpackOptions, unpackRows } from '@/lib/charts/packed';
import { loadDashboard } from '@/lib/data/dashboard';

describe('packed first-view rows', () => {
  for (const query of [{}, { indicator: 'aud_past_year', geo: 'OH', period: '2018-2019' }, { indicator: 'sud_past_year', unit: 'count', geo: 'TX' }]) {
    it(`give back exactly what was loaded (${JSON.stringify(query)})`, async () => {
      const { initial } = await loadDashboard(query);
      const rows = initial.flatMap((i) => i.observations);
      expect(rows.length).toBeGreaterThan(100);
      // Rows with intervals, without, with qualifiers and without are all in the sample.
      expect(rows.some((o) => o.interval_type !== null) && rows.some((o) => o.interval_type === null)).toBe(true);
      expect(rows.some((o) => o.qualifiers.length > 0) && rows.some((o) => o.qualifiers.length === 0)).toBe(true);
      const packed = packRows(initial);
      // Through JSON, as the page sends it.
      const back = unpackRows(JSON.parse(JSON.stringify(packed)));
      expect(back).toEqual(initial.map((i) => ({ url: i.url, observations: i.observations })));
      expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(initial).length / 3);
    });
  }
});

describe('packed indicator options', () => {
  it('give back exactly the options, optional tables included, in under half the bytes', async () => {
    const { options } = await loadDashboard({});
    expect(options.length).toBeGreaterThan(20);
    expect(options.some((o) => o.periodsByMeasure) && options.some((o) => o.nationalByAge)).toBe(true);
    // An option without the optional tables (every period in every measure) comes back without them.
    const { periodsByMeasure, nationalByAge, ...bare } = options[0];
    expect(periodsByMeasure && nationalByAge).toBeTruthy();
    const all = [...options, { ...bare, name: 'bare' }];
    const packed = packOptions(all);
    const back = unpackOptions(JSON.parse(JSON.stringify(packed)));
    expect(back).toEqual(all);
    expect('periodsByMeasure' in back[back.length - 1]).toBe(false);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(options).length / 2);
  });

  it('does not share a list between options: changing one leaves the others alone', async () => {
    const { options } = await loadDashboard({});
    const back = unpackOptions(packOptions(options));
    const [a, b] = back.filter((o) => o.ages.join() === back[0].ages.join());
    expect(b).toBeDefined();
    a.ages.push('x');
    expect(b.ages).not.toContain('x');
  });
});

