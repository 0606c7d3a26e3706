import { rollbackTo } from '@/lib/admin/publish';
import { adminAction, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/** POST /api/admin/rollback {dataset, version, baseHash, note} — makes an earlier version live again. */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) =>
    rollbackTo({ dataset: stringField(body, 'dataset', ''), versionId: stringField(body, 'version', ''), baseHash: stringField(body, 'baseHash', null), note: body.note, staff, address }),
  );
}
