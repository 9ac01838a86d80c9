import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { userIdFor } from '../../functions/seed/seed.js';
import { USERS, type TestApp, useMailTestApp } from '../support/api.js';

/**
 * People administration (issue 12 part 1): the lead invites, changes, deactivates and reactivates
 * people; an agency administrator does so for their own agency's partners only. Invitations go
 * through the local SES emulator with a single-use set-password link. The app's clock is injected.
 */
const T0 = new Date('2026-11-23T10:00:00Z').getTime();
let now = T0;
const mail = useMailTestApp({ clock: () => new Date(now) });
let ses: SesLocal;
let t: TestApp;
beforeAll(() => {
  t = mail.app();
  ses = mail.ses();
});

const lead = () => t.as(USERS.lead);
const idOf = (email: string) => userIdFor(t.config.partnershipId, email);
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT' }))).Count ?? 0;
const etag = (res: Response) => res.headers.get('etag') ?? '';
const problemPaths = async (res: Response) => ((await res.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];
/** The set-password link in the newest email to `to`. */
async function linkFor(to: string): Promise<string> {
  const mail = (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes(to)).at(-1);
  const token = /set-password#token=([A-Za-z0-9._-]+)/.exec(mail?.body.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation to ${to}`);
  return token;
}
const publicPost = (path: string, body: unknown) => t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const signIn = (email: string, password: string) => publicPost('/api/auth/login', { email, password });

const officer = { name: 'Dana Fox', email: 'dana.fox@police.example', role: 'partner', agencyId: 'kent-police', signatory: false };

describe('inviting someone', () => {
  let id = '';
  it('when the lead invites a police officer, they are listed as invited and the invitation email arrives with a set-password link', async () => {
    const before = await auditCount();
    const res = await lead().post('/api/people', officer);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { person: { id: string; status: string; invitedBy: string; invitationExpiresAt: string }; invitationSent: boolean };
    id = body.person.id;
    expect(body.invitationSent).toBe(true);
    expect(body.person.status).toBe('invited');
    expect(body.person.invitedBy).toBe('Jordan Ellis');
    expect(body.person.invitationExpiresAt).toBe('2026-11-30T10:00:00.000Z');
    expect(res.headers.get('location')).toBe(`/api/p/mscp/people/${id}`);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await t.auditEventsOf('user', id);
    expect(event).toMatchObject({ action: 'user.invite', summary: 'Invited Dana Fox as a partner agency officer for Kent Police' });

    const mail = (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes(officer.email)).at(-1)!;
    expect(mail.subject).toBe('You have been invited to the Medway Safeguarding Children Partnership reform portal');
    expect(mail.body.text).toContain('Jordan Ellis has invited you');
    expect(mail.body.text).toContain('until Monday 30 November 2026');

    const list = (await (await lead().get('/api/people?status=invited')).json()) as { people: { name: string }[] };
    expect(list.people.map((p) => p.name)).toEqual(['Dana Fox']);
  });

  it('when the officer opens the link, sets a password and signs in, the link stops working and they are active', async () => {
    const token = await linkFor(officer.email);
    const check = await publicPost('/api/auth/invitation', { token });
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ name: 'Dana Fox', email: officer.email });

    const short = await publicPost('/api/auth/set-password', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(await problemPaths(short)).toEqual(['password']);

    now = T0 + 1000; // a second later, so the history's two events are in time order
    try {
      const set = await publicPost('/api/auth/set-password', { token, password: 'river copper lantern' });
      expect(set.status).toBe(200);
      const login = await signIn(officer.email, 'river copper lantern');
      expect(login.status).toBe(200);
    } finally {
      now = T0;
    }

    const again = await publicPost('/api/auth/set-password', { token, password: 'another good password' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { detail: string }).detail).toMatch(/already been used/);

    const detail = (await (await lead().get(`/api/people/${id}`)).json()) as { person: { status: string; lastSignInAt: string | null }; history: { action: string; by: string }[] };
    expect(detail.person.status).toBe('active');
    expect(detail.person.lastSignInAt).not.toBeNull();
    expect(detail.history.map((h) => h.action)).toEqual(['user.set-password', 'user.invite']);
    expect(detail.history[1]!.by).toBe('Jordan Ellis');
  });

  it('when an invitation is 7 days old, its link is refused; a resent one works and the old one does not', async () => {
    const res = await lead().post('/api/people', { ...officer, name: 'Eli Stone', email: 'eli.stone@police.example' });
    const { person } = (await res.json()) as { person: { id: string; version: number } };
    const first = await linkFor('eli.stone@police.example');
    now = T0 + 7 * 86_400_000;
    try {
      const expired = await publicPost('/api/auth/invitation', { token: first });
      expect(expired.status).toBe(404);
      expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
      const resend = await lead().post(`/api/people/${person.id}/invitation`, undefined, { 'If-Match': `"${person.version}"` });
      expect(resend.status).toBe(200);
      const second = await linkFor('eli.stone@police.example');
      expect(second).not.toBe(first);
      expect((await publicPost('/api/auth/invitation', { token: second })).status).toBe(200);
      expect((await publicPost('/api/auth/invitation', { token: first })).status).toBe(404);
    } finally {
      now = T0;
    }
  });
});

describe('bad invitations are refused, naming the field, and nothing is written', () => {
  it.each([
    ['a partner without an agency', { ...officer, email: 'a@x.example', agencyId: null }, 400, ['agencyId']],
    ['an executive with an agency', { ...officer, email: 'b@x.example', role: 'executive' }, 400, ['agencyId']],
    ['an agency the partnership does not have', { ...officer, email: 'c@x.example', agencyId: 'no-such-agency' }, 400, ['agencyId']],
    ['a lead who signs for an agency', { ...officer, email: 'd@x.example', role: 'lead', agencyId: 'medway-council', signatory: true }, 400, ['signatory']],
    ['an email address that is not one', { ...officer, email: 'not-an-email' }, 400, ['email']],
    ['an unknown field', { ...officer, email: 'e@x.example', nhsNumber: '1' }, 400, ['nhsNumber']],
    ['an email that already has an account', { ...officer, email: USERS.police }, 409, []],
  ])('when the lead invites %s, the answer is %s', async (_what, body, status, paths) => {
    const before = await auditCount();
    const res = await lead().post('/api/people', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    if (paths.length) expect(await problemPaths(res)).toEqual(expect.arrayContaining(paths));
    expect(await auditCount()).toBe(before);
  });
});

describe('changing, deactivating and reactivating', () => {
  const health = () => idOf(USERS.health);

  it('when the lead changes a person without If-Match it is 428; with a stale one 412; nothing is written', async () => {
    const before = await auditCount();
    expect((await lead().patch(`/api/people/${health()}`, { signatory: false })).status).toBe(428);
    expect((await lead().patch(`/api/people/${health()}`, { signatory: false }, { 'If-Match': '"99"' })).status).toBe(412);
    expect(await auditCount()).toBe(before);
  });

  it('when the lead stops the NHS officer signing, their next request (60 s on) no longer carries the signatory flag', async () => {
    const current = await lead().get(`/api/people/${health()}`);
    const res = await lead().patch(`/api/people/${health()}`, { signatory: false }, { 'If-Match': etag(current) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { signatory: boolean }).signatory).toBe(false);
    now = T0 + 61_000;
    try {
      expect(((await (await t.as(USERS.health).get('/api/me')).json()) as { signatory: boolean }).signatory).toBe(false);
    } finally {
      now = T0;
    }
    const mail = (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes(USERS.health)).at(-1)!;
    expect(mail.body.text).toContain('You no longer sign documents for your agency.');
  });

  it('when the same change is sent twice, the second records nothing', async () => {
    const current = await lead().get(`/api/people/${health()}`);
    const before = await auditCount();
    const res = await lead().patch(`/api/people/${health()}`, { signatory: false }, { 'If-Match': etag(current) });
    expect(res.status).toBe(200);
    expect(await auditCount()).toBe(before);
  });

  it('when the lead deactivates someone, every route refuses them within a minute and they cannot sign in; reactivated, they can', async () => {
    const edu = idOf(USERS.education);
    const current = await lead().get(`/api/people/${edu}`);
    const off = await lead().post(`/api/people/${edu}/deactivate`, undefined, { 'If-Match': etag(current) });
    expect(off.status).toBe(200);
    now = T0 + 2 * 61_000;
    try {
      const refused = await t.as(USERS.education).get('/api/periods');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { type: string }).type).toContain('access-ended');
      const on = await lead().post(`/api/people/${edu}/reactivate`, undefined, { 'If-Match': etag(off) });
      expect(on.status).toBe(200);
      now = T0 + 4 * 61_000;
      expect((await t.as(USERS.education).get('/api/periods')).status).toBe(200);
    } finally {
      now = T0;
    }
    const history = (await (await lead().get(`/api/people/${edu}`)).json()) as { history: { action: string }[] };
    expect(history.history.map((h) => h.action)).toEqual(['user.reactivate', 'user.deactivate']);
  });

  it('when the lead tries to change their own role or deactivate themselves, it is refused (there is always an active lead)', async () => {
    const me = idOf(USERS.lead);
    const current = await lead().get(`/api/people/${me}`);
    const before = await auditCount();
    const role = await lead().patch(`/api/people/${me}`, { role: 'executive', agencyId: null }, { 'If-Match': etag(current) });
    expect(role.status).toBe(422);
    expect((await lead().post(`/api/people/${me}/deactivate`, undefined, { 'If-Match': etag(current) })).status).toBe(422);
    expect(await auditCount()).toBe(before);
  });
});

describe('who may manage whom', () => {
  const admin = () => t.as(USERS.council); // Morgan Reid: Medway Council's agency administrator

  it("when an agency administrator lists people, they see their own agency's partners only", async () => {
    const res = await admin().get('/api/people');
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as { people: { agencyId: string; role: string }[] };
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.agencyId === 'medway-council' && p.role === 'partner')).toBe(true);
  });

  it('when an agency administrator invites a partner of their own agency, it works; another agency or role is refused', async () => {
    const ok = await admin().post('/api/people', { name: 'Fran Lee', email: 'fran.lee@medway.example', role: 'partner', agencyId: 'medway-council', signatory: false });
    expect(ok.status).toBe(201);
    const before = await auditCount();
    expect((await admin().post('/api/people', { ...officer, email: 'g@x.example' })).status).toBe(403);
    expect((await admin().post('/api/people', { name: 'H', email: 'h@x.example', role: 'lead', agencyId: 'medway-council', signatory: false })).status).toBe(403);
    expect((await admin().post('/api/people', { name: 'I', email: 'i@x.example', role: 'partner', agencyId: 'medway-council', agencyAdmin: true })).status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("when an agency administrator acts on another agency's person, or changes a role, it is refused", async () => {
    const police = idOf(USERS.police);
    expect((await admin().get(`/api/people/${police}`)).status).toBe(403);
    expect((await admin().post(`/api/people/${police}/deactivate`, undefined, { 'If-Match': '"1"' })).status).toBe(403);
    const officerId = idOf(USERS.councilOfficer);
    const current = await admin().get(`/api/people/${officerId}`);
    expect(current.status).toBe(200);
    expect((await admin().patch(`/api/people/${officerId}`, { role: 'executive', agencyId: null }, { 'If-Match': etag(current) })).status).toBe(403);
    const sign = await admin().patch(`/api/people/${officerId}`, { signatory: true }, { 'If-Match': etag(current) });
    expect(sign.status).toBe(200);
  });

  it.each([
    ['the executive', USERS.exec],
    ['a partner who is not an agency administrator', USERS.police],
  ])('when %s calls any people route, it is refused and nothing is written', async (_who, email) => {
    const before = await auditCount();
    const as = t.as(email);
    const target = idOf(USERS.councilOfficer);
    for (const res of [
      await as.get('/api/people'),
      await as.get(`/api/people/${target}`),
      await as.post('/api/people', { ...officer, email: 'j@x.example' }),
      await as.patch(`/api/people/${target}`, { signatory: false }, { 'If-Match': '"1"' }),
      await as.post(`/api/people/${target}/deactivate`, undefined, { 'If-Match': '"1"' }),
      await as.post(`/api/people/${target}/reactivate`, undefined, { 'If-Match': '"1"' }),
      await as.post(`/api/people/${target}/invitation`, undefined, { 'If-Match': '"1"' }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect(await auditCount()).toBe(before);
  });

  it('when an agency administrator loses the flag, within a minute they can no longer manage anyone', async () => {
    const morgan = idOf(USERS.council);
    const current = await lead().get(`/api/people/${morgan}`);
    const res = await lead().patch(`/api/people/${morgan}`, { agencyAdmin: false }, { 'If-Match': etag(current) });
    expect(res.status).toBe(200);
    now = T0 + 6 * 61_000;
    try {
      expect((await admin().get('/api/people')).status).toBe(403);
    } finally {
      now = T0;
    }
  });

  it('when a person id is not one, the answer is 404 naming the person', async () => {
    expect((await lead().get('/api/people/not-a-uuid')).status).toBe(404);
    expect((await lead().get('/api/people/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
