import { diffObservations } from '@/lib/admin/changes';
import { compareAgeGroups } from '@/lib/vocabulary/age-groups';
import { ingest } from '@/lib/import/ingest';
import { adminError, adminJson, requireStaffApi } from '@/lib/admin/guard';
import { adminFailure } from '@/lib/admin/requests';
import { readLive, readStaged } from '@/lib/admin/uploads';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/uploads/{id}/preview?indicator=X — the live and the uploaded observations of one
 * indicator, for the preview chart.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = requireStaffApi(request, false);
  if (guard.response) return guard.response;
  try {
    const { id } = await params;
    const staged = /^[0-9a-f-]{36}$/.test(id) ? readStaged(id) : null;
    if (!staged) return adminError(404, 'upload-not-found', 'This upload is no longer available; upload the file again.');
    const indicator = new URL(request.url).searchParams.get('indicator') ?? '';
    if (!staged.report.affectedIndicators.includes(indicator)) return adminError(400, 'bad-indicator', 'Choose one of the indicators this upload changes.');
    const live = await readLive(staged.report.dataset);
    const known = new Set([...live.pkg.indicators, ...staged.report.newIndicators].map((i) => i.name));
    const candidate = await ingest(staged.csv, { knownIndicators: known, encoding: 'utf-8', collect: true });
    const meta = [...live.pkg.indicators, ...staged.report.newIndicators].find((i) => i.name === indicator);
    const before = live.observations.filter((o) => o.indicator === indicator);
    const after = candidate.rows.filter((o) => o.indicator === indicator);
    const diff = diffObservations(before, after);
    const touched = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)];
    const changedAges = [...new Set(touched.map((o) => o.age_group))].sort(compareAgeGroups);
    // The preview opens on what the upload changes: its period (newest first) and its places.
    const changedPeriods = [...new Set(touched.map((o) => o.period))].sort().reverse();
    const changedPlaces = [...new Set(touched.map((o) => `${o.period}|${o.geography}`))];
    return adminJson({ indicator: { name: indicator, title: meta?.title ?? indicator, definition: meta?.definition ?? '' }, live: before, candidate: after, changedAges, changedPeriods, changedPlaces });
  } catch (err) {
    return adminFailure(err);
  }
}
