import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

type Item = { id: string; status: string; version: number; title: string; ownerAgencyId: string; published: { title: string } | null; revisionPending: boolean; nextReviewDue: string | null };
type PublicOffer = { lastUpdated: string | null; groups: { category: string; items: Record<string, unknown>[] }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const draft = {
  category: 'peer-support',
  title: 'Kinship carers coffee mornings',
  summary: 'Meet other kinship carers once a month at a family hub.',
  arrangementTypes: ['special-guardianship-order', 'child-arrangements-order'],
  audience: ['carers'],
  eligibility: 'Any kinship carer living in Medway.',
  howToApply: 'Just come along; no need to book.',
  meansTested: 'no',
  providerAgencyId: 'nhs-kent-medway',
  contact: 'Ask your health visitor.',
};
const publicOffer = async () => (await (await t.app.request('/api/public/kinship-offer')).json()) as PublicOffer;
const publicTitles = async () => (await publicOffer()).groups.flatMap((g) => g.items.map((i) => i.title));

describe('the seeded offer', () => {
  it('when the public reads the offer without signing in, only published items show, grouped, without internal fields', async () => {
    const res = await t.app.request('/api/public/kinship-offer');
    expect(res.status).toBe(200);
    const offer = (await res.json()) as PublicOffer;
    expect(offer.groups.length).toBeGreaterThanOrEqual(6);
    expect(offer.lastUpdated).toBeTruthy();
    const text = JSON.stringify(offer);
    for (const internal of ['status', 'createdBy', 'updatedBy', 'version', 'ownerAgencyId', 'revision', 'lastReviewedAt']) expect(text).not.toContain(`"${internal}"`);
    const staff = (await (await t.as(USERS.lead).get('/api/kinship-offer/items?status=draft')).json()) as Item[];
    expect(staff.length).toBeGreaterThan(0);
    for (const d of staff) expect(await publicTitles()).not.toContain(d.title);
  });

  it('when the lead reads coverage, all statutory categories are covered and one review is overdue', async () => {
    const res = await t.as(USERS.lead).get('/api/kinship-offer/coverage');
    const c = (await res.json()) as { complete: boolean; gaps: string[]; overdueReviews: { id: string }[] };
    expect(c.complete).toBe(true);
    expect(c.gaps).toEqual([]);
    expect(c.overdueReviews.map((o) => o.id)).toEqual(['kinship-foster-carer-fees']);
  });

  it('when a partner asks for coverage, it is refused', async () => {
    expect((await t.as(USERS.police).get('/api/kinship-offer/coverage')).status).toBe(403);
  });

  it('when the register is filtered, the filters apply and bad filters are named', async () => {
    const fin = (await (await t.as(USERS.council).get('/api/kinship-offer/items?category=financial-support')).json()) as { category: string }[];
    expect(fin.length).toBeGreaterThan(0);
    expect(fin.every((i) => i.category === 'financial-support')).toBe(true);
    const bad = await t.as(USERS.council).get('/api/kinship-offer/items?category=money');
    expect(bad.status).toBe(400);
  });
});

describe('a partner drafts, the lead publishes', () => {
  let id = '';
  let etag = '';

  it('when a partner drafts an item, it belongs to their agency and is a draft', async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', draft);
    expect(res.status).toBe(201);
    const item = (await res.json()) as Item;
    expect(item).toMatchObject({ status: 'draft', ownerAgencyId: 'nhs-kent-medway', published: null });
    id = item.id;
    etag = res.headers.get('etag') ?? '';
    expect(await publicTitles()).not.toContain(draft.title);
  });

  it('when financial support has no decision process, or a field is bad, it names each field', async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', { ...draft, category: 'financial-support', arrangementTypes: ['adoption'], extra: 1 });
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['arrangementTypes[0]', 'extra']));
  });

  it('when free text holds an NHS number, the item is refused with 422 naming the field', async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', { ...draft, summary: 'Support for the child with NHS number 943 476 5919.' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string; kind: string }[] }).errors).toEqual([expect.objectContaining({ path: 'summary', kind: 'nhs-number' })]);
  });

  it('when another agency, the executive or a stale writer edits it, it is refused', async () => {
    expect((await t.as(USERS.police).patch(`/api/kinship-offer/items/${id}`, { title: 'Mine now' }, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).patch(`/api/kinship-offer/items/${id}`, { title: 'Mine now' }, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { title: 'x' })).status).toBe(428);
    expect((await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { title: 'x' }, { 'If-Match': '"42"' })).status).toBe(412);
  });

  it('when the partner submits and the lead publishes, it appears on the public page with a review date a year on', async () => {
    const sub = await t.as(USERS.health).post(`/api/kinship-offer/items/${id}/submit`, undefined, { 'If-Match': etag });
    expect(sub.status).toBe(200);
    etag = sub.headers.get('etag') ?? '';
    expect((await t.as(USERS.health).post(`/api/kinship-offer/items/${id}/publish`, undefined, { 'If-Match': etag })).status).toBe(403);
    const pub = await t.as(USERS.lead).post(`/api/kinship-offer/items/${id}/publish`, undefined, { 'If-Match': etag });
    expect(pub.status).toBe(200);
    const item = (await pub.json()) as Item;
    expect(item.status).toBe('published');
    expect(item.nextReviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await publicTitles()).toContain(draft.title);
    etag = pub.headers.get('etag') ?? '';
  });

  it('when a published item is edited, the published text stays live until the lead publishes the revision', async () => {
    const edit = await t.as(USERS.health).patch(`/api/kinship-offer/items/${id}`, { title: 'Kinship carers monthly meet-ups' }, { 'If-Match': etag });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as Item)).toMatchObject({ status: 'in-review', revisionPending: true });
    expect(await publicTitles()).toContain(draft.title);
    expect(await publicTitles()).not.toContain('Kinship carers monthly meet-ups');
    const republished = await t.as(USERS.lead).post(`/api/kinship-offer/items/${id}/publish`, undefined, { 'If-Match': edit.headers.get('etag') ?? '' });
    expect(republished.status).toBe(200);
    etag = republished.headers.get('etag') ?? '';
    expect(await publicTitles()).toContain('Kinship carers monthly meet-ups');
  });

  it('when the lead retires it, it leaves the public page and every step is audited', async () => {
    expect((await t.as(USERS.lead).post(`/api/kinship-offer/items/${id}/retire`, undefined, { 'If-Match': etag })).status).toBe(200);
    expect(await publicTitles()).not.toContain('Kinship carers monthly meet-ups');
    const audit = (await (await t.as(USERS.lead).get(`/api/audit?entityType=kinship-item&entityId=${id}`)).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(['kinship.create', 'kinship.submit', 'kinship.publish', 'kinship.update', 'kinship.publish', 'kinship.retire']);
  });
});
