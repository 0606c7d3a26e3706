/** What each dataset covers, computed from its observations (for the catalog page and the API). */
import { compareAgeGroups } from '../vocabulary/age-groups';
import type { DataResource } from './package';
import { oncePerRows } from './per-version';
import type { Observation } from '../vocabulary/schema';

export interface DatasetSummary {
  id: string;
  title: string;
  description: string;
  path: string;
  observations: number;
  lastModified: string;
  hash: string;
  bytes: number;
  indicators: string[];
  periods: string[];
  geographies: string[];
  ageGroups: string[];
  units: string[];
  series: string[];
  /** Observations taken from a derived re-publication (qualifier `derived`), not a SAMHSA original. */
  derived: number;
  sources: DataResource['sources'];
}

const distinct = (values: Iterable<string>) => [...new Set(values)];

/** What the rows cover: the same for every request until the data change, so worked out once per version. */
const coverage = oncePerRows((observations: readonly Observation[]) => ({
  indicators: distinct(observations.map((o) => o.indicator)).sort(),
  periods: distinct(observations.map((o) => o.period)).sort(),
  geographies: distinct(observations.map((o) => o.geography)),
  ageGroups: distinct(observations.map((o) => o.age_group)).sort(compareAgeGroups),
  units: distinct(observations.map((o) => o.unit)).sort(),
  series: distinct(observations.map((o) => o.series)).sort(),
  derived: observations.reduce((n, o) => n + (o.qualifiers.includes('derived') ? 1 : 0), 0),
}));

/** A dataset's summary. Its lists are shared between requests: read them, never change them. */
export function summarize(resource: DataResource, observations: readonly Observation[]): DatasetSummary {
  return {
    id: resource.name,
    title: resource.title,
    description: resource.description,
    path: resource.path,
    observations: observations.length,
    lastModified: resource.lastModified,
    hash: resource.hash,
    bytes: resource.bytes,
    ...coverage(observations),
    sources: resource.sources,
  };
}
