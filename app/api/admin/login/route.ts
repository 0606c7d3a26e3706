import { getStore, recordAudit } from '@/lib/store/store';
import { findAccount, MAX_EMAIL_LENGTH, normalizeEmail } from '@/lib/admin/accounts';
import { crossSiteProblem } from '@/lib/admin/csrf';
import { adminError, adminHeaders, adminJson } from '@/lib/admin/guard';
import { HashQueueFullError, verifyAgainstNothing, verifyPassword } from '@/lib/admin/passwords';
import { loginChecks, REFUSAL_LOG } from '@/lib/admin/rate-limit';
import { clientAddress } from '@/lib/admin/requests';
import { emailCookie, issueToken, sessionCookie } from '@/lib/admin/session';
import { readLimited } from '@/lib/admin/uploads';

export const dynamic = 'force-dynamic';

/**
 * A refused sign-in goes into the audit log once per key and window (15 minutes); the next line
 * for that key says how many were left out, so a flood of refusals cannot flood the log.
 */
async function auditRefusal(key: string, email: string, reason: string, address: string): Promise<void> {
  const { record, suppressed } = REFUSAL_LOG.take(key);
  if (!record) return;
  const more = suppressed > 0 ? `; ${suppressed} more like it in the previous 15 minutes, not logged one by one` : '';
  await recordAudit({ user: email || '(none)', action: 'sign-in-refused', detail: `${reason}${more}`, address });
}

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
    // The form shows the email again (a cookie for the sign-in page only, not the URL, so the
    // address stays out of the history and the server's logs).
    if (email) headers.append('Set-Cookie', emailCookie(email));
    return new Response(null, { status: 303, headers });
  };

  if (email.length > MAX_EMAIL_LENGTH) {
    // No account has such an address: refused before any hashing, logging or counting.
    return navigation ? back('invalid') : adminError(401, 'invalid-credentials', 'That email and password do not match a staff account.');
  }

  // Check and count in one step, before the slow hash: a burst of parallel attempts (on this
  // server or another sharing the store) cannot all pass the check while none has been counted.
  const staff = (await getStore()).staff;
  const checks = loginChecks(email, address);
  const { wait, blocked, counted } = await staff.attempt(checks);
  if (blocked) {
    const minutes = Math.ceil(wait / 60_000);
    await auditRefusal(`rate|${blocked.limiter}|${blocked.key}`, email, 'too many failed attempts', address);
    if (navigation) return back('rate', `&wait=${minutes}`);
    const response = adminError(429, 'rate-limited', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    response.headers.set('Retry-After', String(Math.ceil(wait / 1000)));
    return response;
  }
  const forgive = () => staff.forgive(counted);

  const account = email ? await findAccount(email) : undefined;
  let ok: boolean;
  try {
    ok = account ? await verifyPassword(password, account.passwordHash) : await verifyAgainstNothing(password);
  } catch (err) {
    if (!(err instanceof HashQueueFullError)) throw err;
    await forgive(); // not an attempt: the password was never checked
    if (navigation) return back('busy');
    const response = adminError(503, 'busy', err.message);
    response.headers.set('Retry-After', String(err.retryAfter));
    return response;
  }
  if (!ok || !account) {
    await auditRefusal(`invalid|${email}|${address}`, email, 'wrong email or password', address);
    return navigation ? back('invalid') : adminError(401, 'invalid-credentials', 'That email and password do not match a staff account.');
  }
  await forgive();
  await staff.clear(checks[0].limiter, checks[0].key);
  await recordAudit({ user: account.email, action: 'sign-in', address });
  const cookie = sessionCookie(await issueToken(account.email, account.sessionVersion));
  if (navigation) {
    const headers = adminHeaders();
    headers.set('Location', next);
    headers.append('Set-Cookie', cookie);
    headers.append('Set-Cookie', emailCookie(''));
    return new Response(null, { status: 303, headers });
  }
  const response = adminJson({ email: account.email, next });
  response.headers.append('Set-Cookie', cookie);
  return response;
}
