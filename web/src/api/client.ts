import { createSignal } from 'solid-js';
import type { FieldError, Problem } from '../../../shared/http/problem.js';
import { CONFIRM_PERSONAL_DATA_HEADER } from '../../../shared/http/headers.js';
import { clearSession, getSession } from './session.js';

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send without the bearer token (public routes, sign-in). */
  anonymous?: boolean;
  /** Optimistic concurrency: the ETag the edit was based on. */
  ifMatch?: string;
  signal?: AbortSignal;
}

export interface WithEtag<T> {
  data: T;
  etag: string | undefined;
}

async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (!opts.anonymous) {
    const session = getSession();
    if (!session) {
      // Expired before we asked: no point sending a request that can only fail.
      expireSession();
      throw new ApiError(401, { title: 'Unauthorized', detail: SESSION_ENDED });
    }
    headers.Authorization = `Bearer ${session.token}`;
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const request = `${method} ${path}`;
  const question = personalDataQuestion();
  if (question?.request === request && question.confirmed) headers[CONFIRM_PERSONAL_DATA_HEADER] = 'true';

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      credentials: 'same-origin',
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, {});
  }
  if (res.ok) {
    if (question?.request === request) clearPersonalDataQuestion();
    return res;
  }

  const problem = await readProblem(res);
  if (res.status === 401 && !opts.anonymous) {
    // A deactivated account hears why, not "your session has ended".
    const message = problem.type?.endsWith('/access-ended') && problem.detail ? problem.detail : SESSION_ENDED;
    expireSession(message);
    throw new ApiError(401, { ...problem, detail: message });
  }
  const error = new ApiError(res.status, problem);
  if (error.needsPersonalDataConfirmation) setPersonalDataQuestion({ request, confirmed: false });
  throw error;
}

function expireSession(message = SESSION_ENDED) {
  clearSession();
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

async function readBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Calls the API and returns the parsed JSON body; any non-2xx becomes an {@link ApiError}. */
export async function api<T>(path: string, opts?: RequestOptions): Promise<T> {
  return readBody<T>(await send(path, opts));
}

/** GET that also returns the ETag, to send back as `If-Match` with the edit. */
export async function getWithEtag<T>(path: string, opts?: Omit<RequestOptions, 'method' | 'body'>): Promise<WithEtag<T>> {
  const res = await send(path, { ...opts, method: 'GET' });
  return { data: await readBody<T>(res), etag: res.headers.get('ETag') ?? undefined };
}

/** A write guarded by `If-Match`; returns the new body and ETag (412 if someone else saved first). */
export async function sendWithEtag<T>(path: string, method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', body: unknown, etag: string | undefined): Promise<WithEtag<T>> {
  const res = await send(path, { method, body, ...(etag ? { ifMatch: etag } : {}) });
  return { data: await readBody<T>(res), etag: res.headers.get('ETag') ?? undefined };
}
