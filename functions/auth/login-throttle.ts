/**
 * Slows down repeated failed sign-ins for one email address and one client: after `free` failures
 * in the window each further attempt must wait twice as long as the last (1 s, 2 s, 4 s ... up to
 * 5 minutes). In memory: local sign-in runs in one process; in AWS Cognito does this itself.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; first: number; blockedUntil: number }>();

  constructor(
    private readonly free = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxDelayMs = 5 * 60 * 1000,
  ) {}

  /** Milliseconds the caller must still wait, or 0. */
  waitFor(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    if (now - f.first > this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return Math.max(0, f.blockedUntil - now);
  }

  recordFailure(key: string, now = Date.now()): void {
    const f = this.failures.get(key);
    const entry = f && now - f.first <= this.windowMs ? f : { count: 0, first: now, blockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= this.free) {
      entry.blockedUntil = now + Math.min(this.maxDelayMs, 1000 * 2 ** (entry.count - this.free));
    }
    this.failures.set(key, entry);
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.first > this.windowMs) this.failures.delete(k);
  }
}
