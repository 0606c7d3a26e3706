import type { NextRequest } from 'next/server';
import { applyFilter, parseFilter, type ObservationFilter } from '@/lib/data/query';
import { getDataset, getPackage } from '@/lib/store/live';
import { localizePackage } from '@/lib/data/localize';
import { toCanonicalCsv } from '@/lib/format/csv';
import { conditionalResponse, etagOf, preflight } from '@/lib/http/cache';
import { internalError, jsonError, parseLang } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

const FORMATS = ['json', 'csv'] as const;

/** A file name that says what is in the file: dataset, single-valued filters, version. */
function fileName(id: string, filter: ObservationFilter, version: string): string {
  const parts = [id];
  for (const key of ['indicator', 'geography', 'age_group', 'period', 'unit'] as const) {
    const v = filter[key];
    if (v && v.length === 1) parts.push(v[0]);
    else if (v) parts.push(`${v.length}-${key.replace('_', '-')}s`);
  }
  if (filter.from !== undefined || filter.to !== undefined) parts.push(`${filter.from ?? ''}-${filter.to ?? ''}`);
  if (filter.revision) parts.push(`revision-${filter.revision.join('-')}`);
  return `${parts.join('_').replace(/\+/g, 'plus')}_v${version}.csv`;
}

/**
 * GET /api/datasets/{id}?indicator=&geography=&age_group=&period=&unit=&revision=&from=&to=&format=json|csv
 * The dataset's observations, filtered. Lists are comma-separated. JSON by default; CSV is the
 * canonical format (re-importable with data:check). Strong ETag; 304 on If-None-Match; CORS.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const pkg = await getPackage();
    const dataset = await getDataset(id);
    if (!dataset) {
      return jsonError(404, 'not-found', `There is no dataset “${id}”. Known datasets: ${pkg.resources.map((r) => r.name).join(', ')}.`, 'id');
    }
    if (dataset.problem) {
      return jsonError(503, 'dataset-unavailable', `The dataset “${id}” cannot be served right now. ${dataset.problem} Other datasets are unaffected.`, 'id');
    }
    const search = request.nextUrl.searchParams;
    const format = search.get('format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format) || search.getAll('format').length > 1) {
      return jsonError(400, 'invalid-parameter', `“format” must be json or csv.`, 'format');
    }
    const parsed = parseFilter(search, new Set(pkg.indicators.map((i) => i.name)), ['format', 'lang']);
    if ('error' in parsed) return jsonError(400, 'invalid-parameter', parsed.error.message, parsed.error.parameter);
    const lang = parseLang(search);
    if ('error' in lang) return lang.error;
    const r = dataset.resource;
    const etag = etagOf(r.name, r.hash, pkg.version, format, JSON.stringify(parsed.filter), search.has('lang') ? lang.lang : '');
    const rows = () => applyFilter(dataset.observations, parsed.filter);
    if (format === 'csv') {
      return await conditionalResponse(request, {
        etag,
        contentType: 'text/csv; charset=utf-8',
        filename: fileName(r.name, parsed.filter, pkg.version),
        body: () => toCanonicalCsv(rows(), { neutralize: true }),
      });
    }
    return await conditionalResponse(request, {
      etag,
      contentType: 'application/json; charset=utf-8',
      body: () => {
        const observations = rows();
        if (!search.has('lang')) {
          return JSON.stringify({
            dataset: { id: r.name, title: r.title, lastModified: r.lastModified, hash: r.hash, version: pkg.version },
            filter: parsed.filter,
            count: observations.length,
            observations,
          });
        }
        // With lang: the dataset's title and the answer's measures (title, definition) in that language.
        const localized = localizePackage(pkg, lang.lang);
        const present = new Set(observations.map((o) => o.indicator));
        return JSON.stringify({
          language: lang.lang,
          dataset: { id: r.name, title: localized.resources.find((x) => x.name === r.name)?.title ?? r.title, lastModified: r.lastModified, hash: r.hash, version: pkg.version },
          indicators: Object.fromEntries(localized.indicators.filter((i) => present.has(i.name)).map((i) => [i.name, { title: i.title, definition: i.definition }])),
          filter: parsed.filter,
          count: observations.length,
          observations,
        });
      },
    });
  } catch (err) {
    return internalError(err);
  }
}

export function OPTIONS() {
  return preflight();
}
