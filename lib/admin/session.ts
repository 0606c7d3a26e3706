/**
 * Staff sessions: a cookie holding {email, session version, issued, expires}, signed with
 * HMAC-SHA256. The key comes from ATLAS_SESSION_SECRET (32+ characters) or is generated on first
 * use by the store (session.key in the private folder, mode 0600, or a row PostgreSQL shares with
 * every server). A session ends when it expires (8 hours), when its
 * account signs out (the session version moves on), or when the account is removed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { siteUrl } from '../site/metadata';
import { findAccount } from './accounts';
import { getStore } from '../store/store';

export const SESSION_HOURS = 8;
const SESSION_MS = SESSION_HOURS * 60 * 60_000;

export interface Staff {
  email: string;
}

interface Payload {
  e: string;
  v: number;
  iat: number;
  exp: number;
}

let configuredKey: Buffer | null = null;

/** ATLAS_SESSION_SECRET, or the key the store made on first use (the same for every server). */
async function sessionKey(): Promise<Buffer> {
  const configured = process.env.ATLAS_SESSION_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('ATLAS_SESSION_SECRET must be at least 32 characters.');
    configuredKey ??= Buffer.from(configured, 'utf8');
    return configuredKey;
  }
  return (await getStore()).staff.sessionKey();
}

const sign = async (body: string) => createHmac('sha256', await sessionKey()).update(body).digest('base64url');

export async function issueToken(email: string, sessionVersion: number, now = Date.now()): Promise<string> {
  const body = Buffer.from(JSON.stringify({ e: email, v: sessionVersion, iat: now, exp: now + SESSION_MS } satisfies Payload)).toString('base64url');
  return `${body}.${await sign(body)}`;
}

/** The payload of a token whose signature is right and which has not expired; else null. */
export async function readToken(token: string | undefined, now = Date.now()): Promise<Payload | null> {
  if (!token || token.length > 1000) return null;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(await sign(body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    if (typeof payload.e !== 'string' || typeof payload.v !== 'number' || typeof payload.exp !== 'number') return null;
    if (payload.exp <= now || payload.iat > now + 60_000) return null;
    return payload;
  } catch {
    return null;
  }
}

/** The staff member a session cookie belongs to, checked against the account as it is now. */
export async function staffFromToken(token: string | undefined, now = Date.now()): Promise<Staff | null> {
  const payload = await readToken(token, now);
  if (!payload) return null;
  const account = await findAccount(payload.e);
  if (!account || account.sessionVersion !== payload.v) return null;
  return { email: account.email };
}

/**
 * Whether the site is served over HTTPS, from its configured address (SITE_URL), never from
 * request headers a client or a proxy could set. On HTTPS the cookie is Secure and takes the
 * __Host- prefix (no Domain, Path=/); on plain HTTP (a developer's machine, the tests) it is
 * neither, as browsers would refuse it.
 */
export function cookieSecurity(site: URL = siteUrl()): { secure: boolean; name: string } {
  const secure = site.protocol === 'https:';
  return { secure, name: secure ? '__Host-atlas-staff' : 'atlas-staff' };
}

export function sessionCookie(token: string, site?: URL): string {
  const { secure, name } = cookieSecurity(site);
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MS / 1000}${secure ? '; Secure' : ''}`;
}

/** The cookie that keeps the email of a refused sign-in for the sign-in page (only), ten minutes. */
export const SIGN_IN_EMAIL_COOKIE = 'atlas-sign-in-email';

/** Sets (or, given '', clears) the sign-in page's email cookie: not in the URL, so not in the history or the logs. */
export function emailCookie(email: string, site?: URL): string {
  const { secure } = cookieSecurity(site);
  return `${SIGN_IN_EMAIL_COOKIE}=${encodeURIComponent(email)}; Path=/admin/login; HttpOnly; SameSite=Strict; Max-Age=${email ? 600 : 0}${secure ? '; Secure' : ''}`;
}

export function clearedCookies(site?: URL): string[] {
  const { secure, name } = cookieSecurity(site);
  return [`${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`];
}

/** The session token from a Cookie header: only the cookie this configuration issues is read. */
export function tokenFromCookieHeader(cookie: string | null, site?: URL): string | undefined {
  if (!cookie) return undefined;
  const { name } = cookieSecurity(site);
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
