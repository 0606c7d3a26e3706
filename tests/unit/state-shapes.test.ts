/**
 * The map's outlines (lib/geo/state-shapes.ts): every state and DC, without the zero-area specks
 * that simplification leaves behind.
 */
import { describe, expect, it } from 'vitest';
import { stateShapes, withoutSpecks } from '@/lib/geo/state-shapes';

const ringsOf = (d: string) => d.split(/(?=M)/);
const distinctPoints = (ring: string) => new Set(ring.replace(/Z$/, '').slice(1).split('L')).size;

describe('state shapes', () => {
  it('has the 50 states and DC, each with a drawable outline', () => {
    const shapes = stateShapes();
    expect(shapes).toHaveLength(51);
    expect(new Set(shapes.map((s) => s.code)).size).toBe(51);
    for (const s of shapes) {
      expect(s.d.startsWith('M'), s.code).toBe(true);
      // Only DC, a few pixels wide, is all specks; every other ring encloses an area.
      if (s.code !== 'DC') for (const ring of ringsOf(s.d)) expect(distinctPoints(ring), `${s.code} ${ring.slice(0, 30)}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('drops rings with fewer than three distinct points and keeps the rest as they were', () => {
    const area = 'M0,0L10,0L10,10Z';
    expect(withoutSpecks(`${area}M5,5L5,5L5,5ZM1,1L2,2Z${area.replace(/0/g, '3')}`)).toBe(`${area}${area.replace(/0/g, '3')}`);
    expect(withoutSpecks(area)).toBe(area);
    // A shape that is nothing but specks is kept whole, so it can still be drawn and marked.
    expect(withoutSpecks('M5,5L5,5L5,5Z')).toBe('M5,5L5,5L5,5Z');
    expect(withoutSpecks(null)).toBeNull();
  });
});
