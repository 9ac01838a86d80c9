import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocument, createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * Every write route in the OpenAPI document, called by users who must not write through it:
 * each answers 401/403 and nothing is written (the audit table is unchanged). Routes are read
 * from the document, so a new write route is covered the day it is added.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const SAMPLE: Record<string, string> = {
  partnershipId: 'mscp',
  periodId: '2026-27-Q3',
  agencyId: 'kent-police',
  id: 'safeguarding',
  milestoneId: 'sg-macpt-isa-signed',
  versionId: 'v3-0',
  criterionId: 'macpt-members-in-post',
  workstreamId: 'safeguarding',
};

function writeRoutes() {
  const doc = apiDocument();
  const out: { method: string; path: string; roles: string[] }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // Public routes (sign-in, an invitation's set-password link) have no roles to refuse.
      if (method === 'get' || !op['x-roles']?.length) continue;
      out.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x'), roles: op['x-roles'] ?? [] });
    }
  }
  return out;
}

// Only tests count the audit table as a whole; the API never scans.
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT' }))).Count ?? 0;

describe('authorization on every write route', () => {
  const routes = writeRoutes();

  it('when the API is described, it has write routes for every feature', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
  });

  // Every write route but the executive's own settings (their email choices, their two-step sign-in) is closed to them.
  it('when the API is described, the only write routes open to the executive are their own email settings and two-step sign-in', () => {
    expect(
      routes
        .filter((r) => r.roles.includes('executive'))
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(['DELETE /api/second-factor', 'POST /api/second-factor/confirm', 'POST /api/second-factor/setup', 'PUT /api/p/mscp/me/notifications']);
  });

  it.each(routes.filter((r) => !r.roles.includes('executive')))('when the executive calls $method $path, it is refused and nothing is written', async ({ method, path }) => {
    const before = await auditCount();
    const res = await t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${await t.tokenFor(USERS.exec)}`, 'Content-Type': 'application/json', 'If-Match': '"1"' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await auditCount()).toBe(before);
  });

  it.each(routes)('when nobody is signed in, $method $path answers 401', async ({ method, path }) => {
    const res = await t.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it.each(routes.filter((r) => r.roles.includes('lead') && !r.roles.includes('partner')))(
    'when a partner calls the lead-only $method $path, it is refused',
    async ({ method, path }) => {
      const res = await t.app.request(path, { method, headers: { Authorization: `Bearer ${await t.tokenFor(USERS.council)}`, 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(403);
    },
  );

  it('when the audit trail is read for an entity, the API uses a Query (never a Scan)', async () => {
    const res = await t.doc.send(
      new QueryCommand({ TableName: t.config.tables.audit, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P#mscp#AUDIT#partnership#mscp' } }),
    );
    expect(res.Items?.[0]?.action).toBe('seed.load');
  });
});
