import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

/** The audit records real changes only: the same answers saved again are not a change. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const Q3 = '2026-27-Q3';
const path = `/api/returns/${Q3}/medway-education`;
const events = (entityType: string, entityId: string) => t.auditEventsOf(entityType, entityId);

const risk = { title: 'Staffing', description: 'Vacancies in the team', likelihood: 'B', impact: 'II', mitigation: 'Agency staff', owner: 'Head of Service' };
const section = (narrative: string, risks: unknown[] = [risk]) => ({
  workstreamId: 'family-help',
  confidence: 'amber',
  narrative,
  milestones: [],
  risks,
  escalations: [],
  metrics: [],
});

describe('audit of real changes only', () => {
  let etag = '';

  it('when a return is saved, then saved again with the same answers, the second save writes and records nothing', async () => {
    const first = await t.as(USERS.education).put(path, { sections: [section('Family hubs opened in Chatham.')] });
    expect(first.status).toBe(200);
    etag = first.headers.get('etag')!;
    const before = (await events('return', `${Q3}/medway-education`)).length;
    const again = await t.as(USERS.education).put(path, { sections: [section('Family hubs opened in Chatham.')] }, { 'If-Match': etag });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await events('return', `${Q3}/medway-education`)).length).toBe(before);
  });

  it('when a risk comes back with its fields in another order and an empty optional field, it is not a change', async () => {
    const { owner, mitigation, ...rest } = risk;
    const reordered = { owner, ...rest, mitigation };
    const res = await t.as(USERS.education).put(path, { sections: [section('Family hubs opened in Chatham.', [reordered])] }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etag);
  });

  it('when only the narrative changes, the history names only the narrative', async () => {
    const res = await t.as(USERS.education).put(path, { sections: [section('Family hubs opened in Chatham and Gillingham.')] }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag')!;
    const last = (await events('return', `${Q3}/medway-education`)).at(-1) as { changes: Record<string, unknown> };
    expect(Object.keys(last.changes)).toEqual(['family-help.narrative']);
  });

  it('when the return is submitted, it shows who by name', async () => {
    const view = (await (await t.as(USERS.education).get(path)).json()) as { updatedByName: string | null };
    expect(view.updatedByName).toBe(t.seed.users.find((u) => u.email === USERS.education)!.name);
  });

  it('when a kinship item is patched with the value it already has, nothing is written or recorded', async () => {
    const items = (await (await t.as(USERS.lead).get('/api/kinship-offer/items')).json()) as { id: string; title: string }[];
    const item = items[0]!;
    const got = await t.as(USERS.lead).get(`/api/kinship-offer/items/${item.id}`);
    const before = (await events('kinship-item', item.id)).length;
    const res = await t.as(USERS.lead).patch(`/api/kinship-offer/items/${item.id}`, { title: item.title }, { 'If-Match': got.headers.get('etag')! });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(got.headers.get('etag'));
    expect((await events('kinship-item', item.id)).length).toBe(before);
  });
});
