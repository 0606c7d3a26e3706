/** Small helpers for the admin API routes. Server-only. */
import 'server-only';
import { LockBusyError } from './lock';
import { PublishError } from './publish';
import { adminError } from './guard';
import { readLimited, UploadTooLargeError } from './uploads';

/** The client's address as the server saw it (behind a proxy: the first X-Forwarded-For entry). */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0].trim() || 'unknown';
}

export class BadRequestError extends Error {}

/** A small JSON body (at most 64 kB), which must be declared as JSON. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) throw new BadRequestError('Send the request as JSON (Content-Type: application/json).');
  const bytes = await readLimited(request.body, 64 * 1024);
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new BadRequestError('The request body is not a JSON object.');
  }
}

/** Turns the errors admin routes expect into answers; anything else is a 500 that changes nothing. */
export function adminFailure(err: unknown): Response {
  if (err instanceof PublishError) return adminError(err.status, err.code, err.message);
  if (err instanceof LockBusyError) return adminError(503, 'busy', err.message);
  if (err instanceof UploadTooLargeError) return adminError(413, 'too-large', err.message);
  if (err instanceof BadRequestError) return adminError(400, 'bad-request', err.message);
  console.error(err);
  return adminError(500, 'internal-error', 'The server failed while doing this. Nothing was published; try again, and tell the developers if it happens again.');
}
