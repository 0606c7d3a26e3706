import { appendAudit, newAuditEntry } from '@/lib/admin/audit';
import { findAccount, normalizeEmail } from '@/lib/admin/accounts';
import { crossSiteProblem } from '@/lib/admin/csrf';
import { adminError, adminHeaders, adminJson } from '@/lib/admin/guard';
import { verifyAgainstNothing, verifyPassword } from '@/lib/admin/passwords';
import { LOGIN_LIMITS } from '@/lib/admin/rate-limit';
import { clientAddress } from '@/lib/admin/requests';
import { issueToken, sessionCookie } from '@/lib/admin/session';
import { readLimited } from '@/lib/admin/uploads';

export const dynamic = 'force-dynamic';

/** Where to go after signing in: a page of the staff area, never another site. */
function safeNext(value: string | null): string {
  return value && /^\/admin(\/[\w\-./?=&%]*)?$/.test(value) && !value.startsWith('//') && !value.startsWith('/admin/login') ? value : '/admin';
}

/**
 * POST /api/admin/login (form fields email, password, next). A browser form gets redirects
 * (303) back to the sign-in page with a message code; a script (fetch) gets JSON and a status:
 * 200, 401 wrong email or password, 429 too many failures (with Retry-After), 403 cross-site.
 */
export async function POST(request: Request) {
  const navigation = request.headers.get('sec-fetch-mode') === 'navigate';
  const problem = crossSiteProblem(request);
  if (problem) return adminError(403, 'cross-site', problem);
  let form: URLSearchParams;
  try {
    form = new URLSearchParams((await readLimited(request.body, 16 * 1024)).toString('utf8'));
  } catch {
    return adminError(413, 'too-large', 'The sign-in form is too large.');
  }
  const email = normalizeEmail(form.get('email') ?? '');
  const password = form.get('password') ?? '';
  const next = safeNext(form.get('next'));
  const address = clientAddress(request);
  const back = (code: string, extra = '') => {
    const headers = adminHeaders();
    headers.set('Location', `/admin/login?error=${code}${extra}&next=${encodeURIComponent(next)}`);
    return new Response(null, { status: 303, headers });
  };

  const keys = { accountAndAddress: `${email}|${address}`, account: email, address };
  const wait = Math.max(LOGIN_LIMITS.accountAndAddress.retryAfter(keys.accountAndAddress), LOGIN_LIMITS.account.retryAfter(keys.account), LOGIN_LIMITS.address.retryAfter(keys.address));
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    await appendAudit(newAuditEntry({ user: email || '(none)', action: 'sign-in-refused', detail: 'too many failed attempts', address }));
    if (navigation) return back('rate', `&wait=${minutes}`);
    const response = adminError(429, 'rate-limited', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    response.headers.set('Retry-After', String(Math.ceil(wait / 1000)));
    return response;
  }

  const account = email ? findAccount(email) : undefined;
  const ok = account ? await verifyPassword(password, account.passwordHash) : await verifyAgainstNothing(password);
  if (!ok || !account) {
    LOGIN_LIMITS.accountAndAddress.fail(keys.accountAndAddress);
    LOGIN_LIMITS.account.fail(keys.account);
    LOGIN_LIMITS.address.fail(keys.address);
    await appendAudit(newAuditEntry({ user: email || '(none)', action: 'sign-in-refused', detail: 'wrong email or password', address }));
    return navigation ? back('invalid') : adminError(401, 'invalid-credentials', 'That email and password do not match a staff account.');
  }
  LOGIN_LIMITS.accountAndAddress.clear(keys.accountAndAddress);
  await appendAudit(newAuditEntry({ user: account.email, action: 'sign-in', address }));
  const cookie = sessionCookie(request.headers, issueToken(account.email, account.sessionVersion));
  if (navigation) {
    const headers = adminHeaders();
    headers.set('Location', next);
    headers.append('Set-Cookie', cookie);
    return new Response(null, { status: 303, headers });
  }
  const response = adminJson({ email: account.email, next });
  response.headers.append('Set-Cookie', cookie);
  return response;
}
