/**
 * The second floor of npm run bench:lighthouse: the bare page of tests/bench/floor served with the
 * site's response headers (next.config.js) and its per-request CSP nonce (proxy.ts), so the
 * benchmark shows what the site's security policy alone costs a page.
 */
import site from '../../../next.config.js';

const config = { poweredByHeader: false, headers: site.headers };

export default config;
