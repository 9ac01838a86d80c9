import { kinshipDraft } from '../support/kinship-draft.js';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { runReminders } from '../../functions/jobs/reminders.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { loadSeed, seedDemo, userIdFor } from '../../functions/seed/seed.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/**
 * Programme set-up of workstreams and agencies (issue 13): the lead adds, changes, moves, retires
 * and restores them; everyone else is refused and nothing is written; each change is one write
 * with its audit event; and a retired one stays in the periods it was in use during (past
 * returns, trackers, trends) and is left out of later ones (shared/partnership/period-scope.ts).
 * The clock stands on 3 December 2026, in 2026-27 Q3.
 */
const NOW = new Date('2026-12-03T10:00:00.000Z');
let t: TestApp;
const mailer: Mailer = { send: async () => ({ messageId: 'programme-config' }) };
beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW, deps: { mailer } });
  // Kent's partnership too: its lead is someone, just not in Medway.
  await seedDemo(createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 }), t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
}, 120_000);
afterAll(async () => {
  await t.drop();
});

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };
type Item = { id: string; name: string; version: number; order?: number; retiredAt?: string; retiredBy?: string; createdAt?: string };
type Workstream = Item & { leadAgencyId: string; contributingAgencyIds: string[]; macpt?: boolean };
type Data = { agencies: Item[]; workstreams: Workstream[] };
type ReturnView = { requiredWorkstreamIds: string[]; sections: { workstreamId: string }[] };
type Tracker = {
  agencies: { id: string; retired: boolean }[];
  matrix: { workstreamId: string; retired: boolean; cells: { agencyId: string }[] }[];
  trend: { workstreamId: string; retired: boolean; points: { periodId: string; confidence: string | null }[] }[];
  returns: { agencyId: string }[];
  readiness: { workstreamId: string; highlighted: boolean }[];
};

const Q2 = '2026-27-Q2';
const Q3 = '2026-27-Q3';
const Q4 = '2026-27-Q4';
const lead = () => t.as(USERS.lead);
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const data = () => json<Data>(lead().get('/api/partnership'));
const workstream = async (id: string) => (await data()).workstreams.find((w) => w.id === id)!;
const agency = async (id: string) => (await data()).agencies.find((a) => a.id === id)!;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const tracker = (periodId: string) => json<Tracker>(lead().get(`/api/tracker?periodId=${periodId}`));
const returnOf = (periodId: string, agencyId: string) => json<ReturnView>(lead().get(`/api/returns/${periodId}/${agencyId}`));
type AuditEvent = { action: string; summary: string; changes?: Record<string, { from: unknown; to: unknown }>; meta?: Record<string, unknown>; actor: { name: string } };
// The clock stands still, so a record's events are told apart by action, not by time.
const events = async (type: string, id: string) => (await t.auditEventsOf(type, id)) as AuditEvent[];
const actions = async (type: string, id: string) => (await events(type, id)).map((e) => e.action).sort();
const eventOf = async (type: string, id: string, action: string) => (await events(type, id)).find((e) => e.action === action);
// Only tests count whole tables; the API never scans.
const count = async (table: string) => (await t.doc.send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true }))).Count ?? 0;
const counts = async () => [await count(t.config.tables.main), await count(t.config.tables.audit)];

describe('workstreams: add, change and move', () => {
  it('when the lead adds a workstream, its id is made from its name, it comes last, and its audit event is written with it', async () => {
    const res = await lead().post('/api/workstreams', {
      name: 'Youth Justice',
      description: 'Prevent offending by children known to several agencies.',
      leadAgencyId: 'medway-council',
      contributingAgencyIds: ['medway-council', 'kent-police', 'kent-police'],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe('/api/p/mscp/workstreams/youth-justice');
    const w = await json<Workstream>(res);
    expect(w).toMatchObject({ id: 'youth-justice', version: 1, createdAt: NOW.toISOString(), contributingAgencyIds: ['medway-council', 'kent-police'] });
    expect((await data()).workstreams.map((x) => x.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers', 'youth-justice']);
    const [event] = await events('workstream', 'youth-justice');
    expect(event).toMatchObject({ action: 'workstream.create', actor: { name: 'Jordan Ellis' } });
  });

  it('when the name is taken, whatever its case and spacing, it is refused with 422 naming the field and nothing is written', async () => {
    const before = await counts();
    const res = await lead().post('/api/workstreams', { name: '  youth   JUSTICE ', leadAgencyId: 'medway-council', contributingAgencyIds: ['medway-council'] });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<Problem>(res)).errors).toEqual([expect.objectContaining({ path: 'name', message: expect.stringContaining('already a workstream called "Youth Justice"') })]);
    expect(await counts()).toEqual(before);
  });

  it('when fields are missing or not valid, it is refused with 400 naming each field and nothing is written', async () => {
    const before = await counts();
    const bad = await lead().post('/api/workstreams', { name: ' ', leadAgencyId: 'Not a slug', contributingAgencyIds: [], colour: 'red' });
    expect(bad.status).toBe(400);
    const paths = ((await json<Problem>(bad)).errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'leadAgencyId', 'contributingAgencyIds']));
    const unknown = await lead().post('/api/workstreams', {
      name: 'Early Years',
      leadAgencyId: 'medway-council',
      contributingAgencyIds: ['medway-council', 'thames-valley-police'],
    });
    expect(unknown.status).toBe(400);
    expect((await json<Problem>(unknown)).errors).toEqual([expect.objectContaining({ path: 'contributingAgencyIds[1]' })]);
    expect(await counts()).toEqual(before);
  });

  it('when the lead renames it, If-Match is required (428) and must be current (412); a change is audited field by field, the same name again is not', async () => {
    const path = '/api/workstreams/youth-justice';
    expect((await lead().patch(path, { name: 'Youth Justice and Prevention' })).status).toBe(428);
    const before = await counts();
    expect((await lead().patch(path, { name: 'Youth Justice and Prevention' }, ifMatch(7))).status).toBe(412);
    expect(await counts()).toEqual(before);
    const res = await lead().patch(path, { name: 'Youth Justice and Prevention' }, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await eventOf('workstream', 'youth-justice', 'workstream.update')).toMatchObject({
      changes: { name: { from: 'Youth Justice', to: 'Youth Justice and Prevention' } },
    });
    const again = await lead().patch(path, { name: 'Youth Justice and Prevention' }, ifMatch(2));
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe('"2"');
    expect(await events('workstream', 'youth-justice')).toHaveLength(2);
  });

  it('when the lead moves it up, it changes places with the workstream above (both saved in one write with one audit event)', async () => {
    const res = await lead().post('/api/workstreams/youth-justice/move', { direction: 'up' }, ifMatch(2));
    expect(res.status).toBe(200);
    expect((await data()).workstreams.map((x) => x.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'youth-justice', 'care-leavers']);
    expect(await eventOf('workstream', 'youth-justice', 'workstream.reorder')).toMatchObject({ changes: { order: { from: 6, to: 5 } } });
    const first = await workstream('family-help');
    const top = await lead().post('/api/workstreams/family-help/move', { direction: 'up' }, ifMatch(first.version));
    expect(top.status).toBe(409);
    expect((await json<Problem>(top)).detail).toContain('already first');
  });
});

describe('retiring a workstream: the periods it still belongs to', () => {
  it('when the lead retires a workstream, it is marked with when and by whom, and audited', async () => {
    // Version 2: it changed places with Youth Justice above.
    const res = await lead().post('/api/workstreams/care-leavers/retire', undefined, ifMatch(2));
    expect(res.status).toBe(200);
    expect(await json<Workstream>(res)).toMatchObject({ retiredAt: NOW.toISOString(), retiredBy: 'Jordan Ellis', version: 3 });
    expect(await eventOf('workstream', 'care-leavers', 'workstream.retire')).toMatchObject({ changes: { retiredAt: { from: null, to: NOW.toISOString() } } });
    expect((await lead().post('/api/workstreams/care-leavers/retire', undefined, ifMatch(3))).status).toBe(409);
    expect((await lead().post('/api/workstreams/care-leavers/move', { direction: 'up' }, ifMatch(3))).status).toBe(409);
  });

  it('when a past return or the tracker of a past period is read, the retired workstream is still there, labelled retired', async () => {
    const past = await returnOf(Q2, 'medway-council');
    expect(past.sections.map((s) => s.workstreamId)).toContain('care-leavers');
    const q2 = await tracker(Q2);
    expect(q2.matrix.find((r) => r.workstreamId === 'care-leavers')).toMatchObject({ retired: true });
    // The quarter it was retired in keeps it too: agencies were already reporting on it.
    expect((await returnOf(Q3, 'nhs-kent-medway')).requiredWorkstreamIds).toContain('care-leavers');
  });

  it('when a period opened after the retirement is read, the retired workstream has no section and no tracker row, and its trend stops', async () => {
    expect((await lead().post('/api/periods', { id: Q4, dueDate: '2027-04-30' })).status).toBe(201);
    const q4 = await json<ReturnView>(t.as(USERS.health).get(`/api/returns/${Q4}/nhs-kent-medway`));
    expect(q4.requiredWorkstreamIds).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency']);
    expect(q4.sections.map((s) => s.workstreamId)).not.toContain('care-leavers');
    const save = await t.as(USERS.health).put(`/api/returns/${Q4}/nhs-kent-medway`, {
      sections: [{ workstreamId: 'care-leavers', confidence: 'green', narrative: 'Care leavers are supported into housing.' }],
    });
    expect(save.status).toBe(400);
    expect((await json<Problem>(save)).errors).toEqual([expect.objectContaining({ path: 'sections[0].workstreamId' })]);
    const tr = await tracker(Q4);
    expect(tr.matrix.map((r) => r.workstreamId)).not.toContain('care-leavers');
    const line = tr.trend.find((l) => l.workstreamId === 'care-leavers')!;
    expect(line.retired).toBe(true);
    expect(line.points.find((p) => p.periodId === Q2)?.confidence).not.toBeNull();
    expect(line.points.find((p) => p.periodId === Q4)?.confidence).toBeNull();
  });

  it('when a workstream in use is to be restored, it is refused with 409 saying why', async () => {
    const res = await lead().post('/api/workstreams/family-help/restore', undefined, ifMatch((await workstream('family-help')).version));
    expect(res.status).toBe(409);
    expect((await json<Problem>(res)).detail).toContain('in use');
  });

  it('when the lead restores it, it is back in its place and in the returns of the later period, and the restore is audited', async () => {
    const res = await lead().post('/api/workstreams/care-leavers/restore', undefined, ifMatch(3));
    expect(res.status).toBe(200);
    const w = await json<Workstream>(res);
    expect(w.retiredAt).toBeUndefined();
    expect((await data()).workstreams.at(-1)?.id).toBe('care-leavers');
    expect((await returnOf(Q4, 'nhs-kent-medway')).requiredWorkstreamIds).toContain('care-leavers');
    expect(await actions('workstream', 'care-leavers')).toEqual(['workstream.restore', 'workstream.retire']);
  });
});

describe('agencies: add, rename, move, retire and restore', () => {
  it('when the lead adds an agency, it comes last and its audit event is written with it', async () => {
    const before = (await data()).agencies.map((a) => a.id);
    const res = await lead().post('/api/agencies', { name: 'Medway Youth Service', type: 'voluntary', statutory: false });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(await json<Item>(res)).toMatchObject({ id: 'medway-youth-service', version: 1 });
    expect((await data()).agencies.map((a) => a.id)).toEqual([...before, 'medway-youth-service']);
    expect(await actions('agency', 'medway-youth-service')).toEqual(['agency.create']);
    const dup = await lead().post('/api/agencies', { name: 'kent police', type: 'police', statutory: true });
    expect(dup.status).toBe(422);
    expect((await json<Problem>(dup)).errors).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('when the lead renames and moves it, each needs the current version and is audited', async () => {
    const renamed = await lead().patch('/api/agencies/medway-youth-service', { name: 'Medway Youth Services' }, ifMatch(1));
    expect(renamed.status).toBe(200);
    expect((await lead().patch('/api/agencies/medway-youth-service', { name: 'Youth Services' }, ifMatch(1))).status).toBe(412);
    const moved = await lead().post('/api/agencies/medway-youth-service/move', { direction: 'up' }, ifMatch(2));
    expect(moved.status).toBe(200);
    const ids = (await data()).agencies.map((a) => a.id);
    expect(ids.indexOf('medway-youth-service')).toBe(ids.length - 2);
    expect(await actions('agency', 'medway-youth-service')).toEqual(['agency.create', 'agency.reorder', 'agency.update']);
  });

  it('when an agency joins a workstream, it reports on it from this quarter and the periods before are unchanged', async () => {
    const fh = await workstream('family-help');
    const res = await lead().patch('/api/workstreams/family-help', { contributingAgencyIds: [...fh.contributingAgencyIds, 'medway-youth-service'] }, ifMatch(fh.version));
    expect(res.status).toBe(200);
    const cells = async (p: string) => (await tracker(p)).matrix.find((r) => r.workstreamId === 'family-help')!.cells.map((c) => c.agencyId);
    expect(await cells(Q2)).not.toContain('medway-youth-service');
    expect(await cells(Q4)).toContain('medway-youth-service');
  });

  it('when retiring an agency would break something, it is refused with 409 saying what to change first, and nothing is written', async () => {
    const before = await counts();
    const council = await agency('medway-council');
    const res = await lead().post('/api/agencies/medway-council/retire', undefined, ifMatch(council.version));
    expect(res.status).toBe(409);
    const { detail } = await json<Problem>(res);
    expect(detail).toMatch(/leads .*choose another lead agency/);
    expect(detail).toContain('signs the threshold document');
    expect(await counts()).toEqual(before);
  });

  it('when the lead retires an agency, it keeps its past returns and tracker columns, is left out of later periods and their reminders, and of readiness', async () => {
    const schools = await agency('medway-education');
    const res = await lead().post('/api/agencies/medway-education/retire', undefined, ifMatch(schools.version));
    expect(res.status).toBe(200);
    expect(await json<Item>(res)).toMatchObject({ retiredBy: 'Jordan Ellis', retiredAt: NOW.toISOString() });

    expect((await returnOf(Q2, 'medway-education')).sections.length).toBeGreaterThan(0);
    expect((await tracker(Q2)).agencies.find((a) => a.id === 'medway-education')).toEqual(expect.objectContaining({ retired: true }));
    const listed = async (p: string) => (await json<{ agencyId: string }[]>(lead().get(`/api/returns?periodId=${p}`))).map((r) => r.agencyId);
    expect(await listed(Q3)).toContain('medway-education');
    expect(await listed(Q4)).not.toContain('medway-education');
    expect((await tracker(Q4)).agencies.map((a) => a.id)).not.toContain('medway-education');
    const readiness = await json<{ agencies: { id: string }[] }>(lead().get('/api/workstreams/safeguarding/readiness'));
    expect(readiness.agencies.map((a) => a.id)).not.toContain('medway-education');

    // Five working days before Q4 is due (Q3 is overdue by then): Q3 still chases the schools, Q4 does not.
    const outcomes = await runReminders({ doc: t.doc, tables: t.config.tables, partnershipId: 'mscp', mailer, portalUrl: 'https://portal.example' }, '2027-04-26', NOW);
    const keys = outcomes.map((o) => o.eventKey);
    expect(keys).toContain(`return-due-soon#${Q4}#nhs-kent-medway`);
    expect(keys.some((k) => k.startsWith(`return-overdue#${Q3}#medway-education`))).toBe(true);
    expect(keys.some((k) => k.includes(`${Q4}#medway-education`))).toBe(false);
    expect(await actions('agency', 'medway-education')).toContain('agency.retire');
  });

  it('when a workstream is added naming a retired agency, that agency is refused with 422 naming the field', async () => {
    const res = await lead().post('/api/workstreams', { name: 'Attendance', leadAgencyId: 'medway-council', contributingAgencyIds: ['medway-council', 'medway-education'] });
    expect(res.status).toBe(422);
    expect((await json<Problem>(res)).errors).toEqual([expect.objectContaining({ path: 'contributingAgencyIds[1]', message: expect.stringContaining('retired') })]);
  });

  it('when someone is invited into the retired agency, or a Kinship item names it as provider, it is refused naming the field; someone already in it keeps it when their name changes', async () => {
    const invite = await lead().post('/api/people', {
      name: 'Lee Ward',
      email: 'lee.ward@medway-schools.example',
      role: 'partner',
      agencyId: 'medway-education',
      signatory: false,
      agencyAdmin: false,
    });
    expect(invite.status).toBe(400);
    expect((await json<Problem>(invite)).errors).toEqual([expect.objectContaining({ path: 'agencyId', message: expect.stringContaining('retired') })]);
    const kinship = await t.as(USERS.health).post('/api/kinship-offer/items', kinshipDraft('Kinship carers coffee mornings', 'medway-education'));
    expect(kinship.status).toBe(400);
    expect((await json<Problem>(kinship)).errors).toEqual([expect.objectContaining({ path: 'providerAgencyId', message: expect.stringContaining('retired') })]);
    const people = (await json<{ people: { id: string; email: string; version: number }[] }>(lead().get('/api/people'))).people;
    const taylor = people.find((p) => p.email === USERS.education)!;
    expect((await lead().patch(`/api/people/${taylor.id}`, { name: 'Taylor Quinn-Hale' }, ifMatch(taylor.version))).status).toBe(200);
  });

  it('when the lead restores the agency, it is in use again for the later period', async () => {
    const res = await lead().post('/api/agencies/medway-education/restore', undefined, ifMatch((await agency('medway-education')).version));
    expect(res.status).toBe(200);
    expect((await json<{ agencyId: string }[]>(lead().get(`/api/returns?periodId=${Q4}`))).map((r) => r.agencyId)).toContain('medway-education');
    expect(await actions('agency', 'medway-education')).toEqual(['agency.restore', 'agency.retire']);
  });
});

describe('who may change the set-up', () => {
  const kentLead = async () => {
    const u = loadSeed('kscmp').users.find((x) => x.role === 'lead')!;
    return (await t.issuer.issue({ ...u, id: userIdFor('kscmp', u.email) })).token;
  };
  const removed = async () =>
    (await t.issuer.issue({ email: 'gone@mscp.example', name: 'Gone', role: 'lead', agencyId: 'medway-council', signatory: false, id: userIdFor('mscp', 'gone@mscp.example') }))
      .token;
  const send = (token: string, path: string, body: unknown) =>
    t.app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: JSON.stringify(body) });
  const body = { name: 'Probe Agency', type: 'other', statutory: false };

  it('when the executive or a partner adds, changes or retires, it is refused with 403 and nothing is written', async () => {
    const before = await counts();
    for (const who of [USERS.exec, USERS.council, USERS.police]) {
      expect((await t.as(who).post('/api/agencies', body)).status).toBe(403);
      expect((await t.as(who).patch('/api/workstreams/kinship', { name: 'Kinship' }, ifMatch(1))).status).toBe(403);
      expect((await t.as(who).patch('/api/workstreams/kinship', { macpt: true }, ifMatch(1))).status).toBe(403);
      expect((await t.as(who).post('/api/agencies/kent-police/retire', undefined, ifMatch(1))).status).toBe(403);
      expect((await t.as(who).post('/api/workstreams/kinship/move', { direction: 'down' }, ifMatch(1))).status).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it("when another partnership's lead, or someone with no record, calls Medway's set-up, it is 404 or 401 and nothing is written", async () => {
    const before = await counts();
    expect((await send(await kentLead(), '/api/p/mscp/agencies', body)).status).toBe(404);
    expect((await send(await kentLead(), '/api/p/mscp/workstreams/kinship/retire', undefined)).status).toBe(404);
    expect((await send(await t.tokenFor(USERS.lead), '/api/p/kscmp/agencies', body)).status).toBe(404);
    expect((await send(await removed(), '/api/p/mscp/agencies', body)).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

describe('the MACPT workstream: one per partnership, chosen by the lead', () => {
  const highlighted = async () => (await tracker(Q3)).readiness.filter((r) => r.highlighted).map((r) => r.workstreamId);
  const matrixMacpt = async (id: string) => (await json<{ macpt: boolean }>(lead().get(`/api/workstreams/${id}/readiness`))).macpt;
  const macptEvents = async (id: string) => (await events('workstream', id)).filter((e) => e.changes?.macpt);

  it('when the lead marks another workstream, the mark moves from the one that had it in the same write with one audit event, and readiness and the tracker follow', async () => {
    const [sg, fh] = [await workstream('safeguarding'), await workstream('family-help')];
    expect([sg.macpt, fh.macpt, await highlighted()]).toEqual([true, undefined, ['safeguarding']]);
    const [main, audit] = await counts();
    const res = await lead().patch('/api/workstreams/family-help', { macpt: true }, ifMatch(fh.version));
    expect(res.status).toBe(200);
    expect(await json<Workstream>(res)).toMatchObject({ id: 'family-help', macpt: true, version: fh.version + 1 });
    expect(await workstream('safeguarding')).toMatchObject({ macpt: false, version: sg.version + 1 });
    expect(await counts()).toEqual([main, audit! + 1]);
    expect(await macptEvents('family-help')).toEqual([
      expect.objectContaining({
        action: 'workstream.update',
        summary: `Changed workstream "${fh.name}": it sets up the MACPTs instead of "Improving Safeguarding and Multi-Agency Collaboration"`,
        changes: { macpt: { from: null, to: true } },
        meta: { macptFrom: ['safeguarding'] },
      }),
    ]);
    expect(await highlighted()).toEqual(['family-help']);
    expect([await matrixMacpt('family-help'), await matrixMacpt('safeguarding')]).toEqual([true, false]);
  });

  it('when the lead sends the mark the workstream already has, or a change form that leaves it unticked on one without it, nothing is written', async () => {
    const [fh, kin] = [await workstream('family-help'), await workstream('kinship')];
    const before = await counts();
    const same = await lead().patch('/api/workstreams/family-help', { macpt: true }, ifMatch(fh.version));
    expect([same.status, same.headers.get('etag')]).toEqual([200, `"${fh.version}"`]);
    const unticked = await lead().patch('/api/workstreams/kinship', { name: kin.name, macpt: false }, ifMatch(kin.version));
    expect([unticked.status, unticked.headers.get('etag')]).toEqual([200, `"${kin.version}"`]);
    expect(await counts()).toEqual(before);
  });

  it('when a retired workstream is marked, it is refused with 422 naming the field and nothing is written', async () => {
    const ps = await workstream('placement-sufficiency');
    const retired = await json<Workstream>(lead().post('/api/workstreams/placement-sufficiency/retire', undefined, ifMatch(ps.version)));
    const before = await counts();
    const res = await lead().patch('/api/workstreams/placement-sufficiency', { macpt: true }, ifMatch(retired.version));
    expect(res.status).toBe(422);
    expect((await json<Problem>(res)).errors).toEqual([expect.objectContaining({ path: 'macpt', message: expect.stringContaining('is retired') })]);
    expect(await counts()).toEqual(before);
    expect(await highlighted()).toEqual(['family-help']);
  });

  it('when the lead clears the mark, no workstream is highlighted until one is marked again; the cleared mark stays as false', async () => {
    const fh = await workstream('family-help');
    expect((await lead().patch('/api/workstreams/family-help', { macpt: false }, ifMatch(fh.version))).status).toBe(200);
    expect(await workstream('family-help')).toMatchObject({ macpt: false, version: fh.version + 1 });
    expect(await highlighted()).toEqual([]);
    const sg = await workstream('safeguarding');
    const back = await lead().patch('/api/workstreams/safeguarding', { macpt: true }, ifMatch(sg.version));
    expect(back.status).toBe(200);
    // Its loss of the mark was recorded with Family Help's change; getting it back is its own event, taking it from nobody.
    const [event] = await macptEvents('safeguarding');
    expect(await macptEvents('safeguarding')).toHaveLength(1);
    expect(event).toMatchObject({ changes: { macpt: { from: false, to: true } } });
    expect(event?.meta).toBeUndefined();
    expect(await highlighted()).toEqual(['safeguarding']);
  });
});
