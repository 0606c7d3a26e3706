/**
 * How many proxies in front of the server append to X-Forwarded-For (ATLAS_TRUSTED_PROXIES,
 * default 0: the server faces the clients directly and the header is ignored). Read by the public
 * site (its own address behind a proxy) and by the staff side (a client's address for the limits).
 */
export function trustedProxies(): number {
  const n = Number(process.env.ATLAS_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}
