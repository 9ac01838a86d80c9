import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys } from '../../functions/db/keys.js';
import { loadPlatformAdmins, loadSeed, type SeedFile, seedDemo, seedPlatformAdmins, userIdFor } from '../../functions/seed/seed.js';
import { createTestApp, type TestApp, USERS } from '../support/api.js';
import { DEMO_PASSWORD, testConfig } from '../support/tables.js';

/**
 * Two-step sign-in (issue 14, section 2) with `SECOND_FACTOR=required-for-roles`, on DynamoDB Local
 * through the app: who must set up an authenticator, what they can reach until they have, setting
 * one up (audited with the change, the key never shown again), and the local sign-in's second step.
 * The app's clock is the test's, so codes are computed for the time the app sees.
 */

/** Medway's demo with one agency administrator who is not a signatory (the demo has none). */
function seedWithAgencyAdmin(): SeedFile {
  const seed = loadSeed();
  return { ...seed, users: seed.users.map((u) => (u.email === USERS.healthOfficer ? { ...u, agencyAdmin: true } : u)) };
}

const KENT_LEAD = 'lead@kscmp.example';
const ADMIN = loadPlatformAdmins()[0]!;
const SECOND_FACTOR_TYPE = 'https://partnership-reform-portal.example/problems/second-factor-required';

let t: TestApp;
let offset = 0;
const now = () => new Date(Date.now() + offset);
/** Moves the app's clock to the next 30-second step, so a new code is due (each code signs in once). */
const nextStep = () => {
  offset += 30_000;
};

beforeAll(async () => {
  t = await createTestApp({ config: testConfig({ secondFactor: 'required-for-roles' }), clock: now, seed: seedWithAgencyAdmin() });
  const setup = createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 });
  await seedDemo(setup, t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
  await seedPlatformAdmins(setup, t.config.tables, { password: DEMO_PASSWORD });
});
afterAll(async () => {
  await t?.drop();
});

/** A token for anyone (the demo's people in Medway, Kent's, the platform administrator, someone with no record). */
async function tokenOf(email: string, role: 'lead' | 'partner' | 'executive' = 'executive', agencyId: string | null = null): Promise<string> {
  return (await t.issuer.issue({ id: userIdFor('mscp', email), email, name: email, role, agencyId, signatory: false })).token;
}
const tokens = new Map<string, Promise<string>>();
const tokenFor = (email: string) => {
  if (!tokens.has(email)) tokens.set(email, t.seed.users.some((u) => u.email === email) ? t.tokenFor(email) : tokenOf(email));
  return tokens.get(email)!;
};

async function call(email: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (email) h.Authorization = `Bearer ${await tokenFor(email)}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  return t.app.request(path, { method, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}
const json = async <T = Record<string, unknown>>(res: Response | Promise<Response>) => (await (await res).json()) as T;

const codeAt = (secret: string, at = now()) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });

/** Sets up an authenticator for `email` through the routes; answers the key (which only the setup answer showed). */
async function enrol(email: string): Promise<string> {
  const setup = await json<{ secret: string; uri: string }>(call(email, 'POST', '/api/second-factor/setup'));
  expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
  const res = await call(email, 'POST', '/api/second-factor/confirm', { code: codeAt(setup.secret) });
  expect(res.status, await res.clone().text()).toBe(200);
  return setup.secret;
}

/** A representative set of partnership routes: reads of each kind, and a write anyone may make (their own email settings). */
const ROUTES: { method: string; path: string; body?: unknown; headers?: Record<string, string> }[] = [
  { method: 'GET', path: '/api/p/mscp/partnership' },
  { method: 'GET', path: '/api/p/mscp/threshold-documents' },
  { method: 'GET', path: '/api/p/mscp/attention' },
  { method: 'PUT', path: '/api/p/mscp/me/notifications', body: { choices: {} }, headers: { 'If-Match': '"999"' } },
];

async function expectSecondFactorRequired(res: Response) {
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<{ type: string; detail: string }>(res);
  expect(problem.type).toBe(SECOND_FACTOR_TYPE);
  expect(problem.detail).toMatch(/authenticator app/);
}

describe('who must set up two-step sign-in', () => {
  it.each([
    ['the programme lead', USERS.lead, /programme lead/],
    ['a signatory', USERS.educationHead, /sign off threshold documents/],
    ['an agency administrator', USERS.healthOfficer, /manage the people of your agency/],
  ])('when %s has no authenticator, every partnership route refuses them with second-factor-required, but /me says why', async (_who, email, why) => {
    for (const r of ROUTES) await expectSecondFactorRequired(await call(email, r.method, r.path, r.body, r.headers));
    const refused = await json<{ detail: string }>(call(email, 'GET', '/api/p/mscp/partnership'));
    expect(refused.detail).toMatch(why);
    const me = await call(email, 'GET', '/api/p/mscp/me');
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ email, secondFactor: { required: true, enrolled: false } });
    const status = await json(call(email, 'GET', '/api/second-factor'));
    expect(status).toMatchObject({ policy: 'required-for-roles', mode: 'local', required: true, enrolled: false });
    // Their list of partnerships shows where they work; another partnership's list of what needs them does not.
    expect((await call(email, 'GET', '/api/partnerships')).status).toBe(200);
    await expectSecondFactorRequired(await call(email, 'GET', '/api/partnerships/attention?except=kscmp'));
  });

  it('when the platform administrator has no authenticator, platform routes refuse them, but /api/platform/me and set-up answer', async () => {
    await expectSecondFactorRequired(await call(ADMIN.email, 'GET', '/api/platform/templates'));
    await expectSecondFactorRequired(await call(ADMIN.email, 'GET', '/api/platform/partnerships'));
    expect((await call(ADMIN.email, 'GET', '/api/platform/me')).status).toBe(200);
    expect(await json(call(ADMIN.email, 'GET', '/api/second-factor'))).toMatchObject({ required: true, enrolled: false, reasons: ['platform-admin'] });
  });

  it.each([
    ['an executive', USERS.exec],
    ['a partner officer', USERS.education],
  ])('when %s has no authenticator, they are not asked for one', async (_who, email) => {
    for (const r of ROUTES) expect((await call(email, r.method, r.path, r.body, r.headers)).status).not.toBe(403);
    expect(await json(call(email, 'GET', '/api/p/mscp/me'))).toMatchObject({ secondFactor: { required: false } });
    expect(await json(call(email, 'GET', '/api/second-factor'))).toMatchObject({ required: false, enrolled: false, reasons: [] });
  });

  it('when someone removed or from another partnership calls with a valid token, they hear that first (401, 404), never to set up an authenticator', async () => {
    const removed = await t.issuer.issue({ id: 'removed', email: 'removed@mscp.example', name: 'Gone', role: 'lead', agencyId: 'medway-council', signatory: false });
    const res = await t.app.request('/api/p/mscp/partnership', { headers: { Authorization: `Bearer ${removed.token}` } });
    expect(res.status).toBe(401);
    expect((await json<{ type: string }>(res)).type).toMatch(/access-ended$/);
    const kent = await t.issuer.issue({ id: 'kent', email: KENT_LEAD, name: 'Alex Mercer', role: 'lead', agencyId: 'kent-county-council', signatory: false });
    expect((await t.app.request('/api/p/mscp/partnership', { headers: { Authorization: `Bearer ${kent.token}` } })).status).toBe(404);
    expect((await call(null, 'GET', '/api/second-factor')).status).toBe(401);
  });
});

describe('setting up an authenticator', () => {
  it('when the code is wrong or not 6 digits, it is refused naming the field, and nothing is turned on', async () => {
    await call(USERS.educationHead, 'POST', '/api/second-factor/setup');
    const wrong = await call(USERS.educationHead, 'POST', '/api/second-factor/confirm', { code: '000000' });
    expect(wrong.status).toBe(422);
    expect((await json<{ errors: { path: string; message: string }[] }>(wrong)).errors).toEqual([{ path: 'code', message: expect.stringMatching(/6 digits/) }]);
    const bad = await call(USERS.educationHead, 'POST', '/api/second-factor/confirm', { code: '12ab' });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(bad)).errors.map((e) => e.path)).toEqual(['code']);
    expect(await json(call(USERS.educationHead, 'GET', '/api/second-factor'))).toMatchObject({ enrolled: false });
  });

  it('when the lead sets one up, the change and its audit event are one transaction, and the key is in no answer or event after', async () => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    const setup = await json<{ secret: string; uri: string; account: string }>(call(USERS.lead, 'POST', '/api/second-factor/setup'));
    expect(setup.account).toBe(USERS.lead);
    expect(decodeURIComponent(setup.uri)).toContain(`secret=${setup.secret}`);
    let confirmed: Response;
    try {
      confirmed = await call(USERS.lead, 'POST', '/api/second-factor/confirm', { code: codeAt(setup.secret) });
      const writes = send.mock.calls.map((c) => c[0]).filter((c) => c.constructor.name === 'TransactWriteCommand') as {
        input: { TransactItems: Record<string, { TableName: string }>[] };
      }[];
      expect(writes).toHaveLength(1);
      const items = writes[0]!.input.TransactItems;
      expect(items.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put']);
      expect(items[0]!.Update!.TableName).toBe(t.config.tables.main);
      expect(items[1]!.Put!.TableName).toBe(t.config.tables.audit);
    } finally {
      send.mockRestore();
    }
    expect(confirmed.status).toBe(200);
    const answers = [
      await confirmed.text(),
      await (await call(USERS.lead, 'GET', '/api/second-factor')).text(),
      await (await call(USERS.lead, 'GET', '/api/p/mscp/me')).text(),
      await (await call(USERS.lead, 'POST', '/api/second-factor/setup')).text(),
    ];
    expect(JSON.parse(answers[0]!)).toMatchObject({ required: true, enrolled: true, reasons: ['lead'] });
    expect(JSON.parse(answers[2]!)).toMatchObject({ secondFactor: { required: true, enrolled: true } });
    expect(JSON.parse(answers[3]!)).toMatchObject({ status: 409 });
    for (const a of answers) expect(a).not.toContain(setup.secret);

    const events = await t.auditEventsOf('user', userIdFor('mscp', USERS.lead));
    expect(events.filter((e) => e.action === 'auth.second-factor-on')).toHaveLength(1);
    const trail = await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit }));
    expect(JSON.stringify(trail.Items)).not.toContain(setup.secret);
  });

  it('when the lead has an authenticator, every route answers them again', async () => {
    for (const r of ROUTES) expect((await call(USERS.lead, r.method, r.path, r.body, r.headers)).status).not.toBe(403);
    expect((await call(USERS.lead, 'GET', '/api/partnerships/attention?except=kscmp')).status).toBe(200);
  });

  it('when a signatory, an agency administrator and the platform administrator set one up, their routes answer them', async () => {
    await enrol(USERS.educationHead);
    await enrol(USERS.healthOfficer);
    for (const email of [USERS.educationHead, USERS.healthOfficer]) for (const r of ROUTES) expect((await call(email, r.method, r.path, r.body, r.headers)).status).not.toBe(403);
    await enrol(ADMIN.email);
    expect((await call(ADMIN.email, 'GET', '/api/platform/templates')).status).toBe(200);
    const admin = await json<{ id: string }>(call(ADMIN.email, 'GET', '/api/platform/me'));
    const events = await t.doc.send(
      new ScanCommand({
        TableName: t.config.tables.audit,
        FilterExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity('PLATFORM', 'platform-admin', admin.id) },
      }),
    );
    expect(events.Items?.map((e) => e.action)).toContain('auth.second-factor-on');
  });

  it('when someone whose role needs it tries to turn it off, they are refused; an executive may turn theirs off, audited', async () => {
    const refused = await call(USERS.lead, 'DELETE', '/api/second-factor');
    expect(refused.status).toBe(403);
    expect(await json(call(USERS.lead, 'GET', '/api/second-factor'))).toMatchObject({ enrolled: true });

    await enrol(USERS.exec);
    expect(await json(call(USERS.exec, 'GET', '/api/second-factor'))).toMatchObject({ required: false, enrolled: true });
    const off = await call(USERS.exec, 'DELETE', '/api/second-factor');
    expect(off.status).toBe(200);
    expect(await json(off)).toMatchObject({ enrolled: false });
    expect((await call(USERS.exec, 'DELETE', '/api/second-factor')).status).toBe(409);
    const actions = (await t.auditEventsOf('user', userIdFor('mscp', USERS.exec))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.second-factor-on', 'auth.second-factor-off']));
  });
});

describe('signing in with two-step sign-in on (local)', () => {
  const login = (email: string, password = DEMO_PASSWORD) => call(null, 'POST', '/api/auth/login', { email, password });
  const withCode = (challenge: string, code: string) => call(null, 'POST', '/api/auth/login/code', { challenge, code });
  let secret: string;
  /** Someone else's, for counting wrong codes from none. */
  let other: string;

  beforeAll(async () => {
    secret = await enrol(USERS.councilOfficer);
    other = await enrol(USERS.policeOfficer);
    nextStep();
  });

  it('when the password is right, the answer is a challenge, not a token; with the right code, a token', async () => {
    const first = await json<{ codeRequired: boolean; challenge: string; token?: string }>(login(USERS.councilOfficer));
    expect(first).toMatchObject({ codeRequired: true, challenge: expect.any(String) });
    expect(first.token).toBeUndefined();
    const signedIn = await withCode(first.challenge, codeAt(secret));
    expect(signedIn.status).toBe(200);
    const body = await json<{ token: string; user: { email: string } }>(signedIn);
    expect(body.user.email).toBe(USERS.councilOfficer);
    expect(JSON.stringify(body)).not.toContain(secret);
    expect((await t.app.request('/api/p/mscp/me', { headers: { Authorization: `Bearer ${body.token}` } })).status).toBe(200);
    // The same code does not sign in twice, and a used challenge is gone.
    const again = await json<{ challenge: string }>(login(USERS.councilOfficer));
    expect((await withCode(again.challenge, codeAt(secret))).status).toBe(401);
    expect((await withCode(first.challenge, codeAt(secret))).status).toBe(401);
    nextStep();
  });

  it('when the password is wrong, no challenge is given; people without an authenticator still sign in with the password alone', async () => {
    expect((await login(USERS.councilOfficer, 'not-the-password')).status).toBe(401);
    expect(await json(login(USERS.police))).toMatchObject({ token: expect.any(String) });
  });

  it('when the code is wrong, it is refused; after five wrong codes the password is asked for again, and the next code must wait (429)', async () => {
    const { challenge } = await json<{ challenge: string }>(login(USERS.policeOfficer));
    const wrong = codeAt(other) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      const res = await withCode(challenge, wrong);
      expect(res.status).toBe(401);
      expect((await json<{ detail: string }>(res)).detail).toMatch(/code is not right/);
    }
    expect((await withCode(challenge, codeAt(other))).status).toBe(401);
    const { challenge: next } = await json<{ challenge: string }>(login(USERS.policeOfficer));
    const throttled = await withCode(next, codeAt(other));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('wrong codes for one person from many addresses (behind a trusted proxy)', () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await createTestApp({ config: { ...testConfig(), trustProxy: true }, clock: now });
  });
  afterAll(async () => {
    await p?.drop();
  });
  const from = (address: string, path: string, body: unknown) =>
    p.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address }, body: JSON.stringify(body) });

  it('when ten wrong codes for one person came from different addresses, the next code must wait (429), whichever address sends it', async () => {
    const auth = { Authorization: `Bearer ${await p.tokenFor(USERS.councilOfficer)}` };
    const setup = (await (await p.app.request('/api/second-factor/setup', { method: 'POST', headers: auth })).json()) as { secret: string };
    const confirmed = await p.app.request('/api/second-factor/confirm', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: codeAt(setup.secret) }),
    });
    expect(confirmed.status).toBe(200);
    const wrong = codeAt(setup.secret) === '123456' ? '654321' : '123456';
    // Two addresses, five wrong codes each: each address stays under its own limits.
    for (const address of ['198.51.100.1', '198.51.100.2']) {
      const { challenge } = (await (await from(address, '/api/auth/login', { email: USERS.councilOfficer, password: DEMO_PASSWORD })).json()) as { challenge: string };
      for (let i = 0; i < 5; i++) expect((await from(address, '/api/auth/login/code', { challenge, code: wrong })).status).toBe(401);
    }
    const { challenge } = (await (await from('198.51.100.3', '/api/auth/login', { email: USERS.councilOfficer, password: DEMO_PASSWORD })).json()) as { challenge: string };
    const throttled = await from('198.51.100.3', '/api/auth/login/code', { challenge, code: codeAt(setup.secret) });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
