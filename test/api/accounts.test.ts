import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPerson, IdentityDirectory } from '../../functions/auth/directory.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { loadSeed, seedDemo } from '../../functions/seed/seed.js';
import { createTestApp, type TestApp, useMailTestApp, USERS } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/*
 * One account per person for every partnership (issue 13): one password, whichever partnership's
 * invitation set it; someone who has an account is added to another partnership without a new
 * password, and told so; removed from one partnership, they still sign in to the others, and the
 * sign-in directory keeps their account while they are active anywhere.
 */

const KENT = 'kscmp';
/** Medway Council's officer, whom Kent's lead adds to Kent (an account they have already). */
const SAM_IN_KENT = { name: 'Sam Clarke', email: USERS.councilOfficer, role: 'partner', agencyId: 'kent-county-council', signatory: false, agencyAdmin: false };
const mail = useMailTestApp();
const t = () => mail.app();

beforeAll(async () => {
  const setup = createDocumentClient({ ...t().config.dynamodb, timeoutMs: 60_000 });
  await seedDemo(setup, t().config.tables, { password: DEMO_PASSWORD, seed: loadSeed(KENT) });
});

type SignedIn = { token: string; user: { role: string; agencyId: string | null } };
async function signIn(app: TestApp, email: string, password = DEMO_PASSWORD) {
  const res = await app.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, body: (await res.json()) as SignedIn };
}

/** Calls as whoever the token is. */
function withToken(app: TestApp, token: string) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { get: (p: string) => call('GET', p), post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b, h) };
}

async function signedIn(app: TestApp, email: string, password = DEMO_PASSWORD) {
  const res = await signIn(app, email, password);
  expect(res.status, `${email} signs in`).toBe(200);
  return withToken(app, res.body.token);
}

const partnershipsOf = async (who: ReturnType<typeof withToken>) =>
  ((await (await who.get('/api/partnerships')).json()) as { partnerships: { id: string }[] }).partnerships.map((p) => p.id);

/** The newest email to an address, once it has come. */
async function lastMailTo(address: string) {
  let found: Awaited<ReturnType<typeof mail.mailbox>>[number] | undefined;
  await expect
    .poll(async () => {
      found = (await mail.mailbox()).filter((m) => m.destination.to.includes(address)).at(-1);
      return found;
    })
    .toBeDefined();
  return found!;
}

async function personIn(who: ReturnType<typeof withToken>, pid: string, email: string) {
  const { people } = (await (await who.get(`/api/p/${pid}/people`)).json()) as { people: { id: string; email: string; status: string; version: number }[] };
  return people.find((p) => p.email === email)!;
}

describe('one account for every partnership', () => {
  it('when a person with an account in Medway is added to Kent, they are active there at once, told so without a new password, and sign in once for both', async () => {
    const kentLead = await signedIn(t(), 'lead@kscmp.example');
    const res = await kentLead.post(`/api/p/${KENT}/people`, SAM_IN_KENT);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { person: { status: string } }).person.status).toBe('active');

    const told = await lastMailTo(USERS.councilOfficer);
    expect(told.subject).toBe('You have been added to the Kent Safeguarding Children Multi-Agency Partnership reform portal');
    expect(told.body.text ?? '').toContain('sign in with the same email address and password you use for your other partnership');
    expect(told.body.text ?? '').toMatch(new RegExp(`https?://\\S+/p/${KENT}\\s`));
    expect(told.body.text ?? '').not.toContain('set-password');

    const sam = await signedIn(t(), USERS.councilOfficer);
    expect(await partnershipsOf(sam)).toEqual(expect.arrayContaining(['mscp', KENT]));
    const me = (await (await sam.get(`/api/p/${KENT}/me`)).json()) as { agencyId: string };
    expect(me.agencyId).toBe('kent-county-council');
  });

  it('when someone new sets their password from Kent’s invitation, that one password then opens Medway too, where they are added without another', async () => {
    const email = 'jo.reed@kent-schools.example';
    const kentLead = await signedIn(t(), 'lead@kscmp.example');
    expect(
      (await kentLead.post(`/api/p/${KENT}/people`, { name: 'Jo Reed', email, role: 'partner', agencyId: 'kent-education', signatory: false, agencyAdmin: false })).status,
    ).toBe(201);
    expect((await personIn(kentLead, KENT, email)).status).toBe('invited');
    const link = /\/p\/kscmp\/set-password#token=([A-Za-z0-9._-]+)/.exec((await lastMailTo(email)).body.text ?? '')?.[1] ?? '';
    expect(link).not.toBe('');
    expect((await signIn(t(), email, 'a new kestrel password')).status).toBe(401);

    const set = await t().app.request('/api/auth/set-password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: link, password: 'a new kestrel password' }),
    });
    expect(set.status).toBe(200);
    expect((await signIn(t(), email, 'a new kestrel password')).status).toBe(200);

    const medwayLead = t().as(USERS.lead);
    const added = await medwayLead.post('/api/people', { name: 'Jo Reed', email, role: 'partner', agencyId: 'medway-education', signatory: false, agencyAdmin: false });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { person: { status: string } }).person.status).toBe('active');
    const jo = await signedIn(t(), email, 'a new kestrel password');
    expect(await partnershipsOf(jo)).toEqual(expect.arrayContaining(['mscp', KENT]));
    expect((await jo.get('/api/p/mscp/me')).status).toBe(200);
  });

  it('when Riley Shaw is deactivated in Medway, he still signs in, to Kent, and Medway’s pages are closed to him; reactivated, Medway opens again', async () => {
    const medwayLead = await signedIn(t(), USERS.lead);
    const riley = await personIn(medwayLead, 'mscp', USERS.police);
    const off = await medwayLead.post(`/api/p/mscp/people/${riley.id}/deactivate`, undefined, { 'If-Match': `"${riley.version}"` });
    expect(off.status).toBe(200);

    const res = await signIn(t(), USERS.police);
    expect(res.status).toBe(200);
    const rileyNow = withToken(t(), res.body.token);
    expect(await partnershipsOf(rileyNow)).toEqual([KENT]);
    expect((await rileyNow.get(`/api/p/${KENT}/me`)).status).toBe(200);
    expect((await rileyNow.get('/api/p/mscp/returns')).status).toBe(404);

    const again = await personIn(medwayLead, 'mscp', USERS.police);
    expect((await medwayLead.post(`/api/p/mscp/people/${again.id}/reactivate`, undefined, { 'If-Match': `"${again.version}"` })).status).toBe(200);
    expect(await partnershipsOf(await signedIn(t(), USERS.police))).toEqual(expect.arrayContaining(['mscp', KENT]));
  });

  it('when someone is deactivated in their only partnership, they cannot sign in', async () => {
    const medwayLead = await signedIn(t(), USERS.lead);
    const exec = await personIn(medwayLead, 'mscp', USERS.exec);
    expect((await medwayLead.post(`/api/p/mscp/people/${exec.id}/deactivate`, undefined, { 'If-Match': `"${exec.version}"` })).status).toBe(200);
    expect((await signIn(t(), USERS.exec)).status).toBe(401);
  });
});

/** The sign-in directory's side (Cognito in AWS): what it is asked to make of each account. */
class RecordingDirectory implements IdentityDirectory {
  readonly portalInvitations = false;
  readonly synced: DirectoryPerson[] = [];
  readonly created: DirectoryPerson[] = [];
  async createAccount(person: DirectoryPerson): Promise<void> {
    this.created.push(person);
  }
  async sync(person: DirectoryPerson): Promise<void> {
    this.synced.push(person);
  }
}

describe('the sign-in directory keeps one account for every partnership', () => {
  const directory = new RecordingDirectory();
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ deps: { directory } });
    await seedDemo(createDocumentClient({ ...app.config.dynamodb, timeoutMs: 60_000 }), app.config.tables, { password: DEMO_PASSWORD, seed: loadSeed(KENT) });
  });
  afterAll(async () => {
    await app.drop();
  });

  it('when Riley Shaw is deactivated in Medway while active in Kent, his account stays enabled; Medway’s executive, in Medway only, is disabled', async () => {
    const lead = app.as(USERS.lead);
    const people = ((await (await lead.get('/api/people')).json()) as { people: { id: string; email: string; version: number }[] }).people;
    for (const email of [USERS.police, USERS.exec]) {
      const p = people.find((x) => x.email === email)!;
      expect((await lead.post(`/api/people/${p.id}/deactivate`, undefined, { 'If-Match': `"${p.version}"` })).status).toBe(200);
    }
    expect(directory.synced.map((p) => [p.email, p.active])).toEqual([
      [USERS.police, true],
      [USERS.exec, false],
    ]);
  });

  it('when Kent’s lead adds someone who works in Medway, the directory is asked for the account they have, and they are active in Kent at once', async () => {
    const kentLead = withToken(
      app,
      (await app.issuer.issue({ id: 'kent-lead', email: 'lead@kscmp.example', name: 'Alex Mercer', role: 'lead', agencyId: 'kent-county-council', signatory: false })).token,
    );
    const res = await kentLead.post(`/api/p/${KENT}/people`, SAM_IN_KENT);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { person: { status: string } }).person.status).toBe('active');
    expect(directory.created.map((p) => p.email)).toEqual([USERS.councilOfficer]);
  });
});
