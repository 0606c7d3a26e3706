import { adminJson, requireStaffApi } from '@/lib/admin/guard';
import { removeDataset } from '@/lib/admin/publish';
import { adminFailure, clientAddress, readJson } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/remove {dataset, baseHash, note} — takes a dataset off the site (its history
 * stays). 409 when the live data changed since the page was loaded.
 */
export async function POST(request: Request) {
  const guard = requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const body = await readJson(request);
    const result = await removeDataset({
      dataset: typeof body.dataset === 'string' ? body.dataset : '',
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
