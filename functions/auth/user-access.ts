import type { UserAccess } from '../repositories/user-repository.js';

/** The plain-English reason given to a removed or deactivated person, on every route and at sign-in. */
export const ACCESS_ENDED = 'Your access to the portal has ended. Ask the programme lead if you think this is wrong.';

/** At most this long between a person losing access and their unexpired token being refused. */
export const ACCESS_CACHE_MS = 60_000;

/**
 * Answers "may this signed-in person still use the portal?" from the server's own records, reading
 * each person's status at most once per `ttlMs` (measured with the app's injected clock).
 *
 * Why a cache: the check runs on every authenticated request, and one GetItem per request would
 * double the cost of the cheapest pages. Why only 60 s: a token lives for hours, so without the
 * check a removed person would keep access until it expired. The cache is per app instance (one
 * process locally, one Lambda container in AWS), bounded, and never keeps a failed lookup: if the
 * database cannot answer, the request fails (503) rather than letting someone through unchecked.
 */
export class UserAccessCheck<A = UserAccess> {
  private readonly entries = new Map<string, { access: A; at: number }>();
  private readonly inFlight = new Map<string, Promise<A>>();

  constructor(
    /** Reads one person's access; the key is what {@link access} was asked about (lower case). */
    private readonly lookup: (key: string) => Promise<A>,
    private readonly ttlMs = ACCESS_CACHE_MS,
    private readonly maxEntries = 10_000,
  ) {}

  /** The person's access as of at most `ttlMs` before `now`; `who` names them (their email, within a partnership). */
  async access(who: string, now: Date): Promise<A> {
    const key = who.toLowerCase();
    const t = now.getTime();
    const hit = this.entries.get(key);
    // A clock that went backwards counts as expired: never stretch the 60 s promise.
    if (hit && t >= hit.at && t - hit.at < this.ttlMs) return hit.access;
    // Concurrent requests of one person share one read.
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const read = this.lookup(key)
      .then((access) => {
        this.remember(key, access, t);
        return access;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, read);
    return read;
  }

  private remember(key: string, access: A, at: number): void {
    // Re-inserting moves the key to the end, so the first key is the least recently read.
    this.entries.delete(key);
    this.entries.set(key, { access, at });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
