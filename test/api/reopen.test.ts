import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxKeys } from '../../functions/db/keys.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { seedWithoutCertification } from '../support/tables.js';

/**
 * Reopening an accepted return (issue 12 part 5): the lead reopens it with a reason, the agency can
 * correct it and submit again, it shows as reopened (list and tracker) until accepted again; audited
 * and the agency told. Medway Council's Q3 return is submitted in the demo.
 */
let t: TestApp;
beforeAll(async () => {
  // The submission and review flow of a partnership that does not certify returns (a new one's default); certification: test/api/certification.test.ts.
  t = await createTestApp({ seed: seedWithoutCertification() });
});
afterAll(async () => {
  await t.drop();
});

const path = '/api/returns/2026-27-Q3/medway-council';
const etag = async (email: string = USERS.lead) => (await t.as(email).get(path)).headers.get('etag') ?? '';
const row = async () =>
  ((await (await t.as(USERS.lead).get('/api/returns?periodId=2026-27-Q3')).json()) as { agencyId: string; status: string; reopened: boolean }[]).find(
    (r) => r.agencyId === 'medway-council',
  )!;

describe('reopening an accepted return', () => {
  it('when the return is only submitted, it cannot be reopened (409); nobody but the lead can reopen', async () => {
    expect((await t.as(USERS.lead).post(`${path}/reopen`, { reason: 'Fix the risk owner.' }, { 'If-Match': await etag() })).status).toBe(409);
    for (const who of [USERS.council, USERS.exec]) expect((await t.as(who).post(`${path}/reopen`, { reason: 'x' }, { 'If-Match': await etag() })).status).toBe(403);
  });

  it('when the lead reopens it without a reason, it is refused naming the field; with one, it is back with the agency, marked reopened, audited and queued to tell them', async () => {
    expect((await t.as(USERS.lead).post(`${path}/accept`, undefined, { 'If-Match': await etag() })).status).toBe(200);
    const empty = await t.as(USERS.lead).post(`${path}/reopen`, { reason: ' ' }, { 'If-Match': await etag() });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['reason']);

    const res = await t.as(USERS.lead).post(`${path}/reopen`, { reason: 'The kinship figures double count Q2.' }, { 'If-Match': await etag() });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { status: string; reopened: { reason: string; byName: string }; review: { comments: { comment: string }[] } };
    expect(view.status).toBe('returned');
    expect(view.reopened).toMatchObject({ reason: 'The kinship figures double count Q2.', byName: 'Jordan Ellis' });
    expect(view.review.comments.at(-1)!.comment).toBe('Reopened: The kinship figures double count Q2.');
    expect(await row()).toMatchObject({ status: 'returned', reopened: true });
    const tracker = (await (await t.as(USERS.exec).get('/api/tracker?periodId=2026-27-Q3')).json()) as { returns: { agencyId: string; reopened: boolean }[] };
    expect(tracker.returns.find((r) => r.agencyId === 'medway-council')?.reopened).toBe(true);
    const events = (await t.auditEventsOf('return', '2026-27-Q3/medway-council')).filter((e) => e.action === 'return.reopen');
    expect(events).toHaveLength(1);
    expect(events[0]!.meta).toEqual({ reason: 'The kinship figures double count Q2.' });
    const outbox = await t.doc.send(
      new QueryCommand({ TableName: t.config.tables.main, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': outboxKeys.partition(t.config.partnershipId) } }),
    );
    expect((outbox.Items ?? []).map((i) => i.kind)).toContain('return-reopened');
  });

  it('when the agency submits it again and the lead accepts it, it is no longer shown as reopened', async () => {
    expect((await t.as(USERS.council).post(`${path}/submit`, {}, { 'If-Match': await etag(USERS.council) })).status).toBe(200);
    expect(await row()).toMatchObject({ status: 'submitted', reopened: true });
    expect((await t.as(USERS.lead).post(`${path}/accept`, undefined, { 'If-Match': await etag() })).status).toBe(200);
    expect(await row()).toMatchObject({ status: 'accepted', reopened: false });
  });
});
