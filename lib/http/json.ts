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
