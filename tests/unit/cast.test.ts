import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castCell, castFast, compileField, INVALID } from '@/lib/import/3-cast';
import { fieldByName, type SchemaField } from '@/lib/vocabulary/schema';

const field = (name: string) => fieldByName(name) as SchemaField;

describe('castFast', () => {
  const estimate = compileField(field('estimate'));
  const revision = compileField(field('revision'));

  it('reads bare decimals exactly as Number() does (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 6 }), (n, places) => {
        const text = places ? `${Math.floor(n / 10 ** places)}.${String(n % 10 ** places).padStart(places, '0')}` : String(n);
        expect(castFast(estimate, text)).toBe(Number(text));
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(castFast(estimate, '0.1')).toBe(0.1);
    expect(castFast(estimate, '20331')).toBe(20331);
    expect(castFast(estimate, '12345678901234.56789')).toBe(12345678901234.56789);
  });

  it('refuses every written form a spreadsheet might produce that is not a bare number', () => {
    for (const text of ['7.41%', '1,234', ' 7', '7 ', '1e5', '+5', '.5', '5.', '07', 'NaN', 'Infinity', '-', '--', '7..4', '1.2.3', '١٢', '$5', '12,5']) {
      expect(castFast(estimate, text), text).toBe(INVALID);
    }
    expect(castFast(estimate, '-3')).toBe(INVALID); // negative: a constraint, explained by castCell
    expect(castFast(revision, '1.5')).toBe(INVALID);
    expect(castFast(revision, '2')).toBe(2);
    expect(castFast(estimate, '')).toBeNull(); // missing, not zero
  });
});

describe('castCell', () => {
  it('explains each refusal in words a spreadsheet user can act on', () => {
    const message = (name: string, text: string) => {
      const r = castCell(field(name), text);
      return r.ok ? '' : `${r.code}: ${r.message}`;
    };
    expect(message('estimate', '7.41%')).toMatch(/^type-error: .*without the % sign/);
    expect(message('estimate', '20,331')).toMatch(/thousands separator: write it as 20331/);
    expect(message('estimate', '1e5')).toMatch(/scientific notation/);
    expect(message('estimate', '-3')).toMatch(/^constraint-error: .*negative/);
    expect(message('revision', '1.5')).toMatch(/whole number/);
    expect(message('geography', 'California')).toMatch(/Use its code “CA”/);
    expect(message('age_group', '12 or Older')).toMatch(/Write it as “12\+”/);
    expect(message('unit', 'Percent')).toMatch(/Did you mean “percent”/);
    expect(message('period', '2014.0')).toMatch(/survey year such as 2014/);
    expect(message('series', '')).toMatch(/A value is required/);
    expect(message('estimate', '1000000000000000')).toMatch(/implausibly large/);
  });
});
