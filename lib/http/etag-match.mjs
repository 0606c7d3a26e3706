/**
 * Whether an If-None-Match header names this ETag: `*`, or any listed tag under the weak
 * comparison RFC 9110 requires for If-None-Match. Plain JavaScript, so both the API routes
 * (lib/http/cache.ts) and the production server's replay cache (lib/cli/replay.mjs) use it.
 * @param {string | null | undefined} header
 * @param {string} etag
 */
export function namesEtag(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
