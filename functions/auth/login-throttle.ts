/**
 * Slows down repeated failed sign-ins for one key: after `free` failures in the window each further
 * attempt must wait twice as long as the last (1 s, 2 s, 4 s ... up to `maxDelayMs`). The count
 * starts again when the window (from the first failure) has passed, so nobody is locked out for
 * good. In memory: local sign-in runs in one process; in AWS Cognito does this itself.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; first: number; blockedUntil: number }>();

  constructor(
    private readonly free = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxDelayMs = 5 * 60 * 1000,
    private readonly maxEntries = 10_000,
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
    if (this.failures.size > this.maxEntries) this.prune(now);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.first > this.windowMs) this.failures.delete(k);
    // Still full inside one window (many keys at once): forget the oldest rather than grow without bound.
    for (const k of this.failures.keys()) {
      if (this.failures.size <= this.maxEntries) break;
      this.failures.delete(k);
    }
  }
}

/** Why an attempt must wait: too many failures for this email from this address, or from this address at all. */
export interface SignInRefusal {
  waitMs: number;
  reason: 'account' | 'address';
}

/**
 * The local sign-in's two limits:
 * - per email and client address (5 free failures): slows guessing one person's password without
 *   letting someone elsewhere lock that person out;
 * - per client address across every email (20 free failures): slows password spraying, where one
 *   source tries a common password against many accounts and never fails twice on one of them.
 * Only failures count towards the address limit, and a success does not clear it (otherwise one
 * valid account would reset a sprayer's count); a success clears the email's own count. Both
 * windows expire, so the real person waits at most a few minutes, never for good.
 */
export class SignInThrottle {
  constructor(
    private readonly perAccount = new LoginThrottle(5),
    private readonly perAddress = new LoginThrottle(20),
  ) {}

  /** The longer of the two waits, or null when the attempt may go ahead. */
  check(email: string, address: string, now: number): SignInRefusal | null {
    const account = this.perAccount.waitFor(accountKey(email, address), now);
    const fromAddress = this.perAddress.waitFor(address, now);
    if (account <= 0 && fromAddress <= 0) return null;
    return fromAddress > account ? { waitMs: fromAddress, reason: 'address' } : { waitMs: account, reason: 'account' };
  }

  recordFailure(email: string, address: string, now: number): void {
    this.perAccount.recordFailure(accountKey(email, address), now);
    this.perAddress.recordFailure(address, now);
  }

  recordSuccess(email: string, address: string): void {
    this.perAccount.recordSuccess(accountKey(email, address));
  }
}

// Emails are case-insensitive (the user key lowercases them): "Lead@" and "lead@" share a count.
const accountKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`;
