/**
 * The limits on sign-ins and uploads. The store keeps the counts (lib/store/staff.ts): in this
 * process's memory with the file store, in PostgreSQL — shared by every server — with the other.
 */
import type { LimitCheck } from '../store/staff';

const MINUTE = 60_000;

/** Sign-in limits: per account and address, per account alone, and per address alone. */
export const LOGIN_LIMITS = {
  accountAndAddress: { limiter: 'sign-in:account+address', max: 5, windowMs: 15 * MINUTE },
  account: { limiter: 'sign-in:account', max: 20, windowMs: 15 * MINUTE },
  address: { limiter: 'sign-in:address', max: 100, windowMs: 24 * 60 * MINUTE },
} as const;

/** The three sign-in checks for one attempt. */
export function loginChecks(email: string, address: string): LimitCheck[] {
  return [
    { ...LOGIN_LIMITS.accountAndAddress, key: `${email}|${address}` },
    { ...LOGIN_LIMITS.account, key: email },
    { ...LOGIN_LIMITS.address, key: address },
  ];
}

/** Uploads: 60 an hour per staff member. */
export const uploadCheck = (email: string): LimitCheck => ({ limiter: 'upload', key: email, max: 60, windowMs: 60 * MINUTE });

/**
 * Lets one event per key through in each window and counts the rest, so a flood of identical
 * events (refused sign-ins) leaves one audit line per window, not one per request.
 */
export class OncePerWindow {
  private readonly seen = new Map<string, { since: number; suppressed: number }>();

  constructor(readonly windowMs: number) {}

  /** Whether to record this event now, and how many were held back since the last one recorded. */
  take(key: string, now = Date.now()): { record: boolean; suppressed: number } {
    const entry = this.seen.get(key);
    if (entry && now - entry.since < this.windowMs) {
      entry.suppressed++;
      return { record: false, suppressed: 0 };
    }
    this.seen.set(key, { since: now, suppressed: 0 });
    if (this.seen.size > 100_000) {
      for (const [k, v] of this.seen) if (now - v.since >= this.windowMs) this.seen.delete(k);
    }
    return { record: true, suppressed: entry?.suppressed ?? 0 };
  }
}

/** Refused sign-ins reach the audit log at most once per key in this window. */
export const REFUSAL_LOG: OncePerWindow = ((globalThis as { __atlasRefusalLog?: OncePerWindow }).__atlasRefusalLog ??= new OncePerWindow(15 * 60_000));
