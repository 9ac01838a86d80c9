import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeys, returnKeys } from '../../functions/db/keys.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { seedWithoutCertification } from '../support/tables.js';

let t: TestApp;
beforeAll(async () => {
  // The submission and review flow of a partnership that does not certify returns (a new one's default); certification: test/api/certification.test.ts.
  t = await createTestApp({ seed: seedWithoutCertification() });
});
afterAll(async () => {
  await t.drop();
});

type View = {
  periodId: string;
  agencyId: string;
  status: string;
  version: number;
  sections: {
    workstreamId: string;
    confidence: string | null;
    narrative: string;
    carriedForward: boolean;
    risks: unknown[];
    escalations: unknown[];
    milestones: unknown[];
    indicators: unknown[];
  }[];
  review: { comments: { comment: string }[] };
  warnings: { path: string; kind: string }[];
};
type Problem = { status: number; detail: string; errors?: { path: string; message: string; kind?: string }[] };

const Q3 = '2026-27-Q3';
const section = (workstreamId: string, over: Record<string, unknown> = {}) => ({
  workstreamId,
  confidence: 'green',
  narrative: `Progress on ${workstreamId} is steady and reported to the partnership board.`,
  milestones: [],
  risks: [],
  escalations: [],
  metrics: [],
  ...over,
});

/** Education reports the PEP return rate in its kinship section (the demo's outcome indicators): submission needs its value. */
const PEP = { indicators: [{ indicatorId: 'pep-return-rate', value: 94 }] };

async function auditCount(entityId: string) {
  const res = await t.doc.send(
    new QueryCommand({
      TableName: t.config.tables.audit,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditKeys.entity('mscp', 'return', entityId) },
      Select: 'COUNT',
    }),
  );
  return res.Count ?? 0;
}

describe('reference data', () => {
  it('when anyone signed in lists workstreams, each has milestones and contributing agencies', async () => {
    const res = await t.as(USERS.exec).get('/api/workstreams');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; milestones: unknown[]; contributingAgencyIds: string[] }[];
    expect(body.map((w) => w.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers']);
    for (const w of body) {
      expect(w.milestones.length).toBeGreaterThanOrEqual(3);
      expect(w.contributingAgencyIds.length).toBeGreaterThan(0);
    }
  });

  it('when a workstream does not exist, it answers 404', async () => {
    expect((await t.as(USERS.police).get('/api/workstreams/nope')).status).toBe(404);
    expect((await t.as(USERS.police).get('/api/workstreams/%00%ff')).status).toBe(404);
  });

  it('when periods are listed, the seeded current and two earlier periods show, newest first', async () => {
    const body = (await (await t.as(USERS.police).get('/api/periods')).json()) as { id: string; status: string; start: string; end: string }[];
    expect(body.slice(0, 3).map((p) => p.id)).toEqual(['2026-27-Q3', '2026-27-Q2', '2026-27-Q1']);
    expect(body[0]).toMatchObject({ status: 'open', start: '2026-10-01', end: '2026-12-31' });
  });
});

describe('opening a period', () => {
  it('when the lead opens a period, start and end follow from the id and it is audited', async () => {
    const res = await t.as(USERS.lead).post('/api/periods', { id: '2027-28-Q1', dueDate: '2027-07-31' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: '2027-28-Q1', start: '2027-04-01', end: '2027-06-30', dueDate: '2027-07-31', status: 'open' });
    const audit = (await (await t.as(USERS.lead).get('/api/audit?entityType=period&entityId=2027-28-Q1')).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(['period.open']);
  });

  it.each([
    [{ id: '2027-28-Q5', dueDate: '2027-07-31' }, 'id'],
    [{ id: '2027-29-Q1', dueDate: '2027-07-31' }, 'id'],
    [{ id: '2027-28-Q2', dueDate: '2027-06-30' }, 'dueDate'],
    [{ id: '2027-28-Q2', dueDate: 'soon' }, 'dueDate'],
    [{ id: '2027-28-Q2', dueDate: '2027-10-31', extra: 1 }, 'extra'],
  ])('when the request is %j, it answers 400 naming %s and writes nothing', async (body, field) => {
    const res = await t.as(USERS.lead).post('/api/periods', body);
    expect(res.status).toBe(400);
    const p = (await res.json()) as Problem;
    expect(p.errors?.map((e) => e.path)).toContain(field);
    const periods = (await (await t.as(USERS.lead).get('/api/periods')).json()) as { id: string }[];
    expect(periods.map((x) => x.id)).not.toContain('2027-28-Q2');
  });

  it('when the period already exists, it answers 409', async () => {
    expect((await t.as(USERS.lead).post('/api/periods', { id: Q3, dueDate: '2027-01-31' })).status).toBe(409);
  });

  it.each([USERS.exec, USERS.police])('when %s tries to open a period, it is refused with 403', async (email) => {
    expect((await t.as(email).post('/api/periods', { id: '2028-29-Q1', dueDate: '2028-07-31' })).status).toBe(403);
  });
});

describe('listing returns', () => {
  it('when the lead lists a period, there is one row per reporting agency with the seeded mix of statuses', async () => {
    const rows = (await (await t.as(USERS.lead).get(`/api/returns?periodId=${Q3}`)).json()) as { agencyId: string; status: string; dueDate: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.agencyId, r.status]))).toEqual({
      'medway-council': 'submitted',
      'kent-police': 'returned',
      'nhs-kent-medway': 'draft',
      'medway-education': 'not-started',
    });
    expect(rows[0]?.dueDate).toBe('2027-01-31');
  });

  it('when a partner lists a period, only their own agency is shown', async () => {
    const rows = (await (await t.as(USERS.police).get(`/api/returns?periodId=${Q3}`)).json()) as { agencyId: string }[];
    expect(rows.map((r) => r.agencyId)).toEqual(['kent-police']);
  });

  it('when the period id is malformed or unknown, it answers 400 or 404', async () => {
    expect((await t.as(USERS.lead).get('/api/returns?periodId=Q3')).status).toBe(400);
    expect((await t.as(USERS.lead).get('/api/returns?periodId=2030-31-Q1')).status).toBe(404);
    expect((await t.as(USERS.lead).get('/api/returns')).status).toBe(400);
  });
});

describe('reading a return', () => {
  it('when a return is not started, it answers 200 with the sections to complete, carried forward from the last accepted return', async () => {
    const res = await t.as(USERS.education).get(`/api/returns/${Q3}/medway-education`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
    const v = (await res.json()) as View;
    expect(v.status).toBe('not-started');
    expect(v.sections.map((s) => s.workstreamId)).toEqual(['family-help', 'kinship', 'safeguarding', 'care-leavers']);
    expect(v.sections.some((s) => s.carriedForward && s.narrative.length > 0)).toBe(true);
  });

  it('when a saved return is read, it has an ETag', async () => {
    const res = await t.as(USERS.lead).get(`/api/returns/${Q3}/medway-council`);
    expect(res.status).toBe(200);
    const v = (await res.json()) as View;
    expect(res.headers.get('etag')).toBe(`"${v.version}"`);
  });

  it.each([
    [USERS.police, 'medway-council', 403],
    [USERS.council, 'kent-police', 403],
    [USERS.lead, 'no-such-agency', 404],
    [USERS.lead, 'Bad Agency!', 404],
  ])('when %s reads %s, it answers %i and no data', async (email, agency, status) => {
    const res = await t.as(email).get(`/api/returns/${Q3}/${agency}`);
    expect(res.status).toBe(status);
    expect(JSON.stringify(await res.json())).not.toContain('sections');
  });

  it('when the period does not exist, it answers 404', async () => {
    expect((await t.as(USERS.police).get('/api/returns/2030-31-Q1/kent-police')).status).toBe(404);
  });
});

describe('the whole round: draft, submit, return, fix, resubmit, accept', () => {
  const path = `/api/returns/${Q3}/medway-education`;
  let etag = '';

  it('when the partner saves the first draft without If-Match, it is created and audited in the same write', async () => {
    const before = await auditCount(`${Q3}/medway-education`);
    const res = await t.as(USERS.education).put(path, { sections: [section('family-help', { confidence: null, narrative: '' })] });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    const v = (await res.json()) as View;
    expect(v.status).toBe('draft');
    expect(v.version).toBe(1);
    expect(await auditCount(`${Q3}/medway-education`)).toBe(before + 1);
  });

  it('when an update has no If-Match, it answers 428; a stale one 412; nothing is written', async () => {
    const body = { sections: [section('family-help')] };
    expect((await t.as(USERS.education).put(path, body)).status).toBe(428);
    expect((await t.as(USERS.education).put(path, body, { 'If-Match': '"999"' })).status).toBe(412);
    const v = (await (await t.as(USERS.education).get(path)).json()) as View;
    expect(v.version).toBe(1);
  });

  it('when someone else in the agency has no right (lead, executive, another agency), the save is refused', async () => {
    const body = { sections: [section('family-help')] };
    expect((await t.as(USERS.lead).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.police).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).post(`${path}/submit`, {}, { 'If-Match': etag })).status).toBe(403);
  });

  it('when the body is bad, it names each bad field and writes nothing', async () => {
    const res = await t
      .as(USERS.education)
      .put(
        path,
        { sections: [section('placement-sufficiency'), section('kinship', { confidence: 'purple', risks: [{ title: '', likelihood: 'E', impact: 'V' }] })], extra: true },
        { 'If-Match': etag },
      );
    expect(res.status).toBe(400);
    const p = (await res.json()) as Problem;
    const paths = p.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['extra', 'sections[1].confidence']));
    expect(paths.some((x) => x.startsWith('sections[1].risks[0]'))).toBe(true);
    const wrongWs = await t.as(USERS.education).put(path, { sections: [section('placement-sufficiency')] }, { 'If-Match': etag });
    expect(wrongWs.status).toBe(400);
    expect(((await wrongWs.json()) as Problem).errors?.[0]?.path).toBe('sections[0].workstreamId');
    expect(((await (await t.as(USERS.education).get(path)).json()) as View).version).toBe(1);
  });

  it('when two saves race with the same ETag, exactly one wins', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) => t.as(USERS.education).put(path, { sections: [section('kinship', { narrative: `Kinship update ${n}.` })] }, { 'If-Match': etag })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412 || s === 409)).toHaveLength(2);
    etag = results.find((r) => r.status === 200)?.headers.get('etag') ?? '';
  });

  it('when the return is incomplete, submit is refused with 422 naming each missing answer', async () => {
    const res = await t.as(USERS.education).post(`${path}/submit`, {}, { 'If-Match': etag });
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors?.length).toBeGreaterThan(0);
  });

  it('when a red section has no risk or escalation, submit is refused for that section', async () => {
    const sections = [section('family-help', { confidence: 'red' }), section('kinship', PEP), section('safeguarding'), section('care-leavers')];
    const saved = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    etag = saved.headers.get('etag') ?? '';
    const res = await t.as(USERS.education).post(`${path}/submit`, {}, { 'If-Match': etag });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['sections[0].risks']);
  });

  it('when free text holds a valid NHS number, save is refused with 422 naming the field and kind, and nothing is written', async () => {
    const sections = [
      section('family-help', {
        confidence: 'red',
        risks: [{ title: 'Staffing', description: 'Vacancies in the team', likelihood: 'B', impact: 'II', mitigation: 'Agency staff', owner: 'Head of Service' }],
      }),
      section('kinship', { ...PEP, narrative: 'Case reference 943 476 5919 was discussed.' }),
      section('safeguarding'),
      section('care-leavers'),
    ];
    const before = await auditCount(`${Q3}/medway-education`);
    const saved = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag, 'Confirm-Personal-Data': 'true' });
    expect(saved.status).toBe(422);
    expect(((await saved.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'sections[1].narrative', kind: 'nhs-number' })]);
    expect(await auditCount(`${Q3}/medway-education`)).toBe(before);
    expect(((await (await t.as(USERS.education).get(path)).json()) as View).sections[1]?.narrative).not.toContain('943');
  });

  it('when stored text holds an NHS number (saved before the rule), submit is refused even with acknowledgement', async () => {
    const sections = [
      section('family-help', {
        confidence: 'red',
        risks: [{ title: 'Staffing', description: 'Vacancies in the team', likelihood: 'B', impact: 'II', mitigation: 'Agency staff', owner: 'Head of Service' }],
      }),
      section('kinship', PEP),
      section('safeguarding'),
      section('care-leavers'),
    ];
    const saved = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    etag = saved.headers.get('etag') ?? '';
    // What a deployment may hold from before: planted beneath the API.
    const key = returnKeys.section(t.config.partnershipId, Q3, 'medway-education', 'kinship');
    await t.doc.send(
      new UpdateCommand({
        TableName: t.config.tables.main,
        Key: key,
        UpdateExpression: 'SET narrative = :n',
        ExpressionAttributeValues: { ':n': 'Case reference 943 476 5919 was discussed.' },
      }),
    );
    const v = (await (await t.as(USERS.education).get(path)).json()) as View;
    expect(v.warnings).toEqual([expect.objectContaining({ path: 'sections[1].narrative', kind: 'nhs-number' })]);
    const res = await t.as(USERS.education).post(`${path}/submit`, { acknowledgeWarnings: true }, { 'If-Match': etag });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('sections[1].narrative');
  });

  it('when free text holds an email address, submit needs the submitter to confirm, and the confirmation is audited', async () => {
    const sections = [
      section('family-help', {
        confidence: 'red',
        risks: [{ title: 'Staffing', description: 'Vacancies in the team', likelihood: 'B', impact: 'II', mitigation: 'Agency staff', owner: 'Head of Service' }],
      }),
      section('kinship', { ...PEP, narrative: 'Queries to virtual.school@medway.example please.' }),
      section('safeguarding'),
      section('care-leavers'),
    ];
    const unconfirmedSave = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag });
    expect(unconfirmedSave.status).toBe(422);
    expect(((await unconfirmedSave.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'sections[1].narrative', kind: 'email' })]);
    const saved = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag, 'Confirm-Personal-Data': 'true' });
    expect(saved.status).toBe(200);
    etag = saved.headers.get('etag') ?? '';
    const unconfirmed = await t.as(USERS.education).post(`${path}/submit`, {}, { 'If-Match': etag });
    expect(unconfirmed.status).toBe(422);
    const res = await t.as(USERS.education).post(`${path}/submit`, { acknowledgeWarnings: true }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(((await res.json()) as View).status).toBe('submitted');
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=return&entityId=${Q3}/medway-education`)).json()) as {
      events: { action: string; meta?: { acknowledgedWarnings?: { kind: string }[] } }[];
    };
    const submit = audit.events.find((e) => e.action === 'return.submit');
    expect(submit?.meta?.acknowledgedWarnings?.[0]?.kind).toBe('email');
  });

  it('when the return is submitted, the partner can no longer write it (409)', async () => {
    expect((await t.as(USERS.education).put(path, { sections: [section('kinship')] }, { 'If-Match': etag })).status).toBe(409);
  });

  it('when a partner or executive tries to accept or return, it is refused', async () => {
    expect((await t.as(USERS.education).post(`${path}/accept`, undefined, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).post(`${path}/return`, { comment: 'No' }, { 'If-Match': etag })).status).toBe(403);
  });

  it('when the lead returns it with a comment, the agency sees the comment and can edit again', async () => {
    expect((await t.as(USERS.lead).post(`${path}/return`, {}, { 'If-Match': etag })).status).toBe(400);
    expect((await t.as(USERS.lead).post(`${path}/return`, { comment: 'See the child with NHS number 943 476 5919.' }, { 'If-Match': etag })).status).toBe(422);
    const res = await t.as(USERS.lead).post(`${path}/return`, { comment: 'Please remove the email address from the kinship section.' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    const v = (await (await t.as(USERS.education).get(path)).json()) as View;
    expect(v.status).toBe('returned');
    expect(v.review.comments.at(-1)?.comment).toMatch(/remove the email/);
  });

  it('when the partner fixes and resubmits, and the lead accepts, the return is locked', async () => {
    let cur = await t.as(USERS.education).get(path);
    etag = cur.headers.get('etag') ?? '';
    const v = (await cur.json()) as View;
    const sections = v.sections.map(({ workstreamId, confidence, narrative, milestones, risks, escalations, indicators }) => ({
      workstreamId,
      confidence,
      narrative: workstreamId === 'kinship' ? 'Queries go through the virtual school team.' : narrative,
      milestones,
      risks,
      escalations,
      metrics: [],
      indicators,
    }));
    const saved = await t.as(USERS.education).put(path, { sections }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    const submitted = await t.as(USERS.education).post(`${path}/submit`, {}, { 'If-Match': saved.headers.get('etag') ?? '' });
    expect(submitted.status).toBe(200);
    const accepted = await t.as(USERS.lead).post(`${path}/accept`, undefined, { 'If-Match': submitted.headers.get('etag') ?? '' });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as View).status).toBe('accepted');
    cur = await t.as(USERS.education).get(path);
    expect((await t.as(USERS.education).put(path, { sections: [section('kinship')] }, { 'If-Match': cur.headers.get('etag') ?? '' })).status).toBe(409);
    expect((await t.as(USERS.lead).post(`${path}/accept`, undefined, { 'If-Match': cur.headers.get('etag') ?? '' })).status).toBe(409);
  });

  it('when the lead reads the history, every change is there with who and when', async () => {
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=return&entityId=${Q3}/medway-education`)).json()) as {
      events: { action: string; actor: { email: string }; at: string; changes?: Record<string, unknown> }[];
    };
    const actions = audit.events.map((e) => e.action);
    expect(actions[0]).toBe('return.create');
    expect(actions).toEqual(expect.arrayContaining(['return.save', 'return.submit', 'return.return', 'return.accept']));
    expect(audit.events.find((e) => e.action === 'return.accept')?.actor.email).toBe(USERS.lead);
    expect(audit.events.find((e) => e.action === 'return.save')?.changes).toBeDefined();
  });

  it('when a partner or executive asks for the audit trail, it is refused', async () => {
    expect((await t.as(USERS.education).get(`/api/audit?entityType=return&entityId=${Q3}/medway-education`)).status).toBe(403);
    expect((await t.as(USERS.exec).get(`/api/audit?entityType=return&entityId=${Q3}/medway-education`)).status).toBe(403);
  });
});

describe('milestones', () => {
  it('when the lead adds, edits and closes a milestone, each step is versioned and audited', async () => {
    const created = await t
      .as(USERS.lead)
      .post('/api/workstreams/kinship/milestones', { title: 'Kinship carers forum launched', ownerAgencyId: 'medway-council', dueDate: '2027-03-31' });
    expect(created.status).toBe(201);
    const m = (await created.json()) as { id: string; version: number };
    expect(m.id).toBe('kinship-carers-forum-launched');
    const edited = await t.as(USERS.lead).patch(`/api/workstreams/kinship/milestones/${m.id}`, { status: 'on-track' }, { 'If-Match': created.headers.get('etag') ?? '' });
    expect(edited.status).toBe(200);
    expect((await t.as(USERS.lead).patch(`/api/workstreams/kinship/milestones/${m.id}`, { closed: true }, { 'If-Match': created.headers.get('etag') ?? '' })).status).toBe(412);
    expect((await t.as(USERS.lead).patch(`/api/workstreams/kinship/milestones/${m.id}`, { closed: true })).status).toBe(428);
    const closed = await t.as(USERS.lead).patch(`/api/workstreams/kinship/milestones/${m.id}`, { closed: true }, { 'If-Match': edited.headers.get('etag') ?? '' });
    expect(closed.status).toBe(200);
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=milestone&entityId=kinship/${m.id}`)).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(['milestone.create', 'milestone.update', 'milestone.close']);
  });

  it('when a partner or executive tries to add a milestone, it is refused', async () => {
    const body = { title: 'Something', ownerAgencyId: 'medway-council', dueDate: '2027-03-31' };
    expect((await t.as(USERS.council).post('/api/workstreams/kinship/milestones', body)).status).toBe(403);
    expect((await t.as(USERS.exec).post('/api/workstreams/kinship/milestones', body)).status).toBe(403);
  });

  it('when the owner is not an agency of the partnership, it answers 400 naming ownerAgencyId', async () => {
    const res = await t.as(USERS.lead).post('/api/workstreams/kinship/milestones', { title: 'Other', ownerAgencyId: 'nobody', dueDate: '2027-03-31' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('ownerAgencyId');
  });
});

describe('audit paging', () => {
  const history = (query: string) => t.as(USERS.lead).get(`/api/audit?entityType=return&entityId=${Q3}/medway-education${query}`);

  it('when a page cursor is followed, the next page continues where the first stopped', async () => {
    const all = (await (await history('')).json()) as { events: { eventId: string }[] };
    const first = (await (await history('&limit=2')).json()) as { events: { eventId: string }[]; cursor: string };
    const second = (await (await history(`&limit=2&cursor=${first.cursor}`)).json()) as { events: { eventId: string }[] };
    expect([...first.events, ...second.events].map((e) => e.eventId)).toEqual(all.events.slice(0, 4).map((e) => e.eventId));
  });

  it('when the cursor is garbage or points at another entity, it starts from the beginning instead of failing', async () => {
    const all = (await (await history('')).json()) as { events: { eventId: string }[] };
    const foreign = Buffer.from(JSON.stringify({ pk: 'P#mscp#AUDIT#user#someone', sk: 'z' })).toString('base64url');
    for (const cursor of ['not-a-cursor', foreign]) {
      const res = await history(`&cursor=${cursor}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { events: { eventId: string }[] }).events[0]?.eventId).toBe(all.events[0]?.eventId);
    }
  });
});
