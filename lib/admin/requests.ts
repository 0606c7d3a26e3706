/** Small helpers for the admin API routes. Server-only. */
import 'server-only';
import { trustedProxies } from '../http/proxies';
import { LockBusyError } from '../store/lock';
import { PublishError } from './publish';
import { adminError, adminJson, requireStaffApi } from './guard';
import type { Staff } from './session';
import { readLimited, UploadTooLargeError } from './uploads';

/** The address of whoever opened the connection, as lib/cli/serve.mjs passed it on (null without that server). */
function socketAddress(headers: Headers): string | null {
  const secret = process.env.ATLAS_PEER_SECRET;
  const header = headers.get('x-atlas-peer');
  if (!secret || !header) return null;
  const space = header.indexOf(' ');
  if (space === -1 || header.slice(0, space) !== secret) return null;
  return header.slice(space + 1).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') || null;
}

/**
 * The client's address for per-address limits and the audit log. With no trusted proxy, the
 * socket's address; behind N trusted proxies, the entry the outermost of them added: the Nth from
 * the right of X-Forwarded-For followed by the socket address. Entries further left were written
 * by the client and are never believed. "unknown" when the server was not started through
 * lib/cli/serve.mjs (then every client shares one per-address limit; the per-account ones hold).
 */
export function clientAddress(request: Request): string {
  const peer = socketAddress(request.headers);
  if (!peer) return 'unknown';
  const proxies = trustedProxies();
  if (proxies === 0) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const entry = chain[Math.max(0, chain.length - 1 - proxies)];
  return entry.slice(0, 64);
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
  if (err instanceof PublishError) return adminError(err.status, err.code, err.message, err.detail);
  if (err instanceof LockBusyError) return adminError(503, 'busy', err.message);
  if (err instanceof UploadTooLargeError) return adminError(413, 'too-large', err.message);
  if (err instanceof BadRequestError) return adminError(400, 'bad-request', err.message);
  console.error(err);
  return adminError(500, 'internal-error', 'The server failed while doing this. Nothing was published; try again, and tell the developers if it happens again.');
}

/**
 * An admin action from a JSON body (publish, restore, remove): a signed-in, same-site request;
 * the body read and handed over with the staff member and address; the result as JSON, or the
 * error as a clear 4xx/5xx.
 */
export async function adminAction(request: Request, act: (body: Record<string, unknown>, who: { staff: Staff; address: string }) => Promise<unknown>): Promise<Response> {
  const guard = await requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const body = await readJson(request);
    return adminJson(await act(body, { staff: guard.staff, address: clientAddress(request) }));
  } catch (err) {
    return adminFailure(err);
  }
}

/** A JSON string field, or `fallback` when it is missing or not a string. */
export const stringField = <T extends string | null>(body: Record<string, unknown>, key: string, fallback: T): string | T => {
  const value = Object.hasOwn(body, key) ? body[key] : undefined;
  return typeof value === 'string' ? value : fallback;
};
