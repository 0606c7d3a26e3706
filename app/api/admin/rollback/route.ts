import { adminJson, requireStaffApi } from '@/lib/admin/guard';
import { rollbackTo } from '@/lib/admin/publish';
import { adminFailure, clientAddress, readJson } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/** POST /api/admin/rollback {dataset, version, baseHash, note} — makes an earlier version live again. */
export async function POST(request: Request) {
  const guard = requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const body = await readJson(request);
    const result = await rollbackTo({
      dataset: typeof body.dataset === 'string' ? body.dataset : '',
      versionId: typeof body.version === 'string' ? body.version : '',
      baseHash: typeof body.baseHash === 'string' ? body.baseHash : null,
      note: body.note,
      staff: guard.staff,
      address: clientAddress(request),
    });
    return adminJson(result);
  } catch (err) {
    return adminFailure(err);
  }
}
