/**
 * Counting failures in a sliding window: after `max` failures within `windowMs` a key is refused
 * until the oldest of them leaves the window. In memory: one server process (see README).
 */
export class RateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length < this.max ? 0 : list[list.length - this.max] + this.windowMs - now;
  }

  /** Counts a failure (or an attempt that may fail: count it first, `forgive` it if it succeeds). Returns its time. */
  fail(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.prune(now);
    return now;
  }

  /** Takes back one counted attempt (made at `time`) that turned out not to be a failure. */
  forgive(key: string, time: number): void {
    const list = this.failures.get(key);
    const i = list?.lastIndexOf(time) ?? -1;
    if (!list || i === -1) return;
    list.splice(i, 1);
    if (list.length === 0) this.failures.delete(key);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const key of this.failures.keys()) this.recent(key, now);
  }
}

/** Sign-in limits: per account and address, per account alone, and per address alone. */
export const LOGIN_LIMITS: { accountAndAddress: RateLimiter; account: RateLimiter; address: RateLimiter } = ((globalThis as { __atlasLoginLimits?: typeof LOGIN_LIMITS }).__atlasLoginLimits ??= {
  // On globalThis: every route of the server shares one set, however the bundler splits modules.
  accountAndAddress: new RateLimiter(5, 15 * 60_000),
  account: new RateLimiter(20, 15 * 60_000),
  address: new RateLimiter(100, 24 * 60 * 60_000),
});

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
