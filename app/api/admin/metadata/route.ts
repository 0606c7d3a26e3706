import { editDatasetWords } from '@/lib/admin/publish';
import { adminAction, stringField } from '@/lib/admin/requests';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/metadata {dataset, base, title, description, note} — changes a dataset's title
 * and description (`base`: the token the edit form was loaded with). 400 when a field is missing,
 * too long, more than one line (the title) or begins like a spreadsheet formula; 409 when someone
 * else changed them meanwhile.
 */
export function POST(request: Request) {
  return adminAction(request, (body, { staff, address }) =>
    editDatasetWords({
      dataset: stringField(body, 'dataset', ''),
      base: stringField(body, 'base', null),
      title: body.title,
      description: body.description,
      note: body.note,
      staff,
      address,
    }),
  );
}
