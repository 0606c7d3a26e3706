/**
 * The site's public address for text that names it (citations, API examples, the package README).
 * SITE_URL when it is set; otherwise the address the request came to, so `npm run serve` with no
 * configuration cites the address a visitor actually used rather than http://localhost:3000.
 * X-Forwarded-Host and X-Forwarded-Proto count only behind trusted proxies (ATLAS_TRUSTED_PROXIES),
 * the same rule as X-Forwarded-For. Cookie security and HSTS never use this: they follow SITE_URL alone.
 */
import 'server-only';
import { headers } from 'next/headers';
import { trustedProxies } from '../http/proxies';
import { siteUrl } from './metadata';

/** A host name or IPv4/IPv6 literal with an optional port, nothing else (no user info, path or markup). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const DEFAULT_SITE = 'http://localhost:3000';

/** The last value of a header a proxy may have appended to ("a, b" → "b"). */
const outermost = (value: string | null) => value?.split(',').at(-1)?.trim() || null;

/** The site's address from a request's headers (see the module comment). */
export function siteUrlFromHeaders(h: Headers): URL {
  if (process.env.SITE_URL) return siteUrl();
  const proxied = trustedProxies() > 0;
  const host = (proxied ? outermost(h.get('x-forwarded-host')) : null) ?? h.get('host');
  const forwardedProto = proxied ? outermost(h.get('x-forwarded-proto'))?.toLowerCase() : null;
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  if (!host || !HOST.test(host)) return new URL(DEFAULT_SITE);
  return new URL(`${proto}://${host}`);
}

/** The site's address for the request being rendered, without a trailing slash ("http://example.test:8080"). */
export async function requestSiteBase(): Promise<string> {
  return siteUrlFromHeaders(await headers()).origin;
}
