/** The benchmark floor's build: nothing beyond Next.js's defaults. */
module.exports = { poweredByHeader: false };
