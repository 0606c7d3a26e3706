// next.config.js is CommonJS (the layout the project keeps), so the plugin is required.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require('next-intl/plugin');

/** next-intl finds each request's locale and messages in lib/i18n/request.ts. */
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** Headers every response carries; pages also get a nonce-based Content-Security-Policy from proxy.ts. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
];

/**
 * Staff pages (signed-in sessions, upload previews) also cut every link to a cross-origin opener.
 * Public pages hold nothing of a visitor's to protect that way, and the header costs them: it
 * makes a browser that arrives from a new tab start a fresh renderer process before the first
 * paint (measured on the benchmark's bare page: performance 0.94 → 0.88, Total Blocking Time
 * +240 ms under Lighthouse; see README, "Speed on a phone").
 */
const STAFF_HEADERS = [{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin' }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  /**
   * The stylesheet is written into each page's <style>, not linked: the first paint waits for no
   * second request (on a slow phone network, a round trip). README, "Speed on a phone".
   */
  experimental: { inlineCss: true },
  /**
   * Retired dataset addresses keep working. state-estimates-2018-2019 became the 2018-2019 period
   * of state-estimates-2002-2019 when every state release joined it: a link, a script or a
   * citation made before lands on the same period (which may since hold more measures).
   */
  async redirects() {
    const OLD = 'state-estimates-2018-2019';
    const NEW = 'state-estimates-2002-2019';
    return [
      { source: `/api/datasets/${OLD}`, destination: `/api/datasets/${NEW}?period=2018-2019`, permanent: true },
      { source: `/datasets/${OLD}`, destination: `/datasets/${NEW}?period=2018-2019`, permanent: true },
      { source: `/data/${OLD}.csv`, destination: `/api/datasets/${NEW}?period=2018-2019&format=csv`, permanent: true },
    ];
  },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/admin/:path*', headers: STAFF_HEADERS },
      // Everything but /embed/… and /es/embed/… refuses to be framed (the CSP's frame-ancestors says the same).
      { source: '/((?!embed/|es/embed/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      // JSON and files from the API are never documents: nothing may run or frame them.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
