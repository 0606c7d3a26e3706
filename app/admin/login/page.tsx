import type { Metadata } from 'next';
import Link from 'next/link';
import { currentStaff } from '@/lib/admin/guard';
import { cookies } from 'next/headers';
import { SESSION_HOURS, SIGN_IN_EMAIL_COOKIE } from '@/lib/admin/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Messages for the codes the sign-in route sends back; nothing from the URL is shown as is. */
function message(error: string, wait: string): string | null {
  if (error === 'invalid') return 'That email and password do not match a staff account.';
  if (error === 'busy') return 'The server is busy checking other sign-ins. Try again in a few seconds.';
  if (error === 'rate') {
    const minutes = Math.max(1, Math.min(24 * 60, Number(wait) || 15));
    return `Too many failed sign-ins for this account from your address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return null;
}

/** The staff sign-in page: a plain form that works without JavaScript. */
export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  const staff = await currentStaff();
  const error = message(one(query.error), one(query.wait));
  const next = one(query.next);
  // After a refused sign-in, the email typed (kept by the sign-in route in a cookie for this page).
  let email = '';
  if (error) {
    try {
      email = decodeURIComponent((await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value ?? '').slice(0, 320);
    } catch {
      email = '';
    }
  }
  return (
    <div className="narrow">
      <h1>Staff sign-in</h1>
      {staff ? (
        <p>
          You are signed in as {staff.email}. <Link prefetch={false} href="/admin">Go to the datasets</Link>.
        </p>
      ) : null}
      {one(query['signed-out']) ? <p role="status">You are signed out.</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : next && !staff ? (
        <p>Sign in to continue.</p>
      ) : null}
      <form method="post" action="/api/admin/login" className="stack-form">
        <input type="hidden" name="next" value={next} />
        <label>
          Email
          <input type="email" name="email" autoComplete="username" defaultValue={email} required />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" autoFocus={email !== ''} required />
        </label>
        <button type="submit">Sign in</button>
      </form>
      <p className="hint">
        Staff accounts are created on the server with <code>npm run staff:add -- EMAIL</code>. A session lasts {SESSION_HOURS} hours; signing out ends it on
        every device.
      </p>
    </div>
  );
}
