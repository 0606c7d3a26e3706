/**
 * Touch and pointer targets for charts whose marks sit closer than a finger: each mark gets the
 * part of the plot nearer to it than to any other mark (its Voronoi cell), so a tap anywhere
 * selects the nearest figure — never whichever overlapping circle happens to be drawn last — and
 * keyboard-equivalent steppers cover what a finger still cannot separate. Also the geographic
 * neighbour of a map region, for arrow keys.
 */
export interface Site {
  x: number;
  y: number;
}

/** The smallest side (px) a touch target may have: WCAG 2.2 target size (minimum), 2.5.8. */
export const MIN_TARGET = 24;

type Point = [number, number];

/**
 * The part of `polygon` on `site`'s side of the line halfway between `site` and `other`
 * (Sutherland–Hodgman clipping against one half-plane): points p with
 * 2(other − site)·p ≤ |other|² − |site|².
 */
function clipNearer(polygon: Point[], site: Site, other: Site): Point[] {
  const ax = 2 * (other.x - site.x);
  const ay = 2 * (other.y - site.y);
  const limit = other.x * other.x + other.y * other.y - site.x * site.x - site.y * site.y;
  const side = ([x, y]: Point) => limit - (ax * x + ay * y); // ≥ 0: nearer to site (or equally near)
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % polygon.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One SVG path per site: the region of `bounds` ([x0, y0, x1, y1]) nearer to that site than to any
 * other (its Voronoi cell), cut from the rectangle one half-plane per other site. A chart has at
 * most a few dozen marks, so this is a few thousand small steps — and no library in the page. A
 * site that coincides with an earlier one gets null (the earlier one's cell serves both).
 */
export function nearestCells(sites: readonly Site[], bounds: [number, number, number, number]): Array<string | null> {
  const [x0, y0, x1, y1] = bounds;
  return sites.map((site, i) => {
    if (sites.slice(0, i).some((s) => s.x === site.x && s.y === site.y)) return null;
    let cell: Point[] = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ];
    for (const other of sites) {
      if (other.x === site.x && other.y === site.y) continue;
      cell = clipNearer(cell, site, other);
      if (cell.length < 3) return null;
    }
    const corners = cell.map(([x, y]) => `${round(x)},${round(y)}`).filter((c, k, all) => c !== all[(k + all.length - 1) % all.length]);
    return `M${corners.join('L')}Z`;
  });
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXES: Record<Direction, [number, number]> = { right: [1, 0], left: [-1, 0], down: [0, 1], up: [0, -1] };

/** The direction of an arrow key, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  return ({ ArrowRight: 'right', ArrowLeft: 'left', ArrowDown: 'down', ArrowUp: 'up' } as const)[key as 'ArrowRight'] ?? null;
}

/**
 * The site nearest to `from` in a direction, or null when none lies that way: among the sites
 * ahead (more than a few px along the arrow's axis), the one with the least distance along the
 * axis plus twice the distance across it, so Right from Kansas is Missouri, not Minnesota.
 */
export function nearestInDirection(sites: readonly Site[], from: number, direction: Direction): number | null {
  const origin = sites[from];
  if (!origin) return null;
  const [ax, ay] = AXES[direction];
  let best: number | null = null;
  let bestScore = Infinity;
  sites.forEach((s, i) => {
    if (i === from) return;
    const dx = s.x - origin.x;
    const dy = s.y - origin.y;
    const along = dx * ax + dy * ay;
    if (along <= 2) return;
    const across = Math.abs(dx * ay - dy * ax);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** The bounding box [x0, y0, x1, y1] of an SVG path of absolute coordinates (d3-geo's output). */
export function pathBounds(d: string): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)) {
    const x = Number(m[1]);
    const y = Number(m[2]);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/**
 * An invisible square target (in map units) for a region narrower or shorter than MIN_TARGET px
 * at `scale` px per unit, centred on `centre`; null when the region is large enough as drawn.
 */
export function targetSquare(bounds: [number, number, number, number], centre: [number, number], scale: number): { x: number; y: number; size: number } | null {
  const [x0, y0, x1, y1] = bounds;
  if (Math.min(x1 - x0, y1 - y0) * scale >= MIN_TARGET) return null;
  // A px beyond the minimum, so rounding never leaves the target a hair short.
  const size = (MIN_TARGET + 1) / scale;
  return { x: centre[0] - size / 2, y: centre[1] - size / 2, size };
}
