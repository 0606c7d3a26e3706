import { jsonError } from '@/lib/http/json';

/** An address under /api that names no endpoint: a JSON 404, like every other API error. */
function unknown(): Response {
  return jsonError(404, 'not-found', 'No API endpoint at this address; the list is at /api and /api/openapi.json.');
}

export const GET = unknown;
export const HEAD = unknown;
