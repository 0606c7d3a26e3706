import { removeDataset } from '@/lib/admin/publish';
import { adminAction, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/remove {dataset, baseHash, note} — takes a dataset off the site (its history
 * stays). 409 when the live data changed since the page was loaded.
 */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) => removeDataset({ dataset: stringField(body, 'dataset', ''), baseHash: stringField(body, 'baseHash', null), note: body.note, staff, address }));
}
