import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/app.js';
import { auditKeys } from '../../functions/db/keys.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { userIdFor } from '../../functions/seed/seed.js';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';
import { DEMO_PASSWORD, testConfig } from '../support/tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const login = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  t.app.request('/api/auth/login', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; title: string; detail: string; errors?: { path: string; message: string }[] };
}

describe('health and conventions', () => {
  it('when the database answers, health says ok with a DynamoDB check', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { dynamodb: { status: 'ok' } } });
  });

  it('when any request is made, it answers with a request id and a real Content-Security-Policy', async () => {
    const res = await t.app.request('/api/health');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('when the OpenAPI document is requested, it describes the sign-in and user routes', async () => {
    const res = await t.app.request('/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login']?.post?.responses).toHaveProperty('401');
    expect(doc.paths['/api/p/{partnershipId}/me']?.get).toBeDefined();
    expect(doc.paths['/api/health']?.get).toBeDefined();
  });

  it('when the web app asks for its configuration signed out, it gets the sign-in mode and partnership name from one read', async () => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const res = await t.app.request('/api/config');
      expect(await res.json()).toEqual({ partnershipId: 'mscp', partnershipName: 'Medway Safeguarding Children Partnership', auth: { mode: 'local' } });
      expect(send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name)).toEqual(['GetCommand']);
    } finally {
      send.mockRestore();
    }
  });

  it('when an unknown API route is called with a token, it answers 404 problem+json', async () => {
    const res = await t.as(USERS.lead).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    await problem(res);
  });
});

describe('sign-in', () => {
  it('when the demo password is right, it returns a Cognito-shaped RS256 token and the user', async () => {
    const res = await login({ email: USERS.police, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: Record<string, unknown> };
    expect(body.user).toEqual({
      id: userIdFor('mscp', USERS.police),
      email: USERS.police,
      name: 'Riley Shaw',
      role: 'partner',
      agencyId: 'kent-police',
      signatory: true,
      agencyAdmin: false,
    });
    const [header, payload] = body.token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p!, 'base64url').toString()));
    expect(header.alg).toBe('RS256');
    expect(payload).toMatchObject({
      email: USERS.police,
      'cognito:groups': ['partner'],
      'custom:agency': 'kent-police',
      'custom:signatory': 'true',
      token_use: 'id',
      iss: t.config.auth.issuer,
      aud: t.config.auth.audience,
    });
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('when the token is used, /api/me answers the user from the token', async () => {
    const { token } = (await (await login({ email: USERS.exec, password: DEMO_PASSWORD })).json()) as { token: string };
    const res = await t.app.request(inPartnership('/api/me'), { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: USERS.exec, role: 'executive', agencyId: null, signatory: false });
  });

  it('when someone signs in, the sign-in is written to the audit table', async () => {
    await login({ email: USERS.health, password: DEMO_PASSWORD });
    const res = await t.doc.send(
      new QueryCommand({
        TableName: t.config.tables.audit,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity('mscp', 'user', userIdFor('mscp', USERS.health)) },
      }),
    );
    expect(res.Items?.some((i) => i.action === 'auth.sign-in' && i.actor.email === USERS.health)).toBe(true);
  });

  it('when the password is wrong or the email unknown, it answers 401 with the same message', async () => {
    const wrong = await login({ email: USERS.lead, password: 'not-the-password' });
    const unknown = await login({ email: 'nobody@mscp.example', password: 'whatever-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await problem(wrong)).detail).toBe((await problem(unknown)).detail);
  });

  it('when sign-in fails repeatedly, further attempts are slowed down with 429 and Retry-After', async () => {
    const email = USERS.education;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login({ email, password: `wrong-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const blocked = await login({ email, password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('bad input never causes a 500 and writes nothing', () => {
  it('when the JSON is malformed, it answers 400 problem+json', async () => {
    const res = await login('{"email": "lead@mscp.example",');
    expect(res.status).toBe(400);
    expect((await problem(res)).detail).toMatch(/not valid JSON/);
  });

  it('when the content type is not JSON, it answers 415', async () => {
    const res = await login('email=lead', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    await problem(res);
  });

  it('when the body is too large, it answers 413', async () => {
    const res = await login({ email: USERS.lead, password: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    await problem(res);
  });

  it('when there are unknown fields and wrong types, it names each bad field', async () => {
    const res = await login({ email: 42, password: DEMO_PASSWORD, admin: true });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['admin', 'email']);
  });

  it('when a required field is missing, it says so for that field', async () => {
    const body = await problem(await login({ email: USERS.lead }));
    expect(body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
  });
});

describe('token verification', () => {
  const claims = (over: Record<string, unknown> = {}) => ({
    email: USERS.lead,
    token_use: 'id',
    'cognito:groups': ['lead'],
    'custom:agency': 'medway-council',
    ...over,
  });
  async function sign(opts: { key?: CryptoKey; iss?: string; aud?: string; exp?: number; claims?: Record<string, unknown>; kid?: string } = {}) {
    const key = opts.key ?? t.keys.privateKey;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(opts.claims ?? claims())
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? t.keys.kid })
      .setSubject('user-1')
      .setIssuer(opts.iss ?? t.config.auth.issuer)
      .setAudience(opts.aud ?? t.config.auth.audience)
      .setIssuedAt(now - 10)
      .setExpirationTime(opts.exp ?? now + 600)
      .sign(key);
  }
  const me = (token?: string) => t.app.request(inPartnership('/api/me'), token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('when the token is well-formed, signed and current, it is accepted', async () => {
    expect((await me(await sign())).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['a token signed by another key', async () => sign({ key: (await generateKeyPair('RS256')).privateKey })],
    ['an expired token', async () => sign({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a wrong issuer', async () => sign({ iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other' })],
    ['a wrong audience', async () => sign({ aud: 'another-client' })],
    ['an access token instead of an ID token', async () => sign({ claims: claims({ token_use: 'access' }) })],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await sign()).split('.');
        const p = Buffer.from(JSON.stringify({ ...claims({ 'cognito:groups': ['lead'] }), sub: 'x', iss: t.config.auth.issuer, aud: t.config.auth.audience, exp: 9e9 })).toString(
          'base64url',
        );
        return `${h}.${p}.${s}`;
      },
    ],
  ])('when the request carries %s, it answers 401 problem+json', async (_name, make) => {
    const res = await me(await make());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await problem(res);
  });

  it('when a verified token carries no portal group, it answers 403', async () => {
    const res = await me(await sign({ claims: claims({ 'cognito:groups': ['admins'] }) }));
    expect(res.status).toBe(403);
  });

  it('when a partner token has no agency, it answers 403 rather than guessing', async () => {
    const res = await me(await sign({ claims: { email: 'x@y.example', token_use: 'id', 'cognito:groups': ['partner'] } }));
    expect(res.status).toBe(403);
  });
});

describe('configuration and CORS', () => {
  it('when a web origin is configured, only that origin gets CORS headers', async () => {
    const app = createApp({ config: { ...t.config, corsOrigins: ['https://portal.example'] }, doc: t.doc, verifier: t.issuer.verifier() });
    const ok = await app.request('/api/health', { headers: { Origin: 'https://portal.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    const other = await app.request('/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when no web origin is configured, no CORS headers are sent', async () => {
    const res = await t.app.request('/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('when DynamoDB is not reachable', () => {
  const config = testConfig();
  const down = { ...config, dynamodb: { ...config.dynamodb, endpoint: 'http://127.0.0.1:9', timeoutMs: 500 } };
  const app = createApp({
    config: down,
    doc: createDocumentClient(down.dynamodb),
    verifier: { verify: async () => ({ id: 'u', email: 'e', name: 'n', role: 'lead', agencyId: 'medway-council', signatory: false, agencyAdmin: false }) },
  });

  it('health answers 503 problem+json and says the database is unavailable', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    // RFC 9457: `status` is the HTTP status; which check failed is in `checks`.
    expect(await problem(res)).toMatchObject({ status: 503, checks: { dynamodb: { status: 'unavailable' } } });
  });

  it('the API answers 503 problem+json instead of hanging', async () => {
    const started = Date.now();
    const res = await app.request(inPartnership('/api/partnership'), { headers: { Authorization: 'Bearer a.b.c' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    await problem(res);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
