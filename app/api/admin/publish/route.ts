import { publishUpload } from '@/lib/admin/publish';
import { adminAction, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/publish {uploadId, baseHash, note, acknowledged, meta?} — makes a checked
 * upload live. 409 when the live data changed since the upload was checked.
 */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) =>
    publishUpload({ uploadId: stringField(body, 'uploadId', ''), baseHash: stringField(body, 'baseHash', null), note: body.note, acknowledged: body.acknowledged === true, meta: body.meta, staff, address }),
  );
}
