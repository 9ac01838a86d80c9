import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiDocument, createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * Every read route in the OpenAPI document, called as the lead: none may Scan, and each page's data
 * comes from a few Query/Get calls. Routes are read from the document, so new ones are covered.
 */
let t: TestApp;
beforeAll(async () => {
  // The signed-in person's status is read at most once per 60 s (not per route): read it here, on a
  // clock that stands still, so each route's count below is the route's own work.
  const at = new Date();
  t = await createTestApp({ clock: () => at });
  expect((await t.as(USERS.lead).get('/api/me')).status).toBe(200);
});
afterAll(async () => {
  await t.drop();
});

const SAMPLE: Record<string, string> = {
  partnershipId: 'mscp',
  periodId: '2026-27-Q3',
  agencyId: 'kent-police',
  id: 'safeguarding',
  versionId: 'v3-0',
};
const QUERY: Record<string, string> = {
  '/api/p/{partnershipId}/returns': '?periodId=2026-27-Q3',
  '/api/p/{partnershipId}/audit': '?entityType=return&entityId=2026-27-Q3/kent-police',
  '/api/partnerships/attention': '?except=mscp',
};

function readRoutes() {
  const doc = apiDocument();
  return Object.entries(doc.paths)
    .filter(([, ops]) => 'get' in ops)
    .map(([path]) => {
      const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x');
      return { path: `${concrete}${QUERY[path] ?? ''}`, template: path };
    })
    .filter((r) => !r.template.startsWith('/api/exports/') || r.template.endsWith('.csv'));
}

/**
 * Routes that may make more calls the first time, and why. The tracker is served from its read
 * model in one call; the first read after the model fell behind works it out (one BatchGetItem, the
 * eight Queries of the working out, one BatchWriteItem to store it), then reads are one call again.
 */
const FIRST_READ_LIMIT: Record<string, number> = { '/api/p/{partnershipId}/tracker': 10 };

describe('access patterns', () => {
  it('when the tracker is read a second time with nothing changed, it is one call (its read model)', async () => {
    expect((await t.as(USERS.lead).get('/api/tracker?periodId=2026-27-Q2')).status).toBe(200);
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      expect((await t.as(USERS.lead).get('/api/tracker?periodId=2026-27-Q2')).status).toBe(200);
      expect(send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name)).toEqual(['BatchGetCommand']);
    } finally {
      send.mockRestore();
    }
  });

  it.each(readRoutes())('when the lead reads $template, it uses no Scan and at most 8 calls (the tracker worked out: 10)', async ({ path, template }) => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const res = await t.as(USERS.lead).get(path);
      expect(res.status, `${path}: ${res.status}`).toBeLessThan(500);
      const names = send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
      expect(names.filter((n) => n === 'ScanCommand')).toEqual([]);
      expect(names.length).toBeLessThanOrEqual(FIRST_READ_LIMIT[template] ?? 8);
    } finally {
      send.mockRestore();
    }
  });

  it("when a period's returns are listed, it is one Query for the returns (plus one for configuration)", async () => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      expect((await t.as(USERS.lead).get('/api/returns?periodId=2026-27-Q3')).status).toBe(200);
      expect(send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name)).toEqual(['QueryCommand', 'QueryCommand']);
    } finally {
      send.mockRestore();
    }
  });
});
