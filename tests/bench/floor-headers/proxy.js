import { NextResponse } from 'next/server';
import { contentSecurity } from '../../../proxy';

/** The site's per-request Content-Security-Policy with its nonce (not its language step: this app has one page). */
export function proxy(request) {
  const { csp, headers } = contentSecurity(request);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = { matcher: ['/((?!_next/static|favicon.ico).*)'] };
