import type { NextRequest } from 'next/server';
import { applyFilter, parseFilter } from '@/lib/data/query';
import { getDataset, getPackage } from '@/lib/data/store';
import { internalError, jsonError } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/**
 * GET /api/datasets/{id}?indicator=&geography=&age_group=&period=&unit=&from=&to=
 * The dataset's observations, filtered. Lists are comma-separated. Unknown or malformed
 * parameters are answered with 400 and the parameter's name; an unknown dataset with 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const pkg = await getPackage();
    const dataset = await getDataset(id);
    if (!dataset) {
      return jsonError(404, 'not-found', `There is no dataset “${id}”. Known datasets: ${pkg.resources.map((r) => r.name).join(', ')}.`, 'id');
    }
    const parsed = parseFilter(request.nextUrl.searchParams, new Set(pkg.indicators.map((i) => i.name)));
    if ('error' in parsed) return jsonError(400, 'invalid-parameter', parsed.error.message, parsed.error.parameter);
    const observations = applyFilter(dataset.observations, parsed.filter);
    const r = dataset.resource;
    return Response.json({
      dataset: { id: r.name, title: r.title, lastModified: r.lastModified, hash: r.hash, version: pkg.version },
      filter: parsed.filter,
      count: observations.length,
      observations,
    });
  } catch (err) {
    return internalError(err);
  }
}
