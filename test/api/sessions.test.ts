import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ENDED } from '../../functions/auth/user-access.js';
import { Writer } from '../../functions/db/transact.js';
import { userKeys } from '../../functions/db/keys.js';
import { UserRepository } from '../../functions/repositories/user-repository.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/**
 * Sessions end when access ends: a removed or deactivated person's unexpired token is refused on
 * every route within 60 s. The app's clock is injected, so "60 s later" is set, never waited for.
 */
const T0 = new Date('2026-11-22T12:00:00Z').getTime();
let now = T0;
const later = (ms: number) => {
  now = T0 + ms;
};

let t: TestApp;
let users: UserRepository;
let writer: Writer;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date(now) });
  users = new UserRepository(t.doc, t.config.tables.main, t.config.partnershipId);
  writer = new Writer(t.doc, t.config.tables.audit, t.config.partnershipId);
});
afterAll(async () => {
  await t.drop();
});

const system = { actor: { userId: 'system', email: 'system', name: 'Test', role: 'system', agencyId: null }, requestId: 'test' };
const deactivate = (email: string) =>
  writer.write([users.deactivateUserOp(email)], { action: 'user.deactivate', entityType: 'user', entityId: email, summary: 'Deactivated' }, { ...system, now: new Date(now) });
const reactivate = (email: string) =>
  writer.write([users.reactivateUserOp(email)], { action: 'user.reactivate', entityType: 'user', entityId: email, summary: 'Reactivated' }, { ...system, now: new Date(now) });

/** A representative walk: reads across every aggregate, and a write. */
const READS = [
  '/api/me',
  '/api/partnership',
  '/api/periods',
  '/api/workstreams',
  '/api/returns?periodId=2026-27-Q3',
  '/api/threshold-documents',
  '/api/kinship-offer/coverage',
  '/api/workstreams/safeguarding/readiness',
  '/api/tracker',
  '/api/exports/returns.csv?periodId=2026-27-Q3',
  '/api/audit?entityType=return&entityId=2026-27-Q3/kent-police',
];

async function walk(email: string, periodId: string) {
  const as = t.as(email);
  const out: Record<string, number> = {};
  for (const path of READS) out[`GET ${path}`] = (await as.get(path)).status;
  out['POST /api/periods'] = (await as.post('/api/periods', { id: periodId, dueDate: '2027-04-30' })).status;
  return out;
}

async function expectAccessEnded(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(((await res.json()) as { detail: string }).detail).toBe(ACCESS_ENDED);
}

describe('when access ends, sessions end', () => {
  it('when the lead is deactivated, every route refuses their unexpired token from 60 s on, and other people are unaffected', async () => {
    later(0);
    const before = await walk(USERS.lead, '2026-27-Q4');
    expect(
      Object.values(before).every((s) => s < 300),
      JSON.stringify(before),
    ).toBe(true);
    expect((await t.as(USERS.exec).get('/api/tracker')).status).toBe(200);

    await deactivate(USERS.lead);
    // Within the 60 s the cached status may still let them through (here it does: read at T0).
    later(59_999);
    expect((await t.as(USERS.lead).get('/api/me')).status).toBe(200);

    later(60_000);
    const after = await walk(USERS.lead, '2027-28-Q1');
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((k) => [k, 401])));
    await expectAccessEnded(await t.as(USERS.lead).get('/api/partnership'));
    // The refused write wrote nothing.
    const periods = (await (await t.as(USERS.exec).get('/api/periods')).json()) as { id: string }[];
    expect(periods.map((p) => p.id)).not.toContain('2027-28-Q1');

    // Executive, partners and their tokens are untouched.
    expect((await t.as(USERS.exec).get('/api/tracker')).status).toBe(200);
    expect((await t.as(USERS.police).get('/api/returns/2026-27-Q3/kent-police')).status).toBe(200);
    expect((await t.as(USERS.council).get('/api/me')).status).toBe(200);
  });

  it('when the lead is reactivated, the same token works again once the cached refusal has expired', async () => {
    later(60_000);
    await reactivate(USERS.lead);
    later(60_000 + 59_999);
    expect((await t.as(USERS.lead).get('/api/me')).status).toBe(401);
    later(120_000);
    const again = await walk(USERS.lead, '2027-28-Q1');
    expect(
      Object.values(again).every((s) => s < 300),
      JSON.stringify(again),
    ).toBe(true);
  });

  it('when a person is removed (their record deleted), their token is refused within 60 s', async () => {
    later(200_000);
    expect((await t.as(USERS.education).get('/api/me')).status).toBe(200);
    await t.doc.send(new DeleteCommand({ TableName: t.config.tables.main, Key: userKeys.user(t.config.partnershipId, USERS.education) }));
    later(260_000);
    await expectAccessEnded(await t.as(USERS.education).get('/api/me'));
    await expectAccessEnded(await t.as(USERS.education).get('/api/workstreams'));
  });

  it('when a deactivated person signs in, it answers 401 with the same message whether or not the password is right', async () => {
    later(300_000);
    await deactivate(USERS.health);
    const login = (password: string) =>
      t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: USERS.health, password }) });
    const right = await login(DEMO_PASSWORD);
    const wrong = await login('not-the-password');
    await expectAccessEnded(right);
    await expectAccessEnded(wrong);
    await reactivate(USERS.health);
    expect((await login(DEMO_PASSWORD)).status).toBe(200);
  });

  it('when a person who was never there is deactivated, it answers 404 and creates no record', async () => {
    await expect(deactivate('nobody@mscp.example')).rejects.toMatchObject({ status: 404 });
    expect(await users.getAccount('nobody@mscp.example')).toEqual({ access: 'removed' });
  });
});

describe('sign-in resists password spraying', () => {
  const from = (address: string, email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) },
      { incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: 'IPv4' } } },
    );

  it('when one address fails against 20 different emails, it must wait (429 with Retry-After), while other addresses and the real user elsewhere are not', async () => {
    later(1_000_000);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await from('203.0.113.7', `guess${i}@mscp.example`, 'Summer2026!')).status);
    expect(statuses).toEqual(Array(20).fill(401));

    const blocked = await from('203.0.113.7', USERS.police, DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { detail: string }).detail).toMatch(/from your network/);

    // A forged X-Forwarded-For does not buy a fresh address: the header is not trusted by default.
    expect((await from('203.0.113.7', USERS.police, DEMO_PASSWORD, { 'X-Forwarded-For': '198.51.100.44' })).status).toBe(429);
    // Someone at another address signs in as usual.
    expect((await from('198.51.100.9', USERS.police, DEMO_PASSWORD)).status).toBe(200);
  });

  it('when the wait has passed, the address may sign in again; further failures wait longer, and the window ends it', async () => {
    later(1_000_000 + 1_000);
    expect((await from('203.0.113.7', USERS.police, DEMO_PASSWORD)).status).toBe(200);
    // A success does not reset the address's failures: the next failure waits 2 s, not 1 s.
    expect((await from('203.0.113.7', 'guess20@mscp.example', 'Summer2026!')).status).toBe(401);
    expect((await from('203.0.113.7', USERS.police, DEMO_PASSWORD)).headers.get('retry-after')).toBe('2');
    // Once the 15-minute window has passed, the count starts again.
    later(1_000_000 + 15 * 60_000 + 1);
    expect((await from('203.0.113.7', USERS.police, DEMO_PASSWORD)).status).toBe(200);
  });
});
