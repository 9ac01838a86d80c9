import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/app.js';
import { createTestApp, inPartnership, USERS, type TestApp } from '../support/api.js';

/**
 * A return is read in two calls (its header with the partnership's count of changes, and its
 * sections) while the configuration this process read before is current: any change to the
 * configuration raises the count in its own transaction, so the next read, in this process or in
 * another sharing the table (another Lambda instance), reads the configuration again.
 */
const RETURN = '/api/returns/2026-27-Q3/medway-council';
let t: TestApp;
/** A second portal process on the same tables, as a second Lambda instance is. */
let other: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestApp();
  other = createApp({ config: t.config, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer });
});
afterAll(async () => {
  await t.drop();
});

const readInOther = async (email: string, path: string) => other.request(inPartnership(path), { headers: { Authorization: `Bearer ${await t.tokenFor(email)}` } });
type ReturnView = { sections: { workstreamId: string; indicatorsDue: { id: string; name: string }[] }[] };
const due = (r: ReturnView, workstreamId: string) => r.sections.find((s) => s.workstreamId === workstreamId)?.indicatorsDue.map((i) => i.name) ?? [];

/** The DynamoDB commands one call sends. */
async function commandsOf(call: () => Promise<Response>): Promise<{ res: Response; commands: string[] }> {
  const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
  try {
    const res = await call();
    return { res, commands: send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name) };
  } finally {
    send.mockRestore();
  }
}

describe('reading a return with the configuration kept', () => {
  it('when the configuration has not changed since it was read, a return is one BatchGetItem and one Query', async () => {
    // Warm: the person's access and the configuration are read once.
    expect((await t.as(USERS.councilOfficer).get(RETURN)).status).toBe(200);
    const { res, commands } = await commandsOf(() => t.as(USERS.councilOfficer).get(RETURN));
    expect(res.status).toBe(200);
    expect(commands.sort()).toEqual(['BatchGetCommand', 'QueryCommand']);
  });

  it('when the lead changes the configuration in one process, the next read of a return in another process shows the change', async () => {
    const before = (await (await readInOther(USERS.councilOfficer, RETURN)).json()) as ReturnView;
    expect(due(before, 'family-help')).not.toContain('CC Families seen within 5 days');
    const added = await t.as(USERS.lead).post('/api/workstreams/family-help/indicators', {
      name: 'CC Families seen within 5 days',
      unit: 'percentage',
      direction: 'higher',
      target: 80,
      reportingAgencyId: 'medway-council',
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const { res, commands } = await commandsOf(() => readInOther(USERS.councilOfficer, RETURN));
    expect(due((await res.json()) as ReturnView, 'family-help')).toContain('CC Families seen within 5 days');
    // The count moved on: the configuration is read again (the partnership's set-up and its indicators).
    expect(commands.filter((c) => c === 'QueryCommand').length).toBe(3);
    // And kept again for the next read.
    expect((await commandsOf(() => readInOther(USERS.councilOfficer, RETURN))).commands.sort()).toEqual(['BatchGetCommand', 'QueryCommand']);
  });

  it('when the configuration cannot be read, the request answers 503 and the next read tries again rather than keep the failure', async () => {
    // A change moves the count on, so the next read must read the configuration.
    const ms = await t.as(USERS.lead).post('/api/workstreams/family-help/milestones', { title: 'CC Front door review', ownerAgencyId: 'medway-council', dueDate: '2027-02-28' });
    expect(ms.status, await ms.clone().text()).toBe(201);
    const real = DynamoDBDocumentClient.prototype.send;
    let failed = 0;
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (this: DynamoDBDocumentClient, ...args: Parameters<typeof real>) {
      const input = (args[0] as { input?: { ConsistentRead?: boolean; KeyConditionExpression?: string } }).input;
      if (failed === 0 && input?.KeyConditionExpression === 'pk = :pk' && input.ConsistentRead && args[0].constructor.name === 'QueryCommand') {
        failed++;
        return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' }));
      }
      return real.apply(this, args as never);
    } as never);
    try {
      expect((await t.as(USERS.councilOfficer).get(RETURN)).status).toBe(503);
    } finally {
      send.mockRestore();
    }
    expect(failed).toBe(1);
    expect((await t.as(USERS.councilOfficer).get(RETURN)).status).toBe(200);
  });
});
