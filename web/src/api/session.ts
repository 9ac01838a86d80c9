import { createSignal } from 'solid-js';

/**
 * The signed-in session: a bearer token and when it expires.
 *
 * Kept in sessionStorage, not localStorage and not a cookie. Trade-off: sessionStorage is readable by
 * any script on the origin, so an XSS bug could steal the token; the strict CSP (no inline or
 * third-party script) is what keeps that risk small. In exchange the token dies with the tab (no
 * lingering sign-in on a shared office computer), survives a reload, and is never sent automatically,
 * so there is no CSRF surface. An HttpOnly cookie would resist XSS better but needs CSRF tokens and a
 * same-site API in every deployment (CloudFront + API Gateway); revisit if the API moves behind one host.
 */
export interface Session {
  token: string;
  /** ISO 8601 instant the token stops working. */
  expiresAt: string;
  /**
   * A platform administrator's session (they work in no partnership): a partnership's pages do not
   * ask for their membership there. A hint for the pages only: the API checks every request.
   */
  platformAdmin?: boolean;
  /**
   * Cognito only: the access token from the same sign-in, for Cognito's own API (setting up an
   * authenticator app). Never sent to the portal's API, which takes the ID token.
   */
  accessToken?: string;
}

const KEY = 'prp.session';
const FLASH_KEY = 'prp.flash';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled (privacy mode): the user can still sign in for this page view
  }
}

let memory: Session | null = null;

/** The current session, or null when there is none or it has expired (an expired one is removed). */
export function getSession(now: Date = new Date()): Session | null {
  let session = memory;
  const raw = storage()?.getItem(KEY);
  if (raw) {
    try {
      session = JSON.parse(raw) as Session;
    } catch {
      session = null;
    }
  }
  if (!session || typeof session.token !== 'string') return null;
  const expires = Date.parse(session.expiresAt);
  // A minute's margin so a request never leaves with a token that expires on the way.
  if (!Number.isFinite(expires) || expires - 60_000 <= now.getTime()) {
    clearSession();
    return null;
  }
  return session;
}

export function saveSession(session: Session): void {
  memory = session;
  storage()?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  memory = null;
  storage()?.removeItem(KEY);
}

/**
 * The message last taken in this page load. Several 401s can arrive together and the router may
 * mount the sign-in page twice on the way; the second mount must still show why the user is there.
 */
let taken: string | null = null;

/** The message set while the sign-in page is already showing (several 401s can come in any order). */
const [latestFlash, setLatestFlash] = createSignal<string | null>(null);

/** A one-off message for the next page (e.g. "Your session has ended"), read by the sign-in page. */
export function setFlash(message: string): void {
  storage()?.setItem(FLASH_KEY, message);
  setLatestFlash(message);
}

/**
 * What the sign-in page shows: the message it took when it opened, or one set while it is open, so
 * the reason is never lost to the order in which the router and the 401s arrive.
 */
export function flashShown(takenOnOpen: string | null): () => string | null {
  return () => latestFlash() ?? takenOnOpen;
}

/** The pending message, or the one already shown in this page load until the user signs in again. */
export function takeFlash(): string | null {
  const s = storage();
  const message = s?.getItem(FLASH_KEY) ?? null;
  s?.removeItem(FLASH_KEY);
  if (message) taken = message;
  return message ?? taken;
}

/** Called on sign-in: the reason for the last sign-in page is no longer news. */
export function forgetFlash(): void {
  taken = null;
  setLatestFlash(null);
  storage()?.removeItem(FLASH_KEY);
}
