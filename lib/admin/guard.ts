/**
 * The checks every admin page and admin API route makes itself, first thing — never left to
 * proxy.ts (CVE-2025-29927 showed a proxy can be skipped). Server-only.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { crossSiteProblem } from './csrf';
import { cookieSecurity, staffFromToken, tokenFromCookieHeader, type Staff } from './session';

/** For admin pages: the signed-in staff member, or a redirect to the sign-in page. */
export async function requireStaffPage(returnTo: string): Promise<Staff> {
  const jar = await cookies();
  const staff = await staffFromToken(jar.get(cookieSecurity().name)?.value);
  if (!staff) redirect(`/admin/login?next=${encodeURIComponent(returnTo)}`);
  return staff;
}

/** The signed-in staff member, if any (pages that show a sign-in link or form). */
export async function currentStaff(): Promise<Staff | null> {
  const jar = await cookies();
  return staffFromToken(jar.get(cookieSecurity().name)?.value);
}

export type Guarded = { staff: Staff; response?: undefined } | { staff?: undefined; response: Response };

/**
 * For admin API routes: 401 without a valid session; for requests that change anything, 403 when
 * the request came from another site.
 */
export async function requireStaffApi(request: Request, changesState: boolean): Promise<Guarded> {
  const staff = await staffFromToken(tokenFromCookieHeader(request.headers.get('cookie')));
  if (!staff) return { response: adminError(401, 'unauthenticated', 'Sign in as staff first (your session may have expired).') };
  if (changesState) {
    const problem = crossSiteProblem(request);
    if (problem) return { response: adminError(403, 'cross-site', problem) };
  }
  return { staff };
}

/** Admin API errors: JSON naming what went wrong, never cached, never shared across origins. */
export function adminError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { status, code, message, ...extra } }, { status, headers: adminHeaders() });
}

export function adminHeaders(): Headers {
  return new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
}

export function adminJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: adminHeaders() });
}
