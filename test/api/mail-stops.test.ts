import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesEventsHandler, stopsOf } from '../../functions/jobs/ses-events.js';
import { userIdFor } from '../../functions/seed/seed.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * Bounces and complaints (issue 12): an SES event (through SNS) for a permanent bounce or a
 * complaint stops all mail to that address, audited; the lead sees it; chases and jobs skip it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const sns = (...messages: unknown[]) => ({ Records: messages.map((m) => ({ Sns: { Message: typeof m === 'string' ? m : JSON.stringify(m) } })) });
const bounce = (email: string, bounceType = 'Permanent') => ({
  eventType: 'Bounce',
  bounce: { bounceType, bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: email }], timestamp: '2026-11-30T10:00:00.000Z' },
});

describe('which SES events stop mail', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  it('when an address bounces for good or its owner complains, it is stopped; a transient bounce or other event stops nothing', () => {
    expect(stopsOf(bounce('Riley@Example.org'), now)).toEqual([{ email: 'riley@example.org', reason: 'bounce', at: '2026-11-30T10:00:00.000Z', detail: 'Permanent/NoEmail' }]);
    expect(stopsOf(bounce('a@example.org', 'Transient'), now)).toEqual([]);
    expect(stopsOf({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'b@example.org' }], complaintFeedbackType: 'abuse' } }, now)).toMatchObject([
      { email: 'b@example.org', reason: 'complaint', detail: 'abuse' },
    ]);
    expect(stopsOf({ eventType: 'Delivery' }, now)).toEqual([]);
    expect(stopsOf({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'not an address' }] } }, now)).toEqual([]);
  });
});

describe('when the police officer’s address bounces', () => {
  it('when the SNS message arrives, mail to it stops once, audited; a repeat and a message that is not JSON change nothing', async () => {
    const handler = createSesEventsHandler({ doc: t.doc, tables: t.config.tables });
    expect(await handler(sns(bounce(USERS.police), 'not json'))).toEqual({ stopped: 1 });
    expect(await handler(sns(bounce(USERS.police)))).toEqual({ stopped: 0 });
    const events = await t.auditEventsOf('mail-address', USERS.police);
    expect(events.map((e) => e.action)).toEqual(['mail.stop']);
    expect(events[0]!.actor).toMatchObject({ name: 'Amazon SES' });
  });

  it('when the lead looks, the person list and what needs attention say their email is not being delivered', async () => {
    const list = (await (await t.as(USERS.lead).get('/api/people?agencyId=kent-police')).json()) as { people: { email: string; emailStopped: unknown }[] };
    expect(list.people.find((p) => p.email === USERS.police)?.emailStopped).toEqual({ reason: 'bounce', at: '2026-11-30T10:00:00.000Z' });
    const attention = (await (await t.as(USERS.lead).get('/api/attention')).json()) as { items: { key: string; text: string; href: string }[] };
    expect(attention.items.find((i) => i.key === 'mail-stopped')).toMatchObject({
      text: expect.stringMatching(/^Email to Riley Shaw is not being delivered/),
      href: `/people/${userIdFor(t.config.partnershipId, USERS.police)}`,
    });
  });

  it('when the lead chases the police return waiting for Riley Shaw to certify it, nobody can be emailed, so it says why and records nothing', async () => {
    // Drew Walker prepared it and sent it for certification: only Riley Shaw, the police signatory, can act on it now.
    const drew = t.as(USERS.policeOfficer);
    const got = await drew.get('/api/returns/2026-27-Q3/kent-police');
    expect((await drew.post('/api/returns/2026-27-Q3/kent-police/submit', { acknowledgeWarnings: true }, { 'If-Match': got.headers.get('etag')! })).status).toBe(200);
    const res = await t.as(USERS.lead).post('/api/returns/2026-27-Q3/kent-police/chase');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Email to Riley Shaw is not being delivered/);
    expect((await t.auditEventsOf('return', '2026-27-Q3/kent-police')).filter((e) => e.action === 'return.chase')).toEqual([]);
  });
});
