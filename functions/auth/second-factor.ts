import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { REASON_TEXT, SECOND_FACTOR_REQUIRED, type SecondFactorReason, TOTP_ISSUER } from '../../shared/auth/second-factor.js';
import { AppError } from '../domain/errors.js';

/**
 * 403 for someone whose role needs two-step sign-in and who has no authenticator yet: a type of its
 * own, so the web app sends them to set one up rather than saying they may not do this.
 */
export class SecondFactorRequired extends AppError {
  constructor(reasons: readonly SecondFactorReason[]) {
    const why = reasons.map((r) => REASON_TEXT[r]).join(', and ');
    super(
      403,
      SECOND_FACTOR_REQUIRED,
      'Set up two-step sign-in',
      `You need two-step sign-in because ${why || 'of your role'}. Set up an authenticator app on your phone to carry on.`,
    );
  }
}

/** Whether a person has an authenticator: the portal's own credential locally, Cognito in AWS. */
export interface AuthenticatorLookup {
  hasAuthenticator(email: string): Promise<boolean>;
}

/** How long a "yes, they have one" is trusted before it is read again. */
export const ENROLMENT_CACHE_MS = 5 * 60_000;

/**
 * Whether someone has an authenticator, read at most once per `ttlMs` per person while the answer
 * is yes. A "no" is never kept: it is what someone about to set one up gets, and in AWS they set it
 * up with Cognito directly, so the next request (on whichever Lambda container) must read again.
 * Only people who need a second step are asked about, and they are refused until they have one, so
 * not keeping "no" costs one read per refused request. Concurrent reads of one person share one.
 * A lookup that fails is not kept either: the request fails (503), never passes unchecked.
 */
export class EnrolmentCheck {
  private readonly yes = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly lookup: AuthenticatorLookup,
    private readonly ttlMs = ENROLMENT_CACHE_MS,
    private readonly maxEntries = 10_000,
  ) {}

  /** Whether `email` has an authenticator, as of at most `ttlMs` before `now` (a yes) or now (a no). */
  async enrolled(email: string, now: Date): Promise<boolean> {
    const key = email.toLowerCase();
    const at = this.yes.get(key);
    const t = now.getTime();
    if (at !== undefined && t >= at && t - at < this.ttlMs) return true;
    return this.read(key, t);
  }

  /** Reads again now, whatever is kept (the status page, after setting one up). */
  async fresh(email: string, now: Date): Promise<boolean> {
    return this.read(email.toLowerCase(), now.getTime());
  }

  /** Forgets what is kept about `email` (after it is removed here). */
  forget(email: string): void {
    this.yes.delete(email.toLowerCase());
  }

  private read(key: string, t: number): Promise<boolean> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const read = this.lookup
      .hasAuthenticator(key)
      .then((has) => {
        this.yes.delete(key);
        if (has) {
          this.yes.set(key, t);
          if (this.yes.size > this.maxEntries) {
            const oldest = this.yes.keys().next().value;
            if (oldest !== undefined) this.yes.delete(oldest);
          }
        }
        return has;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, read);
    return read;
  }
}

// ---------------------------------------------------------------------------------------------
// TOTP (RFC 6238) for the local sign-in, through the otpauth library: SHA-1, 6 digits, 30 seconds,
// what every authenticator app reads from an otpauth:// link.

const PERIOD_S = 30;

function totp(email: string, secret: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/...` link an authenticator app reads (typed in, or from its QR code). */
export function totpUri(email: string, secret: string): string {
  return totp(email, secret).toString();
}

/**
 * The time step a code belongs to when it is right at `now` (the step before and after count too,
 * for a phone's clock a little out), or null when it is not right.
 */
export function totpStep(email: string, secret: string, code: string, now: Date): number | null {
  const delta = totp(email, secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
}

// ---------------------------------------------------------------------------------------------
// What the local sign-in keeps in memory (it runs in one process, as its sign-in throttle does).

/** A secret being set up, until its first code confirms it (or it expires: start again). */
export class PendingSetups {
  private readonly pending = new Map<string, { secret: string; expires: number }>();

  constructor(
    readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  start(email: string, now: Date): { secret: string; expiresAt: Date } {
    const key = email.toLowerCase();
    const secret = newTotpSecret();
    const expires = now.getTime() + this.ttlMs;
    this.pending.delete(key);
    this.pending.set(key, { secret, expires });
    if (this.pending.size > this.maxEntries) {
      for (const [k, p] of this.pending) if (p.expires <= now.getTime() || this.pending.size > this.maxEntries) this.pending.delete(k);
    }
    return { secret, expiresAt: new Date(expires) };
  }

  /** The secret being set up, while it has not expired. */
  secretOf(email: string, now: Date): string | null {
    const p = this.pending.get(email.toLowerCase());
    return p && p.expires > now.getTime() ? p.secret : null;
  }

  end(email: string): void {
    this.pending.delete(email.toLowerCase());
  }
}

/** A sign-in whose password was right, waiting for its code: single use, short-lived, a few tries. */
export interface Challenge {
  email: string;
  expires: number;
  tries: number;
}

export class SignInChallenges {
  private readonly open = new Map<string, Challenge>();

  constructor(
    readonly ttlMs = 5 * 60_000,
    /** Wrong codes one challenge takes before the person must enter their password again. */
    readonly maxTries = 5,
    private readonly maxEntries = 10_000,
  ) {}

  issue(email: string, now: Date): { challenge: string; expiresAt: Date } {
    const challenge = randomBytes(32).toString('base64url');
    const expires = now.getTime() + this.ttlMs;
    this.open.set(challenge, { email: email.toLowerCase(), expires, tries: 0 });
    if (this.open.size > this.maxEntries) {
      for (const [k, c] of this.open) if (c.expires <= now.getTime() || this.open.size > this.maxEntries) this.open.delete(k);
    }
    return { challenge, expiresAt: new Date(expires) };
  }

  /** The open challenge, or null when it is unknown, used or expired. */
  find(challenge: string, now: Date): Challenge | null {
    const c = this.open.get(challenge);
    if (!c) return null;
    if (c.expires <= now.getTime()) {
      this.open.delete(challenge);
      return null;
    }
    return c;
  }

  /** A wrong code: true when the challenge has no tries left (and is closed). */
  failed(challenge: string): boolean {
    const c = this.open.get(challenge);
    if (!c) return true;
    c.tries += 1;
    if (c.tries < this.maxTries) return false;
    this.open.delete(challenge);
    return true;
  }

  close(challenge: string): void {
    this.open.delete(challenge);
  }
}

/**
 * A code signs in once (RFC 6238, section 5.2): the last time step each person signed in with, so
 * a code seen over someone's shoulder cannot be used again within its 90 seconds.
 */
export class UsedCodes {
  private readonly last = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000) {}

  /** False when a code of this step (or an earlier one) has already signed this person in. */
  use(email: string, step: number): boolean {
    const key = email.toLowerCase();
    const before = this.last.get(key);
    if (before !== undefined && step <= before) return false;
    this.last.delete(key);
    this.last.set(key, step);
    if (this.last.size > this.maxEntries) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return true;
  }
}
