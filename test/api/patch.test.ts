import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdFor } from '../../functions/seed/seed.js';
import { apiDocument, createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * PATCH means patch: only the fields sent change (no defaults fill the others), an empty body is
 * 400, and the item that results is checked as a new one would be (unknown agency ids refused).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };
const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
};
const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path);
/** Fields the server sets on every write, which a PATCH is expected to move on. */
const withoutBookkeeping = <T extends Record<string, unknown>>(x: T) => {
  const { version: _v, updatedAt: _u, updatedBy: _b, status: _s, revisionPending: _r, warnings: _w, ...rest } = x;
  return rest;
};

describe('the PATCH routes', () => {
  it('when the API is described, the PATCH routes are the ones this file covers', () => {
    const doc = apiDocument();
    const patches = Object.entries(doc.paths)
      .filter(([, ops]) => 'patch' in ops)
      .map(([p]) => p)
      .sort();
    expect(patches).toEqual([
      '/api/p/{partnershipId}/agencies/{agencyId}',
      '/api/p/{partnershipId}/kinship-offer/items/{id}',
      '/api/p/{partnershipId}/people/{id}',
      '/api/p/{partnershipId}/workstreams/{id}',
      '/api/p/{partnershipId}/workstreams/{id}/criteria/{criterionId}',
      '/api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}',
      '/api/p/{partnershipId}/workstreams/{id}/milestones/{milestoneId}',
    ]);
  });
});

describe('PATCH a person', () => {
  const id = () => userIdFor(t.config.partnershipId, USERS.councilOfficer);
  const read = async () => {
    const res = await t.as(USERS.lead).get(`/api/people/${id()}`);
    return { etag: res.headers.get('etag') ?? '', person: ((await res.json()) as { person: Record<string, unknown> }).person };
  };

  it('when only the name is sent, only the name changes', async () => {
    const before = await read();
    const res = await t.as(USERS.lead).patch(`/api/people/${id()}`, { name: 'Casey Brooks-Hart' }, { 'If-Match': before.etag });
    expect(res.status).toBe(200);
    const after = (await res.json()) as Record<string, unknown>;
    expect(withoutBookkeeping(after)).toEqual({ ...withoutBookkeeping(before.person), name: 'Casey Brooks-Hart' });
  });

  it('when the body is empty, it is 400 and nothing changes', async () => {
    const before = await read();
    const res = await t.as(USERS.lead).patch(`/api/people/${id()}`, {}, { 'If-Match': before.etag });
    expect(res.status).toBe(400);
    expect((await read()).person).toEqual(before.person);
  });

  it('when the result breaks a rule (a partner with no agency), it is refused naming the field', async () => {
    const before = await read();
    const res = await t.as(USERS.lead).patch(`/api/people/${id()}`, { agencyId: null }, { 'If-Match': before.etag });
    expect(res.status).toBe(400);
    expect(paths(await problemOf(res))).toEqual(['agencyId']);
    expect((await read()).person).toEqual(before.person);
  });
});

describe('PATCH a Kinship Local Offer item', () => {
  const full = {
    category: 'peer-support',
    title: 'Grandparent carers group',
    summary: 'A fortnightly group for grandparents raising grandchildren.',
    arrangementTypes: ['special-guardianship-order', 'informal'],
    audience: ['children', 'carers'],
    eligibility: 'Grandparents caring for a grandchild in Medway.',
    howToApply: 'Ask the kinship team to refer you.',
    meansTested: 'no',
    howDecisionsAreMade: 'The kinship team agrees places each month.',
    providerAgencyId: 'nhs-kent-medway',
    providerName: null,
    contact: 'Kinship team, Gun Wharf.',
  };
  let id = '';
  let etag = '';
  const item = (etagOut?: { value: string }) =>
    t
      .as(USERS.health)
      .get(`/api/kinship-offer/items/${id}`)
      .then(async (r) => {
        if (etagOut) etagOut.value = r.headers.get('etag') ?? '';
        return (await r.json()) as Record<string, unknown>;
      });

  beforeAll(async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', full);
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    etag = res.headers.get('etag') ?? '';
  });

  it('when one field is sent, it alone changes: fields with defaults on create keep their stored values', async () => {
    const before = await item();
    const res = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { title: 'Grandparent carers group (fortnightly)' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    const after = await item();
    expect(after).toMatchObject({
      audience: ['children', 'carers'],
      eligibility: full.eligibility,
      howToApply: full.howToApply,
      meansTested: 'no',
      howDecisionsAreMade: full.howDecisionsAreMade,
      providerAgencyId: 'nhs-kent-medway',
      contact: full.contact,
    });
    expect(withoutBookkeeping(after)).toEqual({ ...withoutBookkeeping(before), title: 'Grandparent carers group (fortnightly)' });
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=kinship-item&entityId=${id}`)).json()) as {
      events: { action: string; changes?: Record<string, unknown> }[];
    };
    expect(Object.keys(audit.events.at(-1)?.changes ?? {})).toEqual(['title']);
  });

  it('when the body is empty, it answers 400 asking for at least one field and writes nothing', async () => {
    const res = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, {}, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.[0]?.message).toMatch(/at least one field/i);
    const tag = { value: '' };
    await item(tag);
    expect(tag.value).toBe(etag);
  });

  it('when an unknown agency, or an edit that breaks a rule of new items, is sent, it is refused naming the field', async () => {
    const unknown = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { providerAgencyId: 'nobody' }, { 'If-Match': etag });
    expect(unknown.status).toBe(400);
    expect(paths(await problemOf(unknown))).toEqual(['providerAgencyId']);
    const noProvider = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { providerAgencyId: null }, { 'If-Match': etag });
    expect(noProvider.status).toBe(400);
    expect(paths(await problemOf(noProvider))).toEqual(['providerName']);
    const financial = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { category: 'financial-support', howDecisionsAreMade: null }, { 'If-Match': etag });
    expect(financial.status).toBe(400);
    expect(paths(await problemOf(financial))).toEqual(['howDecisionsAreMade']);
    const notEditable = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { ownerAgencyId: 'kent-police', version: 9 }, { 'If-Match': etag });
    expect(notEditable.status).toBe(400);
    expect(paths(await problemOf(notEditable))).toEqual(expect.arrayContaining(['ownerAgencyId', 'version']));
    const tag = { value: '' };
    await item(tag);
    expect(tag.value).toBe(etag);
  });
});

describe('PATCH a workstream', () => {
  const workstream = async () => {
    const res = await t.as(USERS.lead).get('/api/workstreams/placement-sufficiency');
    return { etag: res.headers.get('etag') ?? `"${((await res.clone().json()) as { version: number }).version}"`, w: (await res.json()) as Record<string, unknown> };
  };

  it('when only the description is sent, only the description changes', async () => {
    const before = await workstream();
    const res = await t
      .as(USERS.lead)
      .patch('/api/workstreams/placement-sufficiency', { description: 'More local foster homes and children’s homes.' }, { 'If-Match': before.etag });
    expect(res.status).toBe(200);
    const after = await workstream();
    expect(withoutBookkeeping(after.w)).toEqual({ ...withoutBookkeeping(before.w), description: 'More local foster homes and children’s homes.' });
  });

  it('when the body is empty or names an agency that is not the partnership’s, it is 400 naming the field and nothing changes', async () => {
    const before = await workstream();
    expect((await t.as(USERS.lead).patch('/api/workstreams/placement-sufficiency', {}, { 'If-Match': before.etag })).status).toBe(400);
    const res = await t.as(USERS.lead).patch('/api/workstreams/placement-sufficiency', { leadAgencyId: 'nobody' }, { 'If-Match': before.etag });
    expect(res.status).toBe(400);
    expect(paths(await problemOf(res))).toEqual(['leadAgencyId']);
    expect((await workstream()).w).toEqual(before.w);
  });
});

describe('PATCH a milestone', () => {
  const base = '/api/workstreams/kinship/milestones';
  let id = '';
  let etag = '';
  const milestone = async () =>
    ((await (await t.as(USERS.lead).get('/api/workstreams/kinship')).json()) as { milestones: Record<string, unknown>[] }).milestones.find((m) => m.id === id)!;

  beforeAll(async () => {
    const res = await t
      .as(USERS.lead)
      .post(base, { title: 'Kinship hub opened', description: 'The hub opens at the family centre.', ownerAgencyId: 'medway-council', dueDate: '2027-05-31', status: 'at-risk' });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    etag = res.headers.get('etag') ?? '';
  });

  it('when only the due date is sent, the description and status it was created with stay', async () => {
    const before = await milestone();
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { dueDate: '2027-06-30' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(await milestone()).toEqual({ ...before, dueDate: '2027-06-30', version: (before.version as number) + 1 });
  });

  it('when the body is empty, it answers 400 asking for at least one field', async () => {
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, {}, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.[0]?.message).toMatch(/at least one field/i);
  });

  it('when the owner is not an agency of the partnership, it is refused as on create and nothing changes', async () => {
    const before = await milestone();
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { ownerAgencyId: 'nobody' }, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect(paths(await problemOf(res))).toEqual(['ownerAgencyId']);
    expect(await milestone()).toEqual(before);
  });
});

describe('PATCH an outcome indicator', () => {
  const base = '/api/workstreams/care-leavers/indicators';
  let id = '';
  let etag = '';
  const indicator = async () =>
    (
      (await (await t.as(USERS.lead).get('/api/measures?workstreamId=care-leavers')).json()) as { workstreams: { indicators: Record<string, unknown>[] }[] }
    ).workstreams[0]!.indicators.find((i) => i.id === id)!;

  beforeAll(async () => {
    const res = await t.as(USERS.lead).post(base, {
      name: 'Care leavers with a pathway plan',
      definition: 'Care leavers with a pathway plan reviewed in the last six months.',
      unit: 'percentage',
      direction: 'higher',
      target: 90,
      tolerance: 5,
      reportingAgencyId: 'medway-council',
      source: 'Leaving care service',
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    etag = res.headers.get('etag') ?? '';
  });

  it('when only the target is sent, the tolerance, source and the rest it was created with stay', async () => {
    const before = await indicator();
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { target: 92 }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(await indicator()).toEqual({ ...before, target: 92, version: (before.version as number) + 1 });
  });

  it('when the change breaks a rule across fields (a percentage target above 100), it is refused as on create and nothing changes', async () => {
    const before = await indicator();
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { target: 120 }, { 'If-Match': etag });
    expect(res.status).toBe(422);
    expect(paths(await problemOf(res))).toEqual(['target']);
    expect(await indicator()).toEqual(before);
  });

  it('when the body is empty, it answers 400 asking for at least one field', async () => {
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, {}, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.[0]?.message).toMatch(/at least one field/i);
  });
});

describe('PATCH a readiness criterion', () => {
  const base = '/api/workstreams/safeguarding/criteria';
  let id = '';
  let etag = '';
  type Criterion = Record<string, unknown> & { id: string; version: number };
  const criterion = async () =>
    ((await (await t.as(USERS.lead).get('/api/workstreams/safeguarding/readiness')).json()) as { criteria: Criterion[] }).criteria.find((c) => c.id === id)!;
  const stored = (c: Criterion) => {
    const { assessments: _a, derived: _d, derivedState: _s, overdue: _o, ...rest } = c;
    return rest;
  };

  beforeAll(async () => {
    const res = await t.as(USERS.lead).post(base, {
      title: 'Information sharing agreement signed',
      description: 'Each agency signs the MACPT agreement.',
      agencyIds: ['medway-council', 'kent-police'],
      evidenceExpected: 'The signed agreement.',
      targetDate: '2027-01-31',
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    etag = res.headers.get('etag') ?? '';
  });

  it('when only the title is sent, the description, evidence, agencies and target date stay', async () => {
    const before = stored(await criterion());
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { title: 'Information sharing agreement signed by all' }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(stored(await criterion())).toEqual({ ...before, title: 'Information sharing agreement signed by all', version: (before.version as number) + 1 });
  });

  it('when the body is empty, it answers 400 asking for at least one field', async () => {
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, {}, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors?.[0]?.message).toMatch(/at least one field/i);
  });

  it('when an agency id is not one of the partnership, it is refused naming it, as on create, and nothing changes', async () => {
    const before = stored(await criterion());
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { agencyIds: ['medway-council', 'nobody'] }, { 'If-Match': etag });
    expect(res.status).toBe(400);
    expect(paths(await problemOf(res))).toEqual(['agencyIds[1]']);
    expect(stored(await criterion())).toEqual(before);
  });

  it('when a target date is cleared with null, it is cleared (null is a value, not an absent field)', async () => {
    const res = await t.as(USERS.lead).patch(`${base}/${id}`, { targetDate: null }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag') ?? '';
    expect(await criterion()).toMatchObject({ targetDate: null, description: 'Each agency signs the MACPT agreement.' });
  });
});
