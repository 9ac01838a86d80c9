import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';

type Item = {
  id: string;
  status: string;
  version: number;
  title: string;
  ownerAgencyId: string;
  published: { title: string } | null;
  revisionPending: boolean;
  nextReviewDue: string | null;
};
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
const publicOffer = async () => (await (await t.app.request(inPartnership('/api/public/kinship-offer'))).json()) as PublicOffer;
const publicTitles = async () => (await publicOffer()).groups.flatMap((g) => g.items.map((i) => i.title));

describe('the seeded offer', () => {
  it('when the public reads the offer without signing in, only published items show, grouped, without internal fields', async () => {
    const res = await t.app.request(inPartnership('/api/public/kinship-offer'));
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
    expect((await edit.json()) as Item).toMatchObject({ status: 'in-review', revisionPending: true });
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

type Problem = { status: number; type: string; detail: string; errors: { path: string; message: string; kind?: string }[] };
type Reviewed = Item & { reviewComments: { comment: string; by: string; byName: string; at: string }[] };
const itemPath = (id: string) => `/api/kinship-offer/items/${id}`;
/** The item's audit events, oldest first, read from the audit table itself (what was written, not a view of it). */
const auditOf = async (id: string) => (await t.auditEventsOf('kinship-item', id)) as { action: string; meta?: { comment?: string } }[];
const read = async (id: string) => {
  const res = await t.as(USERS.lead).get(itemPath(id));
  return { item: (await res.json()) as Reviewed, etag: res.headers.get('etag') ?? '' };
};

describe('an item must say who it is for, how to apply and a contact before review or publication', () => {
  let id = '';
  let etag = '';
  const incomplete = { ...draft, title: 'Kinship carers walking group', howToApply: '', contact: '   ' };
  const MISSING = [
    { path: 'howToApply', message: 'Say how to apply' },
    { path: 'contact', message: 'Give a contact: a phone number, email or web page families can use' },
  ];

  it('when a partner drafts an item without how to apply or a contact, the draft is saved', async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', incomplete);
    expect(res.status).toBe(201);
    id = ((await res.json()) as Item).id;
    etag = res.headers.get('etag') ?? '';
  });

  it('when it is sent for review, it is refused with 422 naming each missing field in plain English, and nothing is written', async () => {
    const res = await t.as(USERS.health).post(`${itemPath(id)}/submit`, undefined, { 'If-Match': etag });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual(MISSING);
    expect(problem.detail).toContain('Say how to apply');
    const after = await read(id);
    expect(after.etag).toBe(etag);
    expect(after.item.status).toBe('draft');
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['kinship.create']);
  });

  it('when the lead publishes it, it is refused the same way and stays off the public page', async () => {
    const res = await t.as(USERS.lead).post(`${itemPath(id)}/publish`, undefined, { 'If-Match': etag });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual(MISSING);
    expect((await read(id)).etag).toBe(etag);
    expect(await publicTitles()).not.toContain(incomplete.title);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['kinship.create']);
  });

  it('when only the contact is missing, only the contact is named; once it is given, the item goes for review', async () => {
    const edit = await t.as(USERS.health).patch(itemPath(id), { howToApply: 'Just come along.' }, { 'If-Match': etag });
    expect(edit.status).toBe(200);
    const refused = await t.as(USERS.health).post(`${itemPath(id)}/submit`, undefined, { 'If-Match': edit.headers.get('etag') ?? '' });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors.map((e) => e.path)).toEqual(['contact']);
    const filled = await t.as(USERS.health).patch(itemPath(id), { contact: 'Ask your health visitor.' }, { 'If-Match': edit.headers.get('etag') ?? '' });
    const sent = await t.as(USERS.health).post(`${itemPath(id)}/submit`, undefined, { 'If-Match': filled.headers.get('etag') ?? '' });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as Item).status).toBe('in-review');
  });
});

describe('the lead returns an item to its agency with a comment', () => {
  const COMMENT = 'Say which family hubs run the walks, and on which days.';
  let id = '';

  it('when someone other than the lead, or nobody, returns it, it is refused and nothing is written', async () => {
    const items = (await (await t.as(USERS.lead).get('/api/kinship-offer/items?status=in-review')).json()) as Item[];
    id = items.find((i) => i.title === 'Kinship carers walking group')!.id;
    const { etag } = await read(id);
    const body = { comment: COMMENT };
    expect((await t.as(USERS.health).post(`${itemPath(id)}/return`, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.council).post(`${itemPath(id)}/return`, body, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.exec).post(`${itemPath(id)}/return`, body, { 'If-Match': etag })).status).toBe(403);
    const anonymous = await t.app.request(inPartnership(`${itemPath(id)}/return`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
    expect((await read(id)).etag).toBe(etag);
  });

  it('when the If-Match is missing or stale, or the comment is empty or holds an NHS number, it is refused and nothing is written', async () => {
    const { etag } = await read(id);
    expect((await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: COMMENT })).status).toBe(428);
    expect((await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: COMMENT }, { 'If-Match': `"${Number(/\d+/.exec(etag)![0]) - 1}"` })).status).toBe(412);
    const empty = await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: '  ' }, { 'If-Match': etag });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).errors.map((e) => e.path)).toEqual(['comment']);
    const extra = await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: COMMENT, status: 'draft' }, { 'If-Match': etag });
    expect(extra.status).toBe(400);
    expect((await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: 'x'.repeat(2001) }, { 'If-Match': etag })).status).toBe(400);
    const nhs = await t
      .as(USERS.lead)
      .post(`${itemPath(id)}/return`, { comment: 'The child with NHS number 943 476 5919 used this.' }, { 'If-Match': etag, 'Confirm-Personal-Data': 'true' });
    expect(nhs.status).toBe(422);
    expect(((await nhs.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'comment', kind: 'nhs-number' })]);
    const after = await read(id);
    expect(after.etag).toBe(etag);
    expect(after.item).toMatchObject({ status: 'in-review', reviewComments: [] });
  });

  it('when the lead returns it, it is back with the agency with the comment kept, audited once, and the agency sees the comment', async () => {
    const { etag } = await read(id);
    const res = await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: COMMENT }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    const returned = (await res.json()) as Reviewed;
    expect(returned.status).toBe('returned');
    expect(returned.reviewComments).toEqual([{ comment: COMMENT, by: USERS.lead, byName: expect.any(String), at: expect.any(String) }]);
    expect(returned.reviewComments[0]!.byName).not.toContain('@');
    expect(res.headers.get('etag')).not.toBe(etag);
    const seen = (await (await t.as(USERS.health).get(itemPath(id))).json()) as Reviewed;
    expect(seen.reviewComments.map((c) => c.comment)).toEqual([COMMENT]);
    const events = await auditOf(id);
    expect(events.filter((e) => e.action === 'kinship.return')).toEqual([expect.objectContaining({ meta: expect.objectContaining({ comment: COMMENT }) })]);
    const register = (await (await t.as(USERS.health).get('/api/kinship-offer/items?status=returned')).json()) as Item[];
    expect(register.map((i) => i.id)).toContain(id);
  });

  it('when it is returned again, it is refused as it is no longer in review, and nothing is audited', async () => {
    const { etag } = await read(id);
    const before = (await auditOf(id)).length;
    const again = await t.as(USERS.lead).post(`${itemPath(id)}/return`, { comment: COMMENT }, { 'If-Match': etag });
    expect(again.status).toBe(409);
    expect((await auditOf(id)).length).toBe(before);
  });

  it('when the agency edits the returned item and sends it again, it is in review with the comments kept', async () => {
    const { etag } = await read(id);
    const edit = await t.as(USERS.health).patch(itemPath(id), { summary: 'Walks every Tuesday from Chatham and Gillingham family hubs.' }, { 'If-Match': etag });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as Item).status).toBe('returned');
    const sent = await t.as(USERS.health).post(`${itemPath(id)}/submit`, undefined, { 'If-Match': edit.headers.get('etag') ?? '' });
    expect(sent.status).toBe(200);
    expect((await sent.json()) as Reviewed).toMatchObject({ status: 'in-review', reviewComments: [expect.objectContaining({ comment: COMMENT })] });
  });

  it('when a change to a published item is returned, families keep reading the published text', async () => {
    const seeded = await read('therapeutic-support-nhs');
    const publishedTitle = seeded.item.published!.title;
    const edit = await t.as(USERS.health).patch(itemPath('therapeutic-support-nhs'), { title: 'Therapy for kinship children (changed)' }, { 'If-Match': seeded.etag });
    expect(edit.status).toBe(200);
    const res = await t
      .as(USERS.lead)
      .post(`${itemPath('therapeutic-support-nhs')}/return`, { comment: 'Keep the title families know.' }, { 'If-Match': edit.headers.get('etag') ?? '' });
    expect(res.status).toBe(200);
    expect((await res.json()) as Reviewed).toMatchObject({ status: 'returned', revisionPending: true, published: { title: publishedTitle } });
    const titles = await publicTitles();
    expect(titles).toContain(publishedTitle);
    expect(titles).not.toContain('Therapy for kinship children (changed)');
  });
});
