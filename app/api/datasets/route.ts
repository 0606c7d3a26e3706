import type { NextRequest } from 'next/server';
import { summarize, type DatasetSummary } from '@/lib/data/catalog';
import { getDataset, getPackage } from '@/lib/store/live';
import { conditionalResponse, etagOf, preflight } from '@/lib/http/cache';
import { internalError, jsonError, parseLang } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/** GET /api/datasets[?lang=es] — every dataset with its coverage, size, hash and download links; titles in `lang`. */
export async function GET(request: NextRequest) {
  try {
    const unknown = [...request.nextUrl.searchParams.keys()].find((k) => k !== 'lang');
    if (unknown) return jsonError(400, 'invalid-parameter', `Unknown parameter “${unknown}”; this endpoint takes only lang.`, unknown);
    const lang = parseLang(request.nextUrl.searchParams);
    if ('error' in lang) return lang.error;
    const pkg = await getPackage(lang.lang);
    const datasets: Array<DatasetSummary & { available: boolean; problem?: string; url: string; csv: string }> = [];
    const problems: string[] = [];
    for (const resource of pkg.resources) {
      const data = await getDataset(resource.name);
      if (data) {
        datasets.push({
          ...summarize(resource, data.observations),
          available: data.problem === null,
          ...(data.problem ? { problem: data.problem } : {}),
          url: `/api/datasets/${resource.name}`,
          csv: `/api/datasets/${resource.name}?format=csv`,
        });
      }
    }
    for (const d of datasets) problems.push(d.problem ?? '');
    // A dataset that breaks or mends changes the answer without changing any hash.
    const etag = etagOf(pkg.version, lang.lang, ...pkg.resources.map((r) => r.hash), ...problems);
    return await conditionalResponse(request, {
      etag,
      contentType: 'application/json; charset=utf-8',
      body: () =>
        JSON.stringify({ name: pkg.name, title: pkg.title, version: pkg.version, ...(pkg.language ? { language: pkg.language } : {}), license: pkg.licenses[0], package: '/api/package', openapi: '/api/openapi.json', datasets }),
    });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
