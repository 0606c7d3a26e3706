/**
 * What the upload preview shows for one indicator: the live and the uploaded observations, and
 * what changes between them — the age groups, the periods (newest first) and the places — so the
 * preview opens on the figures the upload changes, not on whatever period is newest.
 */
import { compareAgeGroups } from '../vocabulary/age-groups';
import type { IndicatorMeta } from '../data/package';
import type { Observation } from '../vocabulary/schema';
import { diffObservations } from './changes';

export interface PreviewData {
  indicator: { name: string; title: string; definition: string };
  live: Observation[];
  candidate: Observation[];
  changedAges: string[];
  changedPeriods: string[];
  /** "period|geography" of every changed figure. */
  changedPlaces: string[];
}

export function previewData(indicator: string, meta: IndicatorMeta | undefined, live: readonly Observation[], candidate: readonly Observation[]): PreviewData {
  const before = live.filter((o) => o.indicator === indicator);
  const after = candidate.filter((o) => o.indicator === indicator);
  const diff = diffObservations(before, after);
  const touched = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)];
  return {
    indicator: { name: indicator, title: meta?.title ?? indicator, definition: meta?.definition ?? '' },
    live: before,
    candidate: after,
    changedAges: [...new Set(touched.map((o) => o.age_group))].sort(compareAgeGroups),
    changedPeriods: [...new Set(touched.map((o) => o.period))].sort().reverse(),
    changedPlaces: [...new Set(touched.map((o) => `${o.period}|${o.geography}`))],
  };
}
