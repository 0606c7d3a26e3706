/**
 * The dashboard's first view reaches the browser packed (lib/charts/packed.ts): the rows that come
 * out are exactly the rows the server loaded, in a fraction of the bytes.
 */
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '@/lib/charts/packed';
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
