import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '@/lib/import/ingest';
import { FIXTURES } from '../fixtures/malformed';

const dir = path.join(__dirname, '..', 'fixtures', 'csv');
const known = new Set(['sud_past_year']);
const file = (f: (typeof FIXTURES)[number]) => path.join(dir, `${f.id}-${f.name}.csv`);

describe('CSV fixtures', () => {
  it('has at least 30 malformed files, each written byte-exact by the generator', () => {
    expect(FIXTURES.filter((f) => f.expect).length).toBeGreaterThanOrEqual(30);
    for (const f of FIXTURES) expect(readFileSync(file(f)).equals(f.bytes), `${f.id} on disk differs; run npm run fixtures`).toBe(true);
  });

  for (const f of FIXTURES.filter((x) => x.expect)) {
    it(`ingest(${f.id} ${f.name}) rejects ${f.description} with ${f.expect?.code} at row ${f.expect?.row}, column ${f.expect?.column}`, async () => {
      const result = await ingest(readFileSync(file(f)), { knownIndicators: known, encoding: f.encoding });
      expect(result.ok).toBe(false);
      expect(result.rows).toEqual([]);
      const { code, row, column } = f.expect!;
      expect(result.errors[0]).toMatchObject({ code, row, column });
      expect(result.errors[0].message.length).toBeGreaterThan(20);
    });
  }

  for (const f of FIXTURES.filter((x) => !x.expect)) {
    it(`ingest(${f.id} ${f.name}) accepts ${f.description}`, async () => {
      const result = await ingest(readFileSync(file(f)), { knownIndicators: known, encoding: f.encoding, collect: true });
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.rows.map((o) => [o.geography, o.period, o.unit, o.estimate])).toEqual([
        ['US', '2018-2019', 'percent', 7.41],
        ['CA', '2018-2019', 'percent', 8.8],
        ['US', '2014', 'millions', 21.5],
      ]);
      for (const o of result.rows) for (const v of Object.values(o)) if (typeof v === 'string') expect(v).not.toMatch(/[\r\ufeff\ufffd]/);
    });
  }
});
