import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTables } from '../../functions/db/create-tables.js';
import { auditKeys } from '../../functions/db/keys.js';
import { AUDIT_TABLE } from '../../functions/db/table-design.js';
import { Writer, type Actor } from '../../functions/db/transact.js';
import { userIdFor } from '../../functions/seed/seed.js';
import { MAX_QUERIES_PER_PAGE } from '../../functions/services/audit-service.js';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';

/**
 * The lead's audit trail: one record's history, one person's actions, or the whole partnership,
 * narrowed by action and UK dates, in pages that are a few Queries each. Events are written with
 * the app's own Writer at chosen times, so months and British Summer Time are exercised.
 */
const NOW = new Date('2026-11-22T12:00:00Z');
const ITEM = 'audit-trail-test-item';

let t: TestApp;
let lead: Actor;
let council: Actor;
/** Every event this suite wrote, oldest first. */
const written: { eventId: string; at: string; action: string; by: string; entityId: string }[] = [];

interface Page {
  events: { eventId: string; at: string; action: string; entityId: string; actor: { userId: string; name: string } }[];
  cursor: string | null;
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  const pid = t.config.partnershipId;
  const actor = (email: string): Actor => {
    const u = t.seed.users.find((x) => x.email === email)!;
    return { userId: userIdFor(pid, email), email, name: u.name, role: u.role, agencyId: u.agencyId };
  };
  lead = actor(USERS.lead);
  council = actor(USERS.council);
  const writer = new Writer(t.doc, t.config.tables.audit, pid);
  const at = (iso: string, action: string, by: Actor, entityId = ITEM) =>
    writer.write([], { action, entityType: 'kinship-item', entityId, summary: `${action} at ${iso}` }, { actor: by, requestId: 'test', now: new Date(iso) }).then((e) => {
      written.push({ eventId: e.eventId, at: e.at, action, by: by.userId, entityId });
    });
  // In order: 23:30 UTC on 31 August is 00:30 on 1 September in London (BST); 23:30 UTC on
  // 31 October is still 31 October (GMT from 25 October); 00:10 UTC on 1 November is 1 November.
  await at('2026-08-15T10:00:00.000Z', 'kinship.create', council);
  await at('2026-08-31T23:30:00.000Z', 'kinship.update', council);
  await at('2026-09-10T09:00:00.000Z', 'kinship.submit', council);
  await at('2026-10-02T14:00:00.000Z', 'kinship.update', lead);
  await at('2026-10-31T23:30:00.000Z', 'kinship.update', council);
  await at('2026-11-01T00:10:00.000Z', 'kinship.update', council);
  await at('2026-11-20T16:45:00.000Z', 'kinship.publish', lead);
  await at('2026-11-21T08:00:00.000Z', 'kinship.update', council, `${ITEM}-other`);
  // Warm the signed-in person's status cache, so call counts below are the search's own.
  expect((await t.as(USERS.lead).get('/api/me')).status).toBe(200);
});
afterAll(async () => {
  await t.drop();
});

const get = async (query: string, who: string = USERS.lead): Promise<Page> => {
  const res = await t.as(who).get(`/api/audit${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};

/** Follows cursors to the end; fails if it does not end. */
async function allPages(query: string, limit: number, from: string | null = null): Promise<{ pages: Page[]; ids: string[] }> {
  const pages: Page[] = [];
  let cursor: string | null = from;
  do {
    const page: Page = await get(`${query}${query ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(page);
    cursor = page.cursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return { pages, ids: pages.flatMap((p) => p.events.map((e) => e.eventId)) };
}

const mine = (filter: (e: (typeof written)[number]) => boolean) => written.filter(filter);
const ofItem = (e: (typeof written)[number]) => e.entityId === ITEM;

describe('audit trail search', () => {
  it("when the lead searches by record, it answers that record's events oldest first, or newest first when asked", async () => {
    const page = await get(`?entityType=kinship-item&entityId=${ITEM}`);
    expect(page.events.map((e) => e.eventId)).toEqual(mine(ofItem).map((e) => e.eventId));
    expect(page.cursor).toBeNull();
    const newest = await get(`?entityType=kinship-item&entityId=${ITEM}&order=newest`);
    expect(newest.events.map((e) => e.eventId)).toEqual(
      mine(ofItem)
        .map((e) => e.eventId)
        .reverse(),
    );
  });

  it("when the lead searches by person, by id or by email, it answers only that person's events, newest first, with their name", async () => {
    const expected = mine((e) => e.by === council.userId)
      .map((e) => e.eventId)
      .reverse();
    for (const person of [council.userId, USERS.council]) {
      const page = await get(`?person=${encodeURIComponent(person)}`);
      expect(page.events.map((e) => e.eventId)).toEqual(expected);
      expect(new Set(page.events.map((e) => e.actor.name))).toEqual(new Set([council.name]));
    }
    expect((await get('?person=nobody%40mscp.example')).events).toEqual([]);
  });

  it('when the lead searches by action and UK dates, it answers the events of those days in London, both days included', async () => {
    const page = await get('?action=kinship.update&from=2026-09-01&to=2026-10-31');
    // 31 Aug 23:30 UTC is 1 Sep in London; 31 Oct 23:30 UTC is 31 Oct; 1 Nov 00:10 UTC is not in range.
    const expected = ['2026-10-31T23:30:00.000Z', '2026-10-02T14:00:00.000Z', '2026-08-31T23:30:00.000Z'];
    expect(page.events.map((e) => e.at)).toEqual(expected);
    expect(page.events.every((e) => e.action === 'kinship.update')).toBe(true);
    // The same filters narrow a record's history and a person's actions.
    expect((await get(`?entityType=kinship-item&entityId=${ITEM}&action=kinship.update&from=2026-09-01&to=2026-10-31`)).events.map((e) => e.at)).toEqual([...expected].reverse());
    expect((await get(`?person=${lead.userId}&from=2026-10-02&to=2026-10-02`)).events.map((e) => e.action)).toEqual(['kinship.update']);
    expect((await get(`?entityType=kinship-item&entityId=${ITEM}&person=${USERS.lead}`)).events.map((e) => e.action)).toEqual(['kinship.update', 'kinship.publish']);
  });

  it('when the lead asks for recent events, it answers every event of the partnership newest first, across months', async () => {
    const page = await get('?limit=500');
    const ids = page.events.map((e) => e.eventId);
    expect(ids).toEqual(expect.arrayContaining(written.map((e) => e.eventId)));
    const times = page.events.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    // A page reads at most a few months; the cursor goes on into older ones, where nothing is newer.
    const rest = page.cursor ? await allPages('', 500, page.cursor) : { pages: [], ids: [] };
    const older = rest.pages.flatMap((p) => p.events.map((e) => e.at));
    expect(older.every((at) => at < times.at(-1)!)).toBe(true);
  });

  it.each([
    ['by record', `?entityType=kinship-item&entityId=${ITEM}`, () => mine(ofItem)],
    ['by person', `?person=${userIdFor('mscp', USERS.council)}`, () => mine((e) => e.by === council.userId)],
    ['by action across months', '?action=kinship.update', () => mine((e) => e.action === 'kinship.update')],
    ['recent', '', () => written],
    ['by dates', '?from=2026-09-01&to=2026-11-20', () => mine((e) => e.at >= '2026-08-31T23' && e.at < '2026-11-21')],
  ])('when the lead pages through a search %s two events at a time, every event comes exactly once', async (_name, query, expected) => {
    const { ids } = await allPages(query, 2);
    expect(new Set(ids).size).toBe(ids.length);
    const mineIds = new Set(expected().map((e) => e.eventId));
    expect(ids.filter((id) => mineIds.has(id)).sort()).toEqual([...mineIds].sort());
  });

  it('when an event was written before the month index existed, it is still found by record and by person', async () => {
    const pid = t.config.partnershipId;
    const sk = '2026-07-01T09:00:00.000Z#old-event';
    const item = {
      eventId: 'old-event',
      at: '2026-07-01T09:00:00.000Z',
      actor: council,
      requestId: 'old',
      action: 'kinship.update',
      entityType: 'kinship-item',
      entityId: `${ITEM}-old`,
      summary: 'Old',
    };
    await t.doc.send(
      new PutCommand({
        TableName: t.config.tables.audit,
        Item: { pk: auditKeys.entity(pid, 'kinship-item', `${ITEM}-old`), sk, gsi1pk: auditKeys.actor(pid, council.userId), gsi1sk: sk, entity: 'AuditEvent', ...item },
      }),
    );
    expect((await get(`?entityType=kinship-item&entityId=${ITEM}-old`)).events.map((e) => e.eventId)).toEqual(['old-event']);
    expect((await get(`?person=${council.userId}&from=2026-07-01&to=2026-07-01`)).events.map((e) => e.eventId)).toEqual(['old-event']);
  });

  it('when the query is incomplete or the dates are the wrong way round, it answers 400 naming the field', async () => {
    for (const [query, field] of [
      ['?entityType=return', 'entityId'],
      ['?from=2026-10-02&to=2026-10-01', 'to'],
      ['?from=2026-02-30', 'from'],
      ['?action=DROP%20TABLE', 'action'],
    ] as const) {
      const res = await t.as(USERS.lead).get(`/api/audit${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
  });
});

describe('audit trail: the people to search by', () => {
  it('when the lead lists people, it answers names and ids, never email addresses or password hashes', async () => {
    const res = await t.as(USERS.lead).get('/api/audit/people');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { people: Record<string, unknown>[] };
    expect(body.people.map((p) => p.userId)).toEqual(expect.arrayContaining([lead.userId, council.userId]));
    expect(body.people.find((p) => p.userId === council.userId)?.name).toBe(council.name);
    const text = JSON.stringify(body);
    expect(text).not.toContain('@');
    expect(text).not.toContain('passwordHash');
  });
});

describe('audit trail: who may read it', () => {
  it.each([
    ['a partner', USERS.council, 403],
    ['the executive', USERS.exec, 403],
  ])('when %s asks, it is refused', async (_who, email, status) => {
    for (const path of ['/api/audit', `/api/audit?entityType=kinship-item&entityId=${ITEM}`, '/api/audit/people']) {
      expect((await t.as(email).get(path)).status, path).toBe(status);
    }
  });

  it('when nobody is signed in, it answers 401', async () => {
    for (const path of ['/api/audit', '/api/audit/people']) expect((await t.app.request(inPartnership(path))).status, path).toBe(401);
  });
});

describe('audit trail: access patterns', () => {
  it.each([
    ['recent', ''],
    ['a rare action over 24 months', '?action=threshold.issue'],
    ['by record with a filter', `?entityType=kinship-item&entityId=${ITEM}&action=kinship.publish&limit=1`],
    ['by person given as an email', `?person=${encodeURIComponent(USERS.council)}&action=kinship.create`],
  ])('when the lead searches %s, it uses Query only, and at most a few calls', async (_name, query) => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      await get(query);
      const names = send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
      expect(names.filter((n) => n !== 'QueryCommand' && n !== 'GetCommand')).toEqual([]);
      expect(names.filter((n) => n === 'QueryCommand').length).toBeLessThanOrEqual(MAX_QUERIES_PER_PAGE);
      expect(names.length).toBeLessThanOrEqual(MAX_QUERIES_PER_PAGE + 1);
    } finally {
      send.mockRestore();
    }
  });

  it('when a rare action is searched over many empty months, each page stays bounded and the cursor walks on to the end', async () => {
    const { pages } = await allPages('?action=threshold.issue', 50);
    // 24 months at most five a page: the walk ends within five pages, having found nothing of ours.
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(24 / MAX_QUERIES_PER_PAGE));
  });
});

describe('audit trail: a local audit table from before the month index', () => {
  it('when the tables are ensured, the missing index is added to the existing table', async () => {
    const name = `${t.config.tables.audit}-before-gsi2`;
    const key = (k: { partitionKey: string; sortKey: string }) => [
      { AttributeName: k.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: k.sortKey, KeyType: 'RANGE' as const },
    ];
    await t.client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
        KeySchema: key(AUDIT_TABLE),
        GlobalSecondaryIndexes: [{ IndexName: AUDIT_TABLE.gsi1.name, KeySchema: key(AUDIT_TABLE.gsi1), Projection: { ProjectionType: 'ALL' } }],
      }),
    );
    try {
      await ensureTables(t.client, { main: t.config.tables.main, audit: name });
      const described = await t.client.send(new DescribeTableCommand({ TableName: name }));
      expect((described.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual([AUDIT_TABLE.gsi1.name, AUDIT_TABLE.gsi2.name]);
    } finally {
      await t.client.send(new DeleteTableCommand({ TableName: name }));
    }
  });
});
