import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { loadSeed, seedDemo, userIdFor } from '../../functions/seed/seed.js';
import { apiDocument, createTestApp, USERS, type TestApp } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/**
 * Several partnerships in one deployment (issue 13, first step): every partnership's API lives under
 * `/api/p/{partnershipId}`, and each request is answered from the records of the partnership its
 * path names. Medway's demo and Kent's share the tables; Kent Police's and the NHS's demo people
 * work in both, Medway's lead in Medway only.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const setup = createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 });
  await seedDemo(setup, t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
});
afterAll(async () => {
  await t.drop();
});

const KENT = '/api/p/kscmp';
/** Kent's audit events (only tests scan: the API never does). */
const kentAuditCount = async () =>
  (
    await t.doc.send(
      new ScanCommand({
        TableName: t.config.tables.audit,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': 'P#kscmp#' },
        Select: 'COUNT',
        ConsistentRead: true,
      }),
    )
  ).Count ?? 0;

/** Values for the path parameters of every route, in Kent. */
const SAMPLE: Record<string, string> = {
  partnershipId: 'kscmp',
  periodId: '2026-27-Q3',
  agencyId: 'kent-police',
  id: 'family-help-kent',
  milestoneId: 'x',
  versionId: 'x',
  criterionId: 'x',
  workstreamId: 'family-help-kent',
};
const kentRoutes = () =>
  Object.entries(apiDocument().paths)
    .filter(([path]) => path.startsWith('/api/p/{partnershipId}/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x') })));

describe('one person, the partnership in the path', () => {
  it('when Riley Shaw (in both) reads each partnership, each answers with its own data and his role there', async () => {
    const riley = t.as(USERS.police);
    const kent = (await (await riley.get(`${KENT}/partnership`)).json()) as { partnership: { id: string; name: string }; workstreams: { id: string }[] };
    const medway = (await (await riley.get('/api/p/mscp/partnership')).json()) as { partnership: { id: string }; workstreams: { id: string }[] };
    expect(kent.partnership).toMatchObject({ id: 'kscmp', name: 'Kent Safeguarding Children Multi-Agency Partnership' });
    expect(medway.partnership.id).toBe('mscp');
    expect(kent.workstreams.map((w) => w.id)).not.toEqual(expect.arrayContaining(medway.workstreams.map((w) => w.id)));
    const me = (await (await riley.get(`${KENT}/me`)).json()) as { role: string; agencyId: string; signatory: boolean };
    expect(me).toMatchObject({ role: 'partner', agencyId: 'kent-police', signatory: true });
    const rows = (await (await riley.get(`${KENT}/returns?periodId=2026-27-Q3`)).json()) as { agencyId: string }[];
    expect(rows.map((r) => r.agencyId)).toEqual(['kent-police']);
  });

  it('when the NHS officer saves Kent’s NHS return, the change is Kent’s: its audit trail has it and Medway’s NHS return is untouched', async () => {
    const jesse = t.as(USERS.healthOfficer);
    const medwayBefore = (await (await jesse.get('/api/p/mscp/returns/2026-27-Q3/nhs-kent-medway')).json()) as { version: number };
    const before = await kentAuditCount();
    const read = await jesse.get(`${KENT}/returns/2026-27-Q3/nhs-kent-medway`);
    const kentReturn = (await read.json()) as { status: string; sections: { workstreamId: string }[] };
    expect(kentReturn.status).toBe('draft');
    const sections = kentReturn.sections.map((s) => ({
      workstreamId: s.workstreamId,
      confidence: 'green',
      narrative: 'Steady progress in Kent.',
      milestones: [],
      risks: [],
      escalations: [],
      metrics: [],
    }));
    expect((await jesse.put(`${KENT}/returns/2026-27-Q3/nhs-kent-medway`, { sections }, { 'If-Match': read.headers.get('etag') ?? '' })).status).toBe(200);
    expect(await kentAuditCount()).toBe(before + 1);
    expect(((await (await jesse.get('/api/p/mscp/returns/2026-27-Q3/nhs-kent-medway')).json()) as { version: number }).version).toBe(medwayBefore.version);
  });
});

describe('the MACPT workstream, from each partnership’s data', () => {
  type Matrix = { workstreamId: string; workstreamName: string; macpt: boolean };
  type Tracker = { readiness: { workstreamId: string; name: string; highlighted: boolean }[] };
  type Data = { workstreams: { id: string; macpt?: boolean }[] };
  const answer = async <T>(res: Response) => {
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const get = async <T>(email: string, path: string) => answer<T>(await t.as(email).get(path));
  /** Kent's executive (the test app's users are Medway's). */
  const kentExec = async (path: string) => {
    const u = loadSeed('kscmp').users.find((x) => x.role === 'executive')!;
    const { token } = await t.issuer.issue({ ...u, id: userIdFor('kscmp', u.email) });
    return answer<Tracker>(await t.app.request(path, { headers: { Authorization: `Bearer ${token}` } }));
  };

  it('when Kent’s tracker and readiness are read, its own MACPT workstream (multi-agency-child-protection) is the one highlighted and marked, and Medway’s is its own', async () => {
    const kent = await kentExec(`${KENT}/tracker`);
    expect(kent.readiness.filter((r) => r.highlighted).map((r) => [r.workstreamId, r.name])).toEqual([['multi-agency-child-protection', 'Multi-agency child protection']]);
    const medway = await get<Tracker>(USERS.exec, '/api/p/mscp/tracker');
    expect(medway.readiness.filter((r) => r.highlighted).map((r) => r.workstreamId)).toEqual(['safeguarding']);

    expect(await get<Matrix>(USERS.police, `${KENT}/workstreams/multi-agency-child-protection/readiness`)).toMatchObject({
      workstreamId: 'multi-agency-child-protection',
      workstreamName: 'Multi-agency child protection',
      macpt: true,
    });
    expect(await get<Matrix>(USERS.police, `${KENT}/workstreams/family-help-kent/readiness`)).toMatchObject({ macpt: false });
    const marked = (await get<Data>(USERS.police, `${KENT}/partnership`)).workstreams.filter((w) => w.macpt).map((w) => w.id);
    expect(marked).toEqual(['multi-agency-child-protection']);
  });
});

describe('one sign-in, several partnerships', () => {
  it('when people ask which partnerships they work in, Riley Shaw is in both with his role in each and Medway’s lead in Medway only', async () => {
    const list = async (email: string) =>
      ((await (await t.as(email).get('/api/partnerships')).json()) as { partnerships: { id: string; role: string; agencyId: string | null }[] }).partnerships;
    expect(await list(USERS.police)).toEqual([
      expect.objectContaining({ id: 'kscmp', name: 'Kent Safeguarding Children Multi-Agency Partnership', role: 'partner', agencyId: 'kent-police' }),
      expect.objectContaining({ id: 'mscp', name: 'Medway Safeguarding Children Partnership', role: 'partner', agencyId: 'kent-police' }),
    ]);
    expect((await list(USERS.lead)).map((p) => p.id)).toEqual(['mscp']);
    expect((await t.app.request('/api/partnerships')).status).toBe(401);
  });

  it('when Avery Khan (NHS signatory in both) asks what needs her everywhere, each partnership’s list is its own, named, and links into it', async () => {
    type Lists = { partnerships: { id: string; name: string; items: { key: string; href: string }[] }[] };
    // Seen from Medway's pages: Kent's list; seen from Kent's: Medway's.
    const fromMedway = await t.as(USERS.health).get('/api/partnerships/attention?except=mscp');
    expect(fromMedway.status).toBe(200);
    const kentOnly = ((await fromMedway.json()) as Lists).partnerships;
    expect(kentOnly.map((p) => p.id)).toEqual(['kscmp']);
    const medwayOnly = ((await (await t.as(USERS.health).get('/api/partnerships/attention?except=kscmp')).json()) as Lists).partnerships;
    expect(medwayOnly.map((p) => p.id)).toEqual(['mscp']);
    const kent = kentOnly[0]!;
    const medway = medwayOnly[0]!;
    expect(kent.name).toBe('Kent Safeguarding Children Multi-Agency Partnership');
    // Each partnership's threshold version waits for the NHS's sign-off, each in its own pages.
    expect(kent.items).toContainEqual(expect.objectContaining({ key: expect.stringMatching(/^sign-off#/), href: '/p/kscmp/threshold' }));
    expect(medway.items).toContainEqual(expect.objectContaining({ key: 'sign-off#v3-0', href: '/p/mscp/threshold' }));
    expect(kent.items.every((i) => i.href.startsWith('/p/kscmp/'))).toBe(true);
    expect(medway.items.every((i) => i.href.startsWith('/p/mscp/'))).toBe(true);
    // Medway's lead works nowhere else; the partnership to leave out must be named, and well-formed.
    expect(((await (await t.as(USERS.lead).get('/api/partnerships/attention?except=mscp')).json()) as Lists).partnerships).toEqual([]);
    expect((await t.as(USERS.lead).get('/api/partnerships/attention')).status).toBe(400);
    expect((await t.as(USERS.lead).get('/api/partnerships/attention?except=Not_A_Slug')).status).toBe(400);
    expect((await t.app.request('/api/partnerships/attention?except=mscp')).status).toBe(401);
  });

  it('when Kent’s lead (in Kent only) signs in, the one sign-in finds them, and they work in Kent and nowhere else', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'lead@kscmp.example', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const get = (path: string) => t.app.request(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await (await get('/api/partnerships')).json()) as { partnerships: { id: string; role: string }[] }).partnerships).toEqual([
      expect.objectContaining({ id: 'kscmp', role: 'lead' }),
    ]);
    expect(await (await get(`${KENT}/me`)).json()).toMatchObject({ name: 'Alex Mercer', role: 'lead', agencyId: 'kent-county-council' });
    // Not in Medway's records: for them, Medway's partnership does not exist.
    expect((await get('/api/p/mscp/partnership')).status).toBe(404);
    const wrong = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'lead@kscmp.example', password: 'not-the-password' }),
    });
    expect(wrong.status).toBe(401);
  });
});

describe('isolation', () => {
  it('when Medway’s lead (not in Kent) calls every route of Kent’s API, each answers 404 and nothing is written', async () => {
    const before = await kentAuditCount();
    const token = await t.tokenFor(USERS.lead);
    const answers: string[] = [];
    for (const r of kentRoutes()) {
      const body = r.method === 'GET' ? {} : { body: '{}' };
      const res = await t.app.request(r.path, { method: r.method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' }, ...body });
      if (res.status !== 404) answers.push(`${r.method} ${r.path}: ${res.status}`);
      else expect(((await res.json()) as { detail: string }).detail).toBe('There is no partnership kscmp.');
    }
    expect(kentRoutes().length).toBeGreaterThan(50);
    expect(answers).toEqual([]);
    expect(await kentAuditCount()).toBe(before);
  });

  it('when a partnership does not exist, signed-in people get 404 and nobody signed out learns anything (401)', async () => {
    expect((await t.as(USERS.lead).get('/api/p/no-such-partnership/partnership')).status).toBe(404);
    expect((await t.as(USERS.police).get('/api/p/Not_A_Slug/partnership')).status).toBe(404);
    expect((await t.app.request('/api/p/kscmp/partnership')).status).toBe(401);
    expect((await t.app.request('/api/p/no-such-partnership/partnership')).status).toBe(401);
  });

  it('when anyone reads a partnership’s public offer, it is that partnership’s, and one that does not exist is 404', async () => {
    const kent = (await (await t.app.request('/api/public/p/kscmp/kinship-offer')).json()) as { partnership: string };
    const medway = (await (await t.app.request('/api/public/p/mscp/kinship-offer')).json()) as { partnership: string };
    expect(kent.partnership).toBe('Kent Safeguarding Children Multi-Agency Partnership');
    expect(medway.partnership).toBe('Medway Safeguarding Children Partnership');
    expect((await t.app.request('/api/public/p/no-such-partnership/kinship-offer')).status).toBe(404);
  });
});
