import { hc, type ClientResponse } from 'hono/client';
import { createSignal } from 'solid-js';
import type { Api, PartnershipApi, PublicPartnershipApi } from '../../../functions/routes/index.js';
import type { FieldError, Problem } from '../../../shared/http/problem.js';
import { CONFIRM_PERSONAL_DATA_HEADER } from '../../../shared/http/headers.js';
import { clearSession, getSession } from './session.js';
import { THIS_PARTNERSHIP, withPartnership } from './partnership-address.js';
import { askForSecondFactor } from './second-factor-prompt.js';
export { currentPartnership } from './partnership-address.js';

/** An API error in the shape the UI shows: `detail` for the error summary, `errors` beside fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** The server needs the person to confirm possible personal data before it saves. */
  readonly needsPersonalDataConfirmation: boolean;

  constructor(status: number, problem: Partial<Problem>) {
    const detail = problem.detail ?? problem.title ?? defaultDetail(status);
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title ?? 'Error';
    this.detail = detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = problem.requestId;
    this.needsPersonalDataConfirmation = status === 422 && typeof problem.type === 'string' && problem.type.endsWith('/personal-data-unconfirmed');
  }
}

/**
 * Possible personal data (a phone number, a postcode...) is saved only after the person confirms
 * it is not about a child or family. One place for every form: when a write is answered
 * "confirm first", the error summary asks (see components/error-summary.tsx); once confirmed, the
 * same write sent again carries the confirmation header.
 */
interface PersonalDataQuestion {
  /** The write that was refused, as `METHOD path`. */
  request: string;
  /** What it sent: the confirmation covers that text only, not whatever is typed next. */
  body: string;
  confirmed: boolean;
}
const [personalDataQuestion, setPersonalDataQuestion] = createSignal<PersonalDataQuestion | null>(null);
export { personalDataQuestion };

/** The person's answer to the question shown in the error summary. */
export function confirmPersonalData(confirmed: boolean): void {
  setPersonalDataQuestion((q) => q && { ...q, confirmed });
}

/** Forget the question (another page, or the write went through). */
export function clearPersonalDataQuestion(): void {
  setPersonalDataQuestion(null);
}

function defaultDetail(status: number): string {
  if (status === 0) return 'The portal could not be reached. Check your connection and try again.';
  if (status >= 500) return 'Sorry, there is a problem with the service. Try again later.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'That could not be found.';
  return 'Something went wrong. Try again.';
}

export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';

let onUnauthorized: ((message: string) => void) | null = null;
/** A 401 that came back before the app could handle it (the first requests start before the layout mounts). */
let pendingUnauthorized: string | null = null;

/**
 * The app registers how to leave for the sign-in page (the router's navigate) once it has started.
 * A 401 answered before that is handed over then, so there is one way out: never a full reload
 * racing the router (which lost the "why" message on a busy machine).
 */
export function setUnauthorizedHandler(handler: (message: string) => void): void {
  onUnauthorized = handler;
  const pending = pendingUnauthorized;
  pendingUnauthorized = null;
  if (pending) queueMicrotask(() => handler(pending));
}

/** What the client answers for the statuses every call can meet, whatever the route. */
function defaultDetailFor(status: number, problem: Partial<Problem>): string | undefined {
  if (status === 412) return 'Someone else saved a change while you were working on this. Reload the page to see their change, then make yours again.';
  if (status === 503) return 'The portal is busy or a service it needs is not answering. Wait a few seconds and try again: nothing was saved.';
  return problem.detail;
}

/**
 * The one fetch every API call goes through (the typed client below uses it): the bearer token,
 * the personal-data confirmation, and one handling of what can go wrong for any call. A network
 * failure or any non-2xx becomes an {@link ApiError}; 401 ends the session (the layout takes the
 * person to sign in, saying why); 403, 412 and 503 get the same plain words on every page.
 */
function portalFetch(signedIn: boolean): typeof fetch {
  return async (input, init) => {
    // Without the partnership (the portal cannot be reached), the call fails as a lost connection does.
    const url = await withPartnership(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).catch(() => {
      throw new ApiError(0, {});
    });
    const headers = new Headers(init?.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
    if (signedIn) {
      const session = getSession();
      if (!session) {
        // Expired before we asked: no point sending a request that can only fail.
        expireSession();
        throw new ApiError(401, { title: 'Unauthorized', detail: SESSION_ENDED });
      }
      headers.set('Authorization', `Bearer ${session.token}`);
    }
    const method = (init?.method ?? 'GET').toUpperCase();
    const request = `${method} ${new URL(url, 'http://portal').pathname}`;
    const body = typeof init?.body === 'string' ? init.body : '';
    const question = personalDataQuestion();
    if (question?.request === request && question.body === body && question.confirmed) headers.set(CONFIRM_PERSONAL_DATA_HEADER, 'true');

    let res: Response;
    try {
      res = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError(0, {});
    }
    if (res.ok) {
      if (question?.request === request) clearPersonalDataQuestion();
      return res;
    }

    const problem = await readProblem(res);
    if (res.status === 401 && signedIn) {
      // A deactivated account hears why, not "your session has ended".
      const message = problem.type?.endsWith('/access-ended') && problem.detail ? problem.detail : SESSION_ENDED;
      expireSession(message);
      throw new ApiError(401, { ...problem, detail: message });
    }
    if (res.status === 403 && signedIn && problem.type?.endsWith('/second-factor-required')) askForSecondFactor();
    const detail = defaultDetailFor(res.status, problem);
    const error = new ApiError(res.status, { ...problem, ...(detail ? { detail } : {}) });
    if (error.needsPersonalDataConfirmation) {
      // The same text confirmed before and still refused is not asked about again as if new.
      const same = question?.request === request && question.body === body;
      setPersonalDataQuestion({ request, body, confirmed: same ? question.confirmed : false });
    }
    throw error;
  };
}

/** Set by the first 401 of a session: later ones (requests already on their way) change nothing. */
let ended = false;

/** A new session has started (sign-in): the next 401 ends it again. */
export function sessionStarted(): void {
  ended = false;
}

function expireSession(message = SESSION_ENDED) {
  clearSession();
  if (ended) return;
  ended = true;
  if (onUnauthorized) onUnauthorized(message);
  else pendingUnauthorized = message;
}

async function readProblem(res: Response): Promise<Partial<Problem>> {
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return {};
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Partial<Problem>) : {};
  } catch {
    return {};
  }
}

/**
 * The API, typed from the server's own route declarations (`Api` from functions/routes): paths,
 * params, query, bodies and success bodies all follow the declarations, so nothing here restates
 * a response type. `api` sends the session's token; `publicApi` is for public routes and sign-in.
 * Path parameters are not encoded by the client: pass them through {@link seg}.
 */
export const api = { api: hc<PartnershipApi>(`/api/p/${THIS_PARTNERSHIP}`, { fetch: portalFetch(true) }) };
export const publicApi = hc<Api>('/', { fetch: portalFetch(false) });
/** The service's own signed-in routes, outside any one partnership (the partnerships a person works in). */
export const serviceApi = hc<Api>('/', { fetch: portalFetch(true) });
/** The partnership's public routes (its Kinship Local Offer, unsubscribing from its email). */
export const publicPartnershipApi = hc<PublicPartnershipApi>(`/api/public/p/${THIS_PARTNERSHIP}`, { fetch: portalFetch(false) });

/** A path segment, encoded (hc puts params into the path as they are). */
export const seg = (value: string) => encodeURIComponent(value);

/** The success body a typed call answers (its 200/201 body; errors never reach here: they throw). */
export type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 ? T : never) : never;
/** The success body of a client method, e.g. `OkOf<typeof api.api.tracker.$get>`. */
export type OkOf<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

/** Reads a call's success body. */
export async function read<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Ok<R>> {
  const res = await call;
  if (res.status === 204) return undefined as Ok<R>;
  return (await res.json()) as Ok<R>;
}

export interface WithEtag<T> {
  data: T;
  etag: string | undefined;
}

/** Reads a call's success body and its ETag, to send back as `If-Match` with the next edit. */
export async function readWithEtag<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<WithEtag<Ok<R>>> {
  const res = await call;
  return { data: (res.status === 204 ? undefined : await res.json()) as Ok<R>, etag: res.headers.get('ETag') ?? undefined };
}

/** Options for a versioned write: the ETag the edit was based on (none for a first save). */
export const ifMatch = (etag: string | undefined): { headers: Record<string, string> } => ({ headers: etag ? { 'If-Match': etag } : {} });

/** The ETag of a version number (the server's strong validator), none for version 0 (not saved yet). */
export const etagOfVersion = (version: number) => (version > 0 ? `"${version}"` : undefined);

/**
 * Hands fetched bytes to the browser as a download named `name`. The API needs the bearer token,
 * which a plain link cannot send, so the page fetches the file and saves it through a short-lived
 * Blob URL with `a.download`.
 */
/** Saves an answer as a file, under the name its Content-Disposition gives (`fallback` when it gives none). */
export async function saveResponse(res: Response, fallback: string): Promise<void> {
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  saveFile(await res.blob(), name);
}

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
