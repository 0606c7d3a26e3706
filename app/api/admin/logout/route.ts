import { endSessions } from '@/lib/admin/accounts';
import { recordAudit } from '@/lib/store/store';
import { adminHeaders, requireStaffApi } from '@/lib/admin/guard';
import { clientAddress } from '@/lib/admin/requests';
import { clearedCookies } from '@/lib/admin/session';

export const dynamic = 'force-dynamic';

/** POST /api/admin/logout: ends every session of the account and clears the cookie. */
export async function POST(request: Request) {
  const guard = await requireStaffApi(request, true);
  if (guard.response) return guard.response;
  await endSessions(guard.staff.email);
  await recordAudit({ user: guard.staff.email, action: 'sign-out', address: clientAddress(request) });
  const headers = adminHeaders();
  for (const cookie of clearedCookies()) headers.append('Set-Cookie', cookie);
  headers.set('Location', '/admin/login?signed-out=1');
  return new Response(null, { status: 303, headers });
}
