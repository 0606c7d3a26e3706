/**
 * Password hashing with scrypt from node:crypto at OWASP's parameters (N=2^17, r=8, p=1: 128 MiB
 * and a few hundred milliseconds per hash), no native dependency. Stored as
 * `scrypt$17$8$1$<salt>$<hash>` (base64), so the parameters can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * r * 2 ** logN };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Hashes run at once: each takes 128 MiB, and a burst of logins must not exhaust memory. */
const RUNNING_MAX = 2;
/** Hashes that may wait their turn; past that a sign-in is refused at once (503) instead of waiting a minute. */
export const HASH_QUEUE_MAX = 8;

export class HashQueueFullError extends Error {
  /** Seconds to suggest in Retry-After. */
  readonly retryAfter = 5;
  constructor() {
    super('The server is busy checking other sign-ins. Try again in a few seconds.');
  }
}

let running = 0;
const waiting: Array<() => void> = [];
/** Runs `fn` (a hash) when a slot is free; refuses at once with HashQueueFullError when too many wait. */
export async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= RUNNING_MAX) {
    if (waiting.length >= HASH_QUEUE_MAX) throw new HashQueueFullError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await withHashSlot(() => derive(password, salt, LOG_N, R, P));
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await withHashSlot(() => derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p)));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the account does not exist, so both cases take the same time. */
let dummy: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password, only for timing');
  await verifyPassword(password, await dummy);
  return false;
}
