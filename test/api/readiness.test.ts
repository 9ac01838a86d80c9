import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

type Matrix = {
  workstreamId: string;
  macpt: boolean;
  criteria: {
    id: string;
    title: string;
    agencyIds: string[];
    derived: boolean;
    derivedState: { ready: boolean } | null;
    assessments: { agencyId: string; status: string; validation: { outcome: string } | null; version: number }[];
  }[];
  scores: { agencyId: string; confirmed: number; selfAssessed: number }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const matrix = async (ws = 'safeguarding', email: string = USERS.police) => (await (await t.as(email).get(`/api/workstreams/${ws}/readiness`)).json()) as Matrix;
const cell = (m: Matrix, criterionId: string, agencyId: string) => m.criteria.find((c) => c.id === criterionId)?.assessments.find((a) => a.agencyId === agencyId);
const score = (m: Matrix, agencyId: string) => m.scores.find((s) => s.agencyId === agencyId)!;

describe('the MACPT matrix', () => {
  it('when anyone signed in reads it, it shows the seeded story: council ahead, police and health behind', async () => {
    const m = await matrix('safeguarding', USERS.exec);
    expect(m.criteria.length).toBeGreaterThanOrEqual(10);
    expect(score(m, 'medway-council').selfAssessed).toBeGreaterThan(score(m, 'kent-police').selfAssessed);
    expect(score(m, 'medway-council').selfAssessed).toBeGreaterThan(score(m, 'nhs-kent-medway').selfAssessed);
  });

  it('when a matrix is read, it says whether its workstream is the one marked as setting up the MACPTs', async () => {
    expect(await matrix('safeguarding')).toMatchObject({ workstreamId: 'safeguarding', macpt: true });
    expect(await matrix('family-help')).toMatchObject({ workstreamId: 'family-help', macpt: false });
  });

  it('when a criterion follows another record, it is marked derived with its state', async () => {
    const fh = await matrix('family-help');
    const derived = fh.criteria.find((c) => c.derived);
    expect(derived?.derivedState).toEqual(expect.objectContaining({ ready: false }));
    const kin = await matrix('kinship');
    expect(kin.criteria.find((c) => c.derived)?.derivedState?.ready).toBe(true);
  });

  it('when the workstream does not exist, it answers 404', async () => {
    expect((await t.as(USERS.police).get('/api/workstreams/nope/readiness')).status).toBe(404);
  });
});

describe('police assess, the lead challenges, police answer, the lead confirms', () => {
  const criterion = 'macpt-members-in-post';
  const path = `/api/readiness/${criterion}/kent-police`;
  let etag = '';

  it('when police mark it ready with evidence, the self-assessed score rises', async () => {
    const before = score(await matrix(), 'kent-police');
    const current = cell(await matrix(), criterion, 'kent-police');
    const headers: Record<string, string> = current && current.version > 0 ? { 'If-Match': `"${current.version}"` } : {};
    const res = await t
      .as(USERS.police)
      .put(path, { status: 'ready', evidence: 'Detective Sergeant post filled from January; protected time agreed.', targetDate: '2026-12-31' }, headers);
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(score(await matrix(), 'kent-police').selfAssessed).toBeGreaterThan(before.selfAssessed);
  });

  it('when other users try to assess for police, they are refused', async () => {
    const body = { status: 'ready', evidence: 'x' };
    expect((await t.as(USERS.council).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.lead).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).put(path, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.police).put(path, body)).status).toBe(428);
    expect((await t.as(USERS.police).put(path, body, { 'If-Match': '"77"' })).status).toBe(412);
  });

  it('when the lead challenges without a comment, the comment is named; with one, it is recorded', async () => {
    expect((await t.as(USERS.lead).post(`${path}/validate`, { outcome: 'challenged' }, { 'If-Match': etag })).status).toBe(400);
    expect((await t.as(USERS.police).post(`${path}/validate`, { outcome: 'confirmed' }, { 'If-Match': etag })).status).toBe(403);
    const res = await t.as(USERS.lead).post(`${path}/validate`, { outcome: 'challenged', comment: 'Attach the nomination letter.' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(cell(await matrix(), criterion, 'kent-police')?.validation?.outcome).toBe('challenged');
  });

  it('when police answer, the challenge clears; when the lead confirms, the confirmed score rises', async () => {
    const before = score(await matrix(), 'kent-police').confirmed;
    const answered = await t
      .as(USERS.police)
      .put(path, { status: 'ready', evidence: 'Nomination letter attached.', links: ['https://intranet.example/police/macpt-nomination'] }, { 'If-Match': etag });
    expect(answered.status).toBe(200);
    expect(cell(await matrix(), criterion, 'kent-police')?.validation).toBeNull();
    const confirmed = await t.as(USERS.lead).post(`${path}/validate`, { outcome: 'confirmed' }, { 'If-Match': answered.headers.get('etag') ?? '' });
    expect(confirmed.status).toBe(200);
    expect(score(await matrix(), 'kent-police').confirmed).toBeGreaterThan(before);
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=assessment&entityId=${criterion}/kent-police`)).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action).slice(-4)).toEqual(['readiness.assess', 'readiness.challenge', 'readiness.assess', 'readiness.confirm']);
  });

  it('when not applicable is chosen without a reason, reason is named and nothing is written', async () => {
    const res = await t.as(USERS.health).put('/api/readiness/macpt-members-in-post/nhs-kent-medway', { status: 'not-applicable' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('reason');
  });
});

describe('criteria management', () => {
  it('when the lead adds a criterion it appears in the matrix; others are refused', async () => {
    const body = { title: 'MACPT office space agreed', agencyIds: ['medway-council', 'kent-police'], targetDate: '2027-03-31' };
    expect((await t.as(USERS.police).post('/api/workstreams/safeguarding/criteria', body)).status).toBe(403);
    const res = await t.as(USERS.lead).post('/api/workstreams/safeguarding/criteria', body);
    expect(res.status).toBe(201);
    expect((await matrix()).criteria.map((c) => c.title)).toContain('MACPT office space agreed');
    const bad = await t.as(USERS.lead).post('/api/workstreams/safeguarding/criteria', { ...body, title: 'Other', agencyIds: ['nobody'] });
    expect(bad.status).toBe(400);
  });
});
