/**
 * Cross-site request forgery: a state-changing request must come from one of our own pages.
 * Browsers say so in Sec-Fetch-Site (same-origin) and Origin; a request carrying neither is
 * refused too (OWASP: Fetch Metadata first, Origin as the fallback).
 */
export function crossSiteProblem(request: Request): string | null {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (site && site !== 'same-origin') return `This request came from another site (Sec-Fetch-Site: ${site}).`;
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return 'This request has an unreadable Origin.';
    }
    if (!host || originHost !== host) return 'This request came from another site (its Origin is not this site).';
    return null;
  }
  if (site === 'same-origin') return null;
  return 'This request does not say where it came from (no Origin or Sec-Fetch-Site), so it was refused.';
}
