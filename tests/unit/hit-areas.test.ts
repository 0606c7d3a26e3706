/**
 * The trend charts' touch targets: each point owns the part of the plot nearer to it than to any
 * other point (its Voronoi cell), computed by lib/charts/hit-areas.ts without a library.
 */
import { describe, expect, it } from 'vitest';
import { nearestCells, type Site } from '@/lib/charts/hit-areas';

/** The corners of an "Mx,yLx,y…Z" path. */
const corners = (d: string) =>
  d
    .slice(1, -1)
    .split('L')
    .map((p) => p.split(',').map(Number) as [number, number]);

/** Whether (x, y) lies inside a convex polygon, or within `slack` px of its edge. */
function inside(poly: Array<[number, number]>, x: number, y: number, slack = 0.05): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const [ax, ay] = poly[i];
    const [bx, by] = poly[(i + 1) % poly.length];
    const length = Math.hypot(bx - ax, by - ay) || 1;
    const cross = ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / length;
    if (Math.abs(cross) <= slack) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

const area = (poly: Array<[number, number]>) => Math.abs(poly.reduce((a, [x, y], i) => a + x * poly[(i + 1) % poly.length][1] - poly[(i + 1) % poly.length][0] * y, 0)) / 2;

function random(seed: number) {
  return () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
}

describe('nearestCells', () => {
  const bounds: [number, number, number, number] = [40, 10, 700, 300];

  it('gives every point of the plot to the nearest site, and the cells tile the plot', () => {
    const rand = random(11);
    for (let trial = 0; trial < 40; trial++) {
      // Trend-like sites: one per year, x close together, y anywhere; plus a few arbitrary ones.
      const sites: Site[] = Array.from({ length: 3 + Math.floor(rand() * 30) }, (_, i) => ({ x: 50 + i * (5 + rand() * 25), y: 20 + rand() * 270 }));
      const cells = nearestCells(sites, bounds);
      expect(cells).toHaveLength(sites.length);
      const polys = cells.map((c) => corners(c as string));
      const total = polys.reduce((a, p) => a + area(p), 0);
      expect(total).toBeCloseTo((bounds[2] - bounds[0]) * (bounds[3] - bounds[1]), -1);
      for (let k = 0; k < 300; k++) {
        const x = bounds[0] + rand() * (bounds[2] - bounds[0]);
        const y = bounds[1] + rand() * (bounds[3] - bounds[1]);
        const d = sites.map((s) => Math.hypot(s.x - x, s.y - y));
        const nearest = d.indexOf(Math.min(...d));
        const second = Math.min(...d.filter((_, i) => i !== nearest));
        if (second - d[nearest] < 0.1) continue; // on a boundary: either cell may hold it
        expect(inside(polys[nearest], x, y), `trial ${trial}, (${x.toFixed(1)}, ${y.toFixed(1)}) belongs to site ${nearest}`).toBe(true);
      }
    }
  });

  it('gives one whole-plot cell to a single site, and null to a site on top of an earlier one', () => {
    expect(nearestCells([{ x: 100, y: 100 }], bounds)).toEqual(['M40,10L700,10L700,300L40,300Z']);
    const cells = nearestCells(
      [
        { x: 100, y: 100 },
        { x: 300, y: 100 },
        { x: 100, y: 100 },
      ],
      bounds,
    );
    expect(cells[2]).toBeNull();
    // The two distinct sites split the plot at x = 200.
    expect(corners(cells[0] as string).every(([x]) => x <= 200)).toBe(true);
    expect(corners(cells[1] as string).every(([x]) => x >= 200)).toBe(true);
    expect(nearestCells([], bounds)).toEqual([]);
  });
});
