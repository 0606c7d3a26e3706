import { adminJson, requireStaffApi } from '@/lib/admin/guard';
import { publishUpload } from '@/lib/admin/publish';
import { adminFailure, clientAddress, readJson } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/publish {uploadId, baseHash, note, acknowledged, meta?} — makes a checked
 * upload live. 409 when the live data changed since the upload was checked.
 */
export async function POST(request: Request) {
  const guard = requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const body = await readJson(request);
    const result = await publishUpload({
      uploadId: typeof body.uploadId === 'string' ? body.uploadId : '',
      baseHash: typeof body.baseHash === 'string' ? body.baseHash : null,
      note: body.note,
      acknowledged: body.acknowledged === true,
      staff: guard.staff,
      meta: body.meta,
      address: clientAddress(request),
    });
    return adminJson(result);
  } catch (err) {
    return adminFailure(err);
  }
}
