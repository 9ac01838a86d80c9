import { gunzipSync } from 'node:zlib';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { trackerKeys } from '../../functions/db/keys.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { testConfig } from '../support/tables.js';

/**
 * The tracker's read model (issue 16 part 3): after any sequence of changes made through the API,
 * the tracker as served (from the model each change left behind) equals the tracker worked out
 * afresh from the records, for the lead and the executive, for the current period and by id.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const Q3 = '2026-27-Q3';
const WORKSTREAMS = ['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers'] as const;
const CONFIDENCES = ['green', 'amber-green', 'amber', 'amber-red', 'red'] as const;
/** Each agency's preparer and its signatory (Medway certifies returns). */
const AGENCIES = {
  'medway-council': { preparer: 'council.officer@mscp.example', signatory: 'council@mscp.example' },
  'kent-police': { preparer: 'police.officer@mscp.example', signatory: 'police@mscp.example' },
  'nhs-kent-medway': { preparer: 'health.officer@mscp.example', signatory: 'health@mscp.example' },
  'medway-education': { preparer: 'education@mscp.example', signatory: 'education.head@mscp.example' },
} as const;
type AgencyId = keyof typeof AGENCIES;
const AGENCY_IDS = Object.keys(AGENCIES) as AgencyId[];

type Change =
  | { kind: 'overall'; ws: string; confidence: string | null }
  | { kind: 'save'; agency: AgencyId; ws: string; confidence: string }
  | { kind: 'submit' | 'certify' | 'accept' | 'return' | 'reopen'; agency: AgencyId }
  | { kind: 'milestone'; ws: string; day: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('overall' as const), ws: fc.constantFrom(...WORKSTREAMS), confidence: fc.constantFrom<string | null>(...CONFIDENCES, null) }),
  fc.record({ kind: fc.constant('save' as const), agency: fc.constantFrom(...AGENCY_IDS), ws: fc.constantFrom(...WORKSTREAMS), confidence: fc.constantFrom(...CONFIDENCES) }),
  fc.record({ kind: fc.constantFrom('submit' as const, 'certify' as const, 'accept' as const, 'return' as const, 'reopen' as const), agency: fc.constantFrom(...AGENCY_IDS) }),
  fc.record({ kind: fc.constant('milestone' as const), ws: fc.constantFrom(...WORKSTREAMS), day: fc.integer({ min: 1, max: 28 }) }),
);

const etagOf = async (email: string, path: string) => (await t.as(email).get(path)).headers.get('etag') ?? undefined;
const withEtag = (etag: string | undefined): Record<string, string> => (etag ? { 'If-Match': etag } : {});

/** Makes one change through the API as the person who would. Refusals (a return in the wrong state, a section the agency does not report) are part of the game. */
async function apply(c: Change): Promise<void> {
  if (c.kind === 'overall') {
    const tr = (await (await t.as(USERS.lead).get(`/api/tracker?periodId=${Q3}`)).json()) as { matrix: { workstreamId: string; overall: { version: number } }[] };
    const version = tr.matrix.find((m) => m.workstreamId === c.ws)?.overall.version ?? 0;
    await t.as(USERS.lead).put(`/api/tracker/overall/${Q3}/${c.ws}`, { confidence: c.confidence, note: 'Property test.' }, version ? { 'If-Match': `"${version}"` } : {});
    return;
  }
  if (c.kind === 'milestone') {
    await t
      .as(USERS.lead)
      .post(`/api/workstreams/${c.ws}/milestones`, { title: `Property milestone ${c.day}`, ownerAgencyId: 'medway-council', dueDate: `2026-12-${String(c.day).padStart(2, '0')}` });
    return;
  }
  const path = `/api/returns/${Q3}/${c.agency}`;
  const people = AGENCIES[c.agency];
  switch (c.kind) {
    case 'save': {
      const section = { workstreamId: c.ws, confidence: c.confidence, narrative: `Property test narrative for ${c.ws}.` };
      await t.as(people.preparer).put(path, { sections: [section] }, withEtag(await etagOf(people.preparer, path)));
      return;
    }
    case 'submit':
      await t.as(people.preparer).post(`${path}/submit`, { acknowledgeWarnings: true }, withEtag(await etagOf(people.preparer, path)));
      return;
    case 'certify':
      await t.as(people.signatory).post(`${path}/certify`, undefined, withEtag(await etagOf(people.signatory, path)));
      return;
    case 'accept':
      await t.as(USERS.lead).post(`${path}/accept`, undefined, withEtag(await etagOf(USERS.lead, path)));
      return;
    case 'return':
      await t.as(USERS.lead).post(`${path}/return`, { comment: 'Property test comment.' }, withEtag(await etagOf(USERS.lead, path)));
      return;
    case 'reopen':
      await t.as(USERS.lead).post(`${path}/reopen`, { reason: 'Property test correction.' }, withEtag(await etagOf(USERS.lead, path)));
      return;
  }
}

/** The tracker as served, without the moment it was worked out. */
async function served(email: string, query: string): Promise<unknown> {
  const res = await t.as(email).get(`/api/tracker${query}`);
  expect(res.status).toBe(200);
  const { generatedAt: _g, ...rest } = (await res.json()) as { generatedAt: string };
  return rest;
}

/** Moves the count of changes on beneath the API: no stored view may be served, so the next reads are worked out afresh. */
async function invalidate(): Promise<void> {
  await t.doc.send(
    new UpdateCommand({ TableName: t.config.tables.main, Key: trackerKeys.epoch('mscp'), UpdateExpression: 'ADD epoch :one', ExpressionAttributeValues: { ':one': 1 } }),
  );
}

describe('the tracker read model', () => {
  it('when any sequence of changes is made, the tracker served equals the tracker worked out afresh, for the lead and the executive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        for (const c of changes) await apply(c);
        const reads = [USERS.lead, USERS.exec].flatMap((email) => ['', `?periodId=${Q3}`].map((query) => ({ email, query })));
        // Every read first as served (the model the changes left: one call each), then all afresh.
        const asServed = [];
        // Each person's own record is read at most once a minute on any request: read it now, so the counts below are the tracker's own.
        for (const email of [USERS.lead, USERS.exec]) expect((await t.as(email).get('/api/me')).status).toBe(200);
        for (const r of reads) {
          const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
          try {
            asServed.push(await served(r.email, r.query));
            expect(send.mock.calls.map((call) => (call[0] as { constructor: { name: string } }).constructor.name)).toEqual(['BatchGetCommand']);
          } finally {
            send.mockRestore();
          }
        }
        await invalidate();
        for (const [i, r] of reads.entries())
          expect(await served(r.email, r.query), `${r.email} ${r.query || '(current period)'} after ${JSON.stringify(changes)}`).toEqual(asServed[i]);
      }),
      { numRuns: 12, seed: 20261130, endOnFailure: true },
    );
  }, 240_000);
});

describe('serving the stored tracker', () => {
  it('when the client accepts gzip, the stored tracker is served as stored, gzipped, and reads the same as the JSON text served to a client that does not', async () => {
    const plain = await t.as(USERS.exec).get(`/api/tracker?periodId=${Q3}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const text = await plain.text();
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const zipped = await t.as(USERS.exec).get(`/api/tracker?periodId=${Q3}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
      expect(send.mock.calls.map((call) => (call[0] as { constructor: { name: string } }).constructor.name)).toEqual(['BatchGetCommand']);
    } finally {
      send.mockRestore();
    }
  });
});

describe('where indexes lag behind writes (AWS): the settle window', () => {
  let slow: TestApp;
  let now = new Date('2026-11-22T12:00:00Z');
  const SETTLE = 3_000;
  beforeAll(async () => {
    slow = await createTestApp({ config: { ...testConfig(), trackerSettleMs: SETTLE }, clock: () => now });
  });
  afterAll(async () => {
    await slow?.drop();
  });
  const callsOf = async (email: string) => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const res = await slow.as(email).get('/api/tracker');
      expect(res.status).toBe(200);
      return send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
    } finally {
      send.mockRestore();
    }
  };

  it('when a change was made less than the settle time ago, the tracker is worked out afresh and not stored; once it has settled, it is stored and read in one call', async () => {
    expect((await slow.as(USERS.exec).get('/api/me')).status).toBe(200);
    const path = '/api/tracker/overall/2026-27-Q3/kinship';
    expect((await slow.as(USERS.lead).put(path, { confidence: 'amber', note: 'Settle test.' })).status).toBe(200);
    // Within the window: worked out each time (its records may not show the change yet), never stored.
    now = new Date(now.getTime() + SETTLE - 1);
    expect((await callsOf(USERS.exec)).length).toBeGreaterThan(1);
    expect((await callsOf(USERS.exec)).length).toBeGreaterThan(1);
    // Settled: worked out once more and stored, then one call.
    now = new Date(now.getTime() + 1);
    expect((await callsOf(USERS.exec)).length).toBeGreaterThan(1);
    expect(await callsOf(USERS.exec)).toEqual(['BatchGetCommand']);
  });
});
