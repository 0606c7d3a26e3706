import { recordAudit } from '@/lib/store/store';
import { adminError, adminJson, requireStaffApi } from '@/lib/admin/guard';
import { adminFailure, clientAddress, readJson } from '@/lib/admin/requests';
import { analyseOutsideRows, DATASET_NAME } from '@/lib/admin/uploads';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/uploads/{id}/new-dataset {dataset} — the rows of a checked upload that fall
 * outside its dataset's scope, checked as the first file of a new dataset named `dataset`. Answers
 * with that upload's report, as POST /api/admin/uploads does for a new dataset (200, or 422 with
 * the problems); publishing it is the usual publish with the new dataset's title, description
 * and source. 404 when the upload is gone or has no such rows.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const { id } = await params;
    const body = await readJson(request);
    const dataset = typeof body.dataset === 'string' ? body.dataset : '';
    if (!DATASET_NAME.test(dataset)) return adminError(400, 'bad-dataset', 'The dataset name must be 3–64 lower-case letters, digits and dashes, starting and ending with a letter or digit.');
    const report = /^[0-9a-f-]{36}$/.test(id) ? await analyseOutsideRows({ uploadId: id, dataset, user: guard.staff.email }) : null;
    if (!report) return adminError(404, 'upload-not-found', 'This upload is no longer available, or none of its rows is outside the dataset’s scope. Upload the file again.');
    await recordAudit({
      user: guard.staff.email,
      action: 'upload',
      dataset,
      fromHash: null,
      ...(report.candidateHash ? { toHash: report.candidateHash } : {}),
      detail: `${report.fileName}: the rows outside the scope of upload ${id}, as a new dataset: ${report.ok ? `valid; +${report.diff?.added}` : `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}`}`,
      address: clientAddress(request),
    });
    return adminJson(report, report.ok ? 200 : 422);
  } catch (err) {
    return adminFailure(err);
  }
}
