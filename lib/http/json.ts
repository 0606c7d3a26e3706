/** JSON responses for the API, with errors that name what was wrong and never leak internals. */

export interface ApiError {
  error: { status: number; code: string; message: string; parameter?: string };
}

export function jsonError(status: number, code: string, message: string, parameter?: string): Response {
  const body: ApiError = { error: { status, code, message, ...(parameter ? { parameter } : {}) } };
  return Response.json(body, { status, headers: { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' } });
}

/** Logs an unexpected failure on the server and answers with a fixed message. */
export function internalError(err: unknown): Response {
  console.error(err);
  return jsonError(500, 'internal-error', 'The server could not answer this request. Nothing was changed; try again later.');
}

/**
 * The `lang` parameter of the metadata endpoints: "en" (the default) or "es" (titles, definitions,
 * series, units and qualifiers in Spanish, from datapackage.json's translations). Data values,
 * codes and column names are the same in every language.
 */
export function parseLang(search: URLSearchParams): { lang: 'en' | 'es' } | { error: Response } {
  const values = search.getAll('lang');
  if (values.length === 0) return { lang: 'en' };
  if (values.length === 1 && (values[0] === 'en' || values[0] === 'es')) return { lang: values[0] };
  return { error: jsonError(400, 'invalid-parameter', '“lang” must be en or es, once.', 'lang') };
}
