/**
 * Staff sessions: a cookie holding {email, session version, issued, expires}, signed with
 * HMAC-SHA256. The key comes from ATLAS_SESSION_SECRET (32+ characters) or is generated on first
 * use into the private folder with mode 0600. A session ends when it expires (8 hours), when its
 * account signs out (the session version moves on), or when the account is removed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { findAccount } from './accounts';
import { writablePrivatePath } from './paths';

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

let cachedKey: Buffer | null = null;

function sessionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const configured = process.env.ATLAS_SESSION_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('ATLAS_SESSION_SECRET must be at least 32 characters.');
    cachedKey = Buffer.from(configured, 'utf8');
    return cachedKey;
  }
  const file = writablePrivatePath('session.key');
  try {
    writeFileSync(file, randomBytes(48).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  cachedKey = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  if (cachedKey.length < 32) throw new Error(`${file} holds too short a key; delete it to make a new one.`);
  return cachedKey;
}

const sign = (body: string) => createHmac('sha256', sessionKey()).update(body).digest('base64url');

export function issueToken(email: string, sessionVersion: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ e: email, v: sessionVersion, iat: now, exp: now + SESSION_MS } satisfies Payload)).toString('base64url');
  return `${body}.${sign(body)}`;
}

/** The payload of a token whose signature is right and which has not expired; else null. */
export function readToken(token: string | undefined, now = Date.now()): Payload | null {
  if (!token || token.length > 1000) return null;
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(body));
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
export function staffFromToken(token: string | undefined, now = Date.now()): Staff | null {
  const payload = readToken(token, now);
  if (!payload) return null;
  const account = findAccount(payload.e);
  if (!account || account.sessionVersion !== payload.v) return null;
  return { email: account.email };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Secure cookies everywhere but plain-HTTP loopback (a developer's or a test's machine), where
 * browsers would refuse them. A secure cookie also gets the __Host- prefix (no Domain, Path=/).
 */
export function cookieSecurity(headers: Headers): { secure: boolean; name: string } {
  const proto = headers.get('x-forwarded-proto')?.split(',')[0].trim().toLowerCase();
  const host = (headers.get('host') ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const secure = proto === 'https' || !LOOPBACK.has(host);
  return { secure, name: secure ? '__Host-atlas-staff' : 'atlas-staff' };
}

export const COOKIE_NAMES = ['__Host-atlas-staff', 'atlas-staff'] as const;

export function sessionCookie(headers: Headers, token: string): string {
  const { secure, name } = cookieSecurity(headers);
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MS / 1000}${secure ? '; Secure' : ''}`;
}

export function clearedCookies(headers: Headers): string[] {
  const { secure } = cookieSecurity(headers);
  return COOKIE_NAMES.map((name) => `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure || name.startsWith('__Host-') ? '; Secure' : ''}`);
}

/** The session token from a Cookie header. */
export function tokenFromCookieHeader(cookie: string | null): string | undefined {
  if (!cookie) return undefined;
  for (const name of COOKIE_NAMES) {
    const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(cookie);
    if (match) return match[1];
  }
  return undefined;
}
