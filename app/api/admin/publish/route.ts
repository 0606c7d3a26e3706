import { publishUpload } from '@/lib/admin/publish';
import { adminAction, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/publish {uploadId, baseHash, note, acknowledged, meta?, widenScope?, scopeReason?}
 * — makes a checked upload live. 409 `conflict` when the live data changed since the upload was
 * checked; 409 `outside-scope` (with `outside`, the series and their row counts) when it would put
 * rows in series outside the dataset's scope and the request does not say `widenScope: true` with
 * a `scopeReason`. `meta` is a new dataset's title, description and source, or, replacing data,
 * the dataset's revised title and description.
 */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) =>
    publishUpload({
      uploadId: stringField(body, 'uploadId', ''),
      baseHash: stringField(body, 'baseHash', null),
      note: body.note,
      acknowledged: body.acknowledged === true,
      meta: body.meta,
      widenScope: body.widenScope === true,
      scopeReason: body.scopeReason,
      staff,
      address,
    }),
  );
}
