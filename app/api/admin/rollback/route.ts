import { previewRestore, rollbackTo } from '@/lib/admin/publish';
import { adminJson, requireStaffApi } from '@/lib/admin/guard';
import { adminAction, adminFailure, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * GET /api/admin/rollback?dataset=ID&version=VERSION — what restoring that version would change
 * (counts, the first observations added, removed and changed, warnings); changes nothing.
 */
export async function GET(request: Request) {
  const guard = await requireStaffApi(request, false);
  if (guard.response) return guard.response;
  try {
    const url = new URL(request.url);
    return adminJson(await previewRestore(url.searchParams.get('dataset') ?? '', url.searchParams.get('version') ?? ''));
  } catch (err) {
    return adminFailure(err);
  }
}

/** POST /api/admin/rollback {dataset, version, baseHash, note} — makes an earlier version live again. */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) =>
    rollbackTo({ dataset: stringField(body, 'dataset', ''), versionId: stringField(body, 'version', ''), baseHash: stringField(body, 'baseHash', null), note: body.note, staff, address }),
  );
}
