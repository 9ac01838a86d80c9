import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeys, measureKeys, returnKeys } from '../../functions/db/keys.js';
import type { Problem } from '../../shared/http/problem.js';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';

/**
 * Erasure: personal data that slipped through is replaced by "[removed]" in the record, its
 * earlier revisions and the audit events that carried it; the erasure event says who, when, which
 * field and why, never the text.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const PHONE = '07700 900123';
const NHS = '943 476 5919';
const Q3 = '2026-27-Q3';

const auditOf = (entityType: string, entityId: string) => t.auditEventsOf(entityType, entityId);
const dump = async (table: string) => JSON.stringify((await t.doc.send(new ScanCommand({ TableName: table }))).Items);

describe('erasing personal data', () => {
  let itemId = '';
  let etag = '';

  it("when a confirmed phone number turns out to be a carer's, the lead erases it from the item, its published revision and its audit events", async () => {
    const created = await t.as(USERS.health).post(
      '/api/kinship-offer/items',
      {
        category: 'health-and-wellbeing',
        title: 'Carer wellbeing calls',
        summary: `Call Mrs Example on ${PHONE} for a wellbeing check.`,
        arrangementTypes: ['special-guardianship-order'],
        providerAgencyId: 'nhs-kent-medway',
        howToApply: 'Ask your social worker.',
        contact: 'Kinship health team, 01634 331234',
      },
      { 'Confirm-Personal-Data': 'true' },
    );
    expect(created.status).toBe(201);
    itemId = ((await created.json()) as { id: string }).id;
    let res = await t.as(USERS.health).post(`/api/kinship-offer/items/${itemId}/submit`, undefined, { 'If-Match': created.headers.get('etag')! });
    expect(res.status).toBe(200);
    res = await t.as(USERS.lead).post(`/api/kinship-offer/items/${itemId}/publish`, undefined, { 'If-Match': res.headers.get('etag')! });
    expect(res.status).toBe(200);
    etag = res.headers.get('etag')!;
    expect(await dump(t.config.tables.main)).toContain(PHONE);
    expect(JSON.stringify(await auditOf('kinship-item', itemId))).toContain(PHONE);

    const erased = await t
      .as(USERS.lead)
      .post('/api/erasures', { entityType: 'kinship-item', entityId: itemId, field: 'summary', text: PHONE, reason: "A carer's personal mobile number, not a service number." });
    expect(erased.status).toBe(200);
    const result = (await erased.json()) as { recordReplacements: number; auditEvents: number };
    expect(result.recordReplacements).toBeGreaterThanOrEqual(3); // draft text, published text, revision
    expect(result.auditEvents).toBeGreaterThanOrEqual(1);

    expect(await dump(t.config.tables.main)).not.toContain(PHONE);
    expect(await dump(t.config.tables.audit)).not.toContain(PHONE);
    const item = (await (await t.as(USERS.lead).get(`/api/kinship-offer/items/${itemId}`)).json()) as { summary: string; published: { summary: string } };
    expect(item.summary).toBe('Call Mrs Example on [removed] for a wellbeing check.');
    expect(item.published.summary).toContain('[removed]');
    const pub = (await (await t.app.request(inPartnership('/api/public/kinship-offer'))).json()) as unknown;
    expect(JSON.stringify(pub)).not.toContain(PHONE);
  });

  it('when the erasure is recorded, the event names who, which field and why, never the text', async () => {
    const events = await auditOf('kinship-item', itemId);
    const erasure = events.find((e) => e.action === 'personal-data.erase');
    expect(erasure).toMatchObject({
      actor: expect.objectContaining({ email: USERS.lead }),
      meta: expect.objectContaining({ field: 'summary', reason: expect.stringContaining('personal mobile') }),
    });
    expect(JSON.stringify(erasure)).not.toContain('900123');
    // The events that carried the text say they were rewritten, and by which erasure.
    expect(events.filter((e) => e.erasedBy === erasure?.eventId).length).toBeGreaterThanOrEqual(1);
  });

  it('when a form opened before the erasure saves, it is refused as stale so the text cannot come back', async () => {
    const res = await t
      .as(USERS.lead)
      .patch(`/api/kinship-offer/items/${itemId}`, { summary: `Call Mrs Example on ${PHONE}.` }, { 'If-Match': etag, 'Confirm-Personal-Data': 'true' });
    expect(res.status).toBe(412);
  });

  it('when an NHS number saved before the rule sits in a return section and its audit event, the lead erases it', async () => {
    // Planted beneath the API, as an old deployment may hold it.
    const key = returnKeys.section(t.config.partnershipId, Q3, 'kent-police', 'safeguarding');
    const before = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item;
    const text = `Strategy meeting for the child with NHS number ${NHS} held.`;
    await t.doc.send(
      new PutCommand({
        TableName: t.config.tables.main,
        Item: {
          ...(before ?? {
            ...key,
            entity: 'ReturnSection',
            periodId: Q3,
            agencyId: 'kent-police',
            workstreamId: 'safeguarding',
            risks: [],
            milestones: [],
            escalations: [],
            metrics: [],
          }),
          narrative: text,
        },
      }),
    );
    await t.doc.send(
      new PutCommand({
        TableName: t.config.tables.audit,
        Item: {
          pk: auditKeys.entity(t.config.partnershipId, 'return', `${Q3}/kent-police`),
          sk: '2026-01-01T00:00:00.000Z#old',
          entity: 'AuditEvent',
          action: 'return.save',
          summary: 'Saved',
          changes: { narrative: { from: '', to: text } },
        },
      }),
    );
    const res = await t.as(USERS.lead).post('/api/erasures', {
      entityType: 'return',
      entityId: `${Q3}/kent-police`,
      field: 'sections[safeguarding].narrative',
      text: NHS,
      reason: 'An NHS number entered before the portal refused them.',
    });
    expect(res.status).toBe(200);
    expect(await dump(t.config.tables.main)).not.toContain(NHS);
    expect(await dump(t.config.tables.audit)).not.toContain(NHS);
  });

  it("when an indicator value's note holds a phone number, the lead erases it from the section and from the value kept beside the indicator", async () => {
    const path = `/api/returns/${Q3}/nhs-kent-medway`;
    const read = await t.as(USERS.health).get(path);
    const view = (await read.json()) as { sections: { workstreamId: string; indicators: { indicatorId: string; value: number | null }[] }[] };
    const section = view.sections.find((x) => x.workstreamId === 'placement-sufficiency')!;
    const indicators = section.indicators.map((v) => ({ ...v, note: `Ask Dr Example on ${PHONE} why it moved.` }));
    const saved = await t
      .as(USERS.health)
      .put(
        path,
        { sections: [{ workstreamId: 'placement-sufficiency', confidence: 'amber', narrative: 'Assessments improving.', indicators }] },
        { 'If-Match': read.headers.get('etag')!, 'Confirm-Personal-Data': 'true' },
      );
    expect(saved.status).toBe(200);
    const key = measureKeys.values(t.config.partnershipId, 'placement-sufficiency', Q3, 'nhs-kent-medway');
    const before = await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }));
    expect(JSON.stringify(before.Item)).toContain(PHONE);

    const erased = await t
      .as(USERS.lead)
      .post('/api/erasures', { entityType: 'return', entityId: `${Q3}/nhs-kent-medway`, field: 'indicators', text: PHONE, reason: "A doctor's personal number." });
    expect(erased.status).toBe(200);
    const after = await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }));
    expect(JSON.stringify(after.Item)).not.toContain(PHONE);
    expect(JSON.stringify(after.Item)).toContain('[removed]');
    expect(await dump(t.config.tables.main)).not.toContain(PHONE);
  });

  it('when a note of a figure from before the portal (a quarter with no return) needs erasing, the lead erases it there too', async () => {
    const text = 'sufficiency strategy (seed 003)';
    const key = measureKeys.values(t.config.partnershipId, 'placement-sufficiency', '2025-26-Q3', 'medway-council');
    expect(JSON.stringify((await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item)).toContain(text);
    const erased = await t
      .as(USERS.lead)
      .post('/api/erasures', { entityType: 'return', entityId: '2025-26-Q3/medway-council', field: 'indicators', text, reason: 'A test of erasing history notes.' });
    expect(erased.status, await erased.clone().text()).toBe(200);
    expect(((await erased.json()) as { recordReplacements: number }).recordReplacements).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify((await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item)).not.toContain(text);
  });

  it('when the text is not in the record or its history, nothing is written and the lead is told to copy it exactly', async () => {
    const before = (await auditOf('kinship-item', itemId)).length;
    const res = await t.as(USERS.lead).post('/api/erasures', { entityType: 'kinship-item', entityId: itemId, field: 'summary', text: 'not there at all', reason: 'Test' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('text');
    expect((await auditOf('kinship-item', itemId)).length).toBe(before);
  });

  it('when the reason itself holds an NHS number, it is refused', async () => {
    const res = await t.as(USERS.lead).post('/api/erasures', { entityType: 'kinship-item', entityId: itemId, field: 'summary', text: '[removed]', reason: `Contained ${NHS}` });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'reason', kind: 'nhs-number' })]);
  });

  it('when the record does not exist, it answers 404', async () => {
    const res = await t.as(USERS.lead).post('/api/erasures', { entityType: 'milestone', entityId: 'safeguarding/no-such-milestone', field: 'title', text: 'abc', reason: 'Test' });
    expect(res.status).toBe(404);
  });

  it.each([USERS.council, USERS.exec, USERS.health])('when %s (not the lead) asks to erase, it is refused and nothing changes', async (who) => {
    const before = await dump(t.config.tables.audit);
    const res = await t.as(who).post('/api/erasures', { entityType: 'kinship-item', entityId: itemId, field: 'summary', text: 'Mrs Example', reason: 'Test' });
    expect(res.status).toBe(403);
    expect(await dump(t.config.tables.audit)).toBe(before);
  });
});
