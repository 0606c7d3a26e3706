/** The site's own proxy: a Content-Security-Policy with a fresh nonce on every page. */
export { proxy } from '../../../proxy';

export const config = { matcher: ['/((?!_next/static|favicon.ico).*)'] };
