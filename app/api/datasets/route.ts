import { summarize } from '@/lib/data/catalog';
import { getDataset, getPackage } from '@/lib/data/store';
import { internalError } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/** GET /api/datasets — every dataset with its coverage. */
export async function GET() {
  try {
    const pkg = await getPackage();
    const datasets = [];
    for (const resource of pkg.resources) {
      const data = await getDataset(resource.name);
      if (data) datasets.push({ ...summarize(resource, data.observations), url: `/api/datasets/${resource.name}` });
    }
    return Response.json({ name: pkg.name, title: pkg.title, version: pkg.version, license: pkg.licenses[0], datasets });
  } catch (err) {
    return internalError(err);
  }
}
