import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, confirmPersonalData, personalDataQuestion, publicApi, read, readWithEtag, sessionStarted, setUnauthorizedHandler } from './client.js';
import { clearSession, getSession, saveSession } from './session.js';

// The app works in the partnership its address names (before the client module is evaluated).
vi.hoisted(() => {
  Object.assign(globalThis, { location: { pathname: '/p/mscp/returns' } });
});

/**
 * The one fetch every API call goes through: the token, and one handling of 401, 403, 412, 503, a
 * lost connection and the personal-data question, whatever the route. The network is faked here
 * (what the server answers is tested against the real API elsewhere).
 */
type Call = { url: string; init: RequestInit };
let calls: Call[];
let answer: () => Response | Promise<Response>;

const problem = (status: number, body: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });

beforeEach(() => {
  calls = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  });
  saveSession({ token: 'token-1', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
});
afterEach(() => {
  vi.unstubAllGlobals();
  clearSession();
});

const headerOf = (call: Call, name: string) => new Headers(call.init.headers).get(name);
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
};

describe('the API client', () => {
  it('when a signed-in call is made, it carries the bearer token and the typed path in the address’s partnership, and reads the body and ETag', async () => {
    answer = () => new Response(JSON.stringify({ periodId: '2026-27-Q3', version: 3 }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"3"' } });
    const got = await readWithEtag(api.api.returns[':periodId'][':agencyId'].$get({ param: { periodId: '2026-27-Q3', agencyId: 'kent-police' } }));
    expect(calls[0]!.url).toBe('/api/p/mscp/returns/2026-27-Q3/kent-police');
    expect(headerOf(calls[0]!, 'Authorization')).toBe('Bearer token-1');
    expect(got).toEqual({ data: { periodId: '2026-27-Q3', version: 3 }, etag: '"3"' });
  });

  it('when a public call is made, no token is sent', async () => {
    answer = () => new Response(JSON.stringify({ auth: { mode: 'local' } }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await read(publicApi.api.config.$get());
    expect(headerOf(calls[0]!, 'Authorization')).toBeNull();
  });

  it('when the server answers 401, the session ends and the app is told why, once', async () => {
    const reasons: string[] = [];
    setUnauthorizedHandler((m) => reasons.push(m));
    answer = () => problem(401, { type: 'https://portal/problems/access-ended', detail: 'Your access to the portal has ended. Ask the programme lead.' });
    const err = await failure(read(api.api.me.$get()));
    expect(err.status).toBe(401);
    expect(getSession()).toBeNull();
    expect(reasons).toEqual(['Your access to the portal has ended. Ask the programme lead.']);
    // Requests already on their way answer 401 too: the session has ended once, with its first reason.
    answer = () => problem(401);
    await failure(read(api.api.periods.$get()));
    expect(reasons).toHaveLength(1);
    // A new sign-in starts a new session, which can end again.
    saveSession({ token: 'token-2', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    sessionStarted();
    await failure(read(api.api.periods.$get()));
    expect(reasons).toEqual(['Your access to the portal has ended. Ask the programme lead.', 'Your session has ended. Sign in again to continue.']);
  });

  it('when 403, 412 and 503 come back, every page gets the same plain words (the server’s own for 403)', async () => {
    answer = () => problem(403, { detail: 'Only the programme lead can do that.' });
    expect((await failure(read(api.api.periods.$get()))).detail).toBe('Only the programme lead can do that.');
    answer = () => problem(412, { detail: 'version mismatch' });
    expect((await failure(read(api.api.periods.$get()))).detail).toMatch(/^Someone else saved a change while you were working on this\. Reload the page/);
    answer = () => problem(503, { detail: 'database timeout' });
    const busy = await failure(read(api.api.periods.$get()));
    expect(busy.status).toBe(503);
    expect(busy.detail).toMatch(/Wait a few seconds and try again: nothing was saved\.$/);
  });

  it('when the network fails, it is an ApiError with status 0 that says to check the connection', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const err = await failure(read(api.api.periods.$get()));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.detail).toMatch(/check your connection/i);
  });

  it('when a write is refused until personal data is confirmed, the same write sent again after confirming carries the confirmation', async () => {
    answer = () =>
      problem(422, { type: 'https://portal/problems/personal-data-unconfirmed', detail: 'Check this is not personal data', errors: [{ path: 'title', message: 'phone number' }] });
    const send = () => read(api.api.periods.$post({ json: { id: '2026-27-Q4', dueDate: '2027-04-30' } }));
    const err = await failure(send());
    expect(err.needsPersonalDataConfirmation).toBe(true);
    expect(personalDataQuestion()).toMatchObject({ request: 'POST /api/p/mscp/periods', confirmed: false });
    confirmPersonalData(true);
    answer = () => new Response(JSON.stringify({ id: '2026-27-Q4' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    await send();
    expect(headerOf(calls[1]!, 'Confirm-Personal-Data')).toBe('true');
    expect(personalDataQuestion()).toBeNull();
  });

  it('when the text changes after it was confirmed, the confirmation does not carry over to the new text', async () => {
    answer = () =>
      problem(422, { type: 'https://portal/problems/personal-data-unconfirmed', detail: 'Check this is not personal data', errors: [{ path: 'title', message: 'phone number' }] });
    await failure(read(api.api.periods.$post({ json: { id: '2026-27-Q4', dueDate: '2027-04-30' } })));
    confirmPersonalData(true);
    await failure(read(api.api.periods.$post({ json: { id: '2026-27-Q4', dueDate: '2027-05-31' } })));
    expect(headerOf(calls[1]!, 'Confirm-Personal-Data')).toBeNull();
    expect(personalDataQuestion()).toMatchObject({ confirmed: false });
  });
});
