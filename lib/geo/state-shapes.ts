/**
 * State outlines for the map, computed once on the server: us-atlas TopoJSON (bundled, nothing
 * downloaded at run time) → topojson-client → simplified → d3-geo's geoAlbersUsa projection into
 * a 975 × 610 box. The browser receives only the finished path strings.
 */
import { geoAlbersUsa, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-10m.json';
import { MAP } from '../charts/constants';
import { GEOGRAPHIES } from '../vocabulary/geography';
import { compareText } from '../format/compare';

export interface StateShape {
  code: string;
  name: string;
  /** SVG path in the MAP.WIDTH × MAP.HEIGHT box. */
  d: string;
  centroid: [number, number];
}

/** Keeps the 6% most significant points: ~19 KB of paths, and the states still look like themselves. */
const SIMPLIFY_QUANTILE = 0.06;

let cached: StateShape[] | null = null;

/**
 * Drops the rings that simplification and rounding to 0.1 px left as specks: fewer than three
 * distinct points, so no area to draw (215 of the 285 rings, about a third of the bytes). A shape
 * that is all specks (DC, which the map also marks off the coast) keeps them.
 */
export function withoutSpecks(d: string | null): string | null {
  if (!d) return d;
  const rings = d.split(/(?=M)/).filter((ring) => new Set(ring.replace(/Z$/, '').slice(1).split('L')).size >= 3);
  return rings.length ? rings.join('') : d; // DC: too small for any ring to survive; drawn as it is
}

export function stateShapes(): StateShape[] {
  if (cached) return cached;
  const topology = states as unknown as Topology<{ states: GeometryCollection }>;
  const pre = presimplify(topology);
  const simple = simplify(pre, quantile(pre, SIMPLIFY_QUANTILE)) as Topology<{ states: GeometryCollection }>;
  const collection = feature(simple, simple.objects.states) as unknown as { features: Array<Feature<Geometry, { name: string }>> };
  const projection = geoAlbersUsa()
    .scale(1300)
    .translate([MAP.WIDTH / 2, MAP.HEIGHT / 2]);
  const path = geoPath(projection).digits(1);
  const byFips = new Map(GEOGRAPHIES.filter((g) => g.fips).map((g) => [g.fips as string, g]));
  const shapes: StateShape[] = [];
  for (const f of collection.features) {
    const geo = byFips.get(String(f.id));
    const d = geo ? withoutSpecks(path(f)) : null;
    if (!geo || !d) continue; // territories outside the projection
    const [cx, cy] = path.centroid(f);
    shapes.push({ code: geo.code, name: geo.name, d, centroid: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10] });
  }
  shapes.sort((a, b) => compareText(a.name, b.name));
  cached = shapes;
  return shapes;
}
