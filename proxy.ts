import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

const localize = createMiddleware(routing);

/** The page's Content-Security-Policy with a fresh nonce, and the request headers that carry it to the page. */
export function contentSecurity(request: NextRequest): { csp: string; headers: Headers } {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  // Embeds exist to be framed by other sites; every other page refuses to be framed.
  const frameAncestors = /^\/(es\/)?embed\//.test(request.nextUrl.pathname) ? '*' : "'none'";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes (chart sizes); they need 'unsafe-inline', which a nonce would disable.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  return { csp, headers };
}

/**
 * Sets a Content-Security-Policy with a fresh nonce on every page, so only Next's own scripts
 * (which carry the nonce) run, and maps a public address to its language (next-intl: /states is
 * English and served by app/[locale] as /en/states; /es/states is Spanish; /en/states redirects
 * to /states). The address alone decides the language: Accept-Language never redirects.
 * Staff pages (/admin) are English only and skip the language step. No authentication lives here.
 * API responses get their headers from next.config.js and never pass through this proxy.
 */
export function proxy(request: NextRequest) {
  const { csp, headers } = contentSecurity(request);
  const staff = request.nextUrl.pathname === '/admin' || request.nextUrl.pathname.startsWith('/admin/');
  const response = staff ? NextResponse.next({ request: { headers } }) : localize(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API, Next's files, the data files (/data/x.csv) or any file with an extension
      // (embed.js, icon.svg, robots.txt, sitemap.xml); the /data and /api pages themselves do pass.
      source: '/((?!api/|data/|_next/static|_next/image|.*\\..*).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
