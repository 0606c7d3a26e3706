import { ingest } from '@/lib/import/ingest';
import { adminError, adminJson, requireStaffApi } from '@/lib/admin/guard';
import { previewData } from '@/lib/admin/preview';
import { adminFailure } from '@/lib/admin/requests';
import { readLive, readStaged } from '@/lib/admin/uploads';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/uploads/{id}/preview?indicator=X — the live and the uploaded observations of one
 * indicator, for the preview chart.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireStaffApi(request, false);
  if (guard.response) return guard.response;
  try {
    const { id } = await params;
    const staged = /^[0-9a-f-]{36}$/.test(id) ? await readStaged(id) : null;
    if (!staged) return adminError(404, 'upload-not-found', 'This upload is no longer available; upload the file again.');
    const indicator = new URL(request.url).searchParams.get('indicator') ?? '';
    if (!staged.report.affectedIndicators.includes(indicator)) return adminError(400, 'bad-indicator', 'Choose one of the indicators this upload changes.');
    const live = await readLive(staged.report.dataset);
    const known = new Set([...live.pkg.indicators, ...staged.report.newIndicators].map((i) => i.name));
    const candidate = await ingest(staged.csv, { knownIndicators: known, encoding: 'utf-8', collect: true });
    const meta = [...live.pkg.indicators, ...staged.report.newIndicators].find((i) => i.name === indicator);
    return adminJson(previewData(indicator, meta, live.observations, candidate.rows));
  } catch (err) {
    return adminFailure(err);
  }
}
