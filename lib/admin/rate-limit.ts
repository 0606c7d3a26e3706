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

  fail(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.prune(now);
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
