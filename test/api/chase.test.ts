import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../functions/jobs/reminders.js';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { createTestApp, USERS, type TestApp, useMailTestApp } from '../support/api.js';
import { testConfig } from '../support/tables.js';

/**
 * The lead's chase buttons (issue 12 part 3): one reminder now about an outstanding return or
 * sign-off, emailed to the people who can act on it, at most once a UK day per item, audited, and
 * shown with when and to whom. The app's clock is injected; mail goes to the SES emulator.
 */
const T0 = new Date('2026-11-30T09:00:00Z').getTime();
let now = T0;
const mail = useMailTestApp({ clock: () => new Date(now) });
let ses: SesLocal;
let t: TestApp;
beforeAll(() => {
  t = mail.app();
  ses = mail.ses();
});

const lead = () => t.as(USERS.lead);
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT' }))).Count ?? 0;
const mailTo = async (email: string) => (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes(email));

describe('chasing a return', () => {
  const path = '/api/returns/2026-27-Q3/nhs-kent-medway/chase';

  it('when the lead chases the NHS draft return, its preparers are emailed, the chase is audited and listed', async () => {
    const before = await auditCount();
    const res = await lead().post(path);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      kind: 'return',
      of: '2026-27-Q3',
      agencyId: 'nhs-kent-medway',
      by: 'Jordan Ellis',
      sentTo: ['Avery Khan', 'Jesse Morgan'],
      notSent: [],
      day: '2026-11-30',
    });
    expect(await auditCount()).toBe(before + 1);
    const [event] = (await t.auditEventsOf('return', '2026-27-Q3/nhs-kent-medway')).filter((e) => e.action === 'return.chase');
    expect(event?.summary).toBe('Chased NHS Kent and Medway’s return for October to December 2026: emailed Avery Khan and Jesse Morgan');

    const mail = (await mailTo(USERS.health)).at(-1)!;
    expect(mail.subject).toBe('Jordan Ellis is asking for NHS Kent and Medway’s return for October to December 2026');
    expect(mail.body.text).toContain('/p/mscp/our-return/2026-27-Q3');

    const list = await lead().get('/api/chases?kind=return&of=2026-27-Q3');
    expect((await list.json()) as unknown).toEqual({ chases: [expect.objectContaining({ agencyId: 'nhs-kent-medway', sentTo: ['Avery Khan', 'Jesse Morgan'] })], reminders: [] });
  });

  it('when the return waits for certification, the chase goes to the signatory who can certify it, not to its preparer', async () => {
    // Drew Walker, Kent Police's officer, sends the returned police return for certification.
    const police = t.as(USERS.policeOfficer);
    const got = await police.get('/api/returns/2026-27-Q3/kent-police');
    const sent = await police.post('/api/returns/2026-27-Q3/kent-police/submit', { acknowledgeWarnings: true }, { 'If-Match': got.headers.get('etag')! });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { status: string }).status).toBe('awaiting-certification');
    const res = await lead().post('/api/returns/2026-27-Q3/kent-police/chase');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ sentTo: ['Riley Shaw'], notSent: [] });
    const mail = (await mailTo(USERS.police)).at(-1)!;
    expect(mail.body.text).toContain('Drew Walker has prepared it and sent it for certification.');
    expect(mail.body.text).toContain('/our-return/2026-27-Q3/certify');
    expect(await mailTo(USERS.policeOfficer)).toEqual([]);
  });

  it('when the lead chases it again the same day, it is refused until tomorrow and nobody is emailed again', async () => {
    const mails = (await mailTo(USERS.health)).length;
    const before = await auditCount();
    const res = await lead().post(path);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/already been chased today/);
    expect(await auditCount()).toBe(before);
    expect((await mailTo(USERS.health)).length).toBe(mails);
  });

  it('when a UK day has passed, it can be chased again', async () => {
    now = T0 + 86_400_000;
    try {
      expect((await lead().post(path)).status).toBe(201);
    } finally {
      now = T0;
    }
  });

  it('when the return is already submitted, there is nothing to chase (422), and nothing is written', async () => {
    const before = await auditCount();
    const res = await lead().post('/api/returns/2026-27-Q3/medway-council/chase');
    expect(res.status).toBe(422);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['a partner', USERS.health],
    ['the executive', USERS.exec],
  ])('when %s tries to chase, it is refused and nobody is emailed', async (_who, email) => {
    const mails = (await readMailbox(ses.endpoint)).length;
    expect((await t.as(email).post('/api/returns/2026-27-Q3/kent-police/chase')).status).toBe(403);
    expect((await t.as(email).get('/api/chases?kind=return&of=2026-27-Q3')).status).toBe(403);
    expect((await readMailbox(ses.endpoint)).length).toBe(mails);
  });
});

describe('the daily job’s reminders beside the chases', () => {
  it('when the daily job has reminded the people of the outstanding returns, the lead’s list says when and whom, and nothing for a return that is in', async () => {
    const deps = mail.jobDeps({ portalUrl: 'http://localhost:3000' });
    await runReminders(deps, '2027-01-25', new Date('2027-01-25T07:00:00Z'));
    const { reminders } = (await (await lead().get('/api/chases?kind=return&of=2026-27-Q3')).json()) as { reminders: { agencyId: string; at: string; sentTo: string[] }[] };
    expect(reminders.sort((a, b) => a.agencyId.localeCompare(b.agencyId))).toEqual([
      // Kent Police's return waits for Riley Shaw to certify it (sent for certification above).
      { kind: 'return', of: '2026-27-Q3', agencyId: 'kent-police', at: '2027-01-25T07:00:00.000Z', sentTo: ['Riley Shaw'] },
      { kind: 'return', of: '2026-27-Q3', agencyId: 'medway-education', at: '2027-01-25T07:00:00.000Z', sentTo: ['Robin Hale', 'Taylor Quinn'] },
      { kind: 'return', of: '2026-27-Q3', agencyId: 'nhs-kent-medway', at: '2027-01-25T07:00:00.000Z', sentTo: ['Avery Khan', 'Jesse Morgan'] },
    ]);
    // A second run the same day reminds nobody, so the record stands.
    await runReminders(deps, '2027-01-25', new Date('2027-01-25T08:00:00Z'));
    const again = (await (await lead().get('/api/chases?kind=return&of=2026-27-Q3')).json()) as { reminders: { at: string }[] };
    expect(again.reminders.map((r) => r.at)).toEqual(['2027-01-25T07:00:00.000Z', '2027-01-25T07:00:00.000Z', '2027-01-25T07:00:00.000Z']);
  });
});

describe('chasing a sign-off', () => {
  it('when the lead chases the NHS sign-off of v3.0, its signatory is emailed with a link to decide', async () => {
    const res = await lead().post('/api/threshold-documents/v3-0/sign-offs/nhs-kent-medway/chase');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'sign-off', of: 'v3-0', sentTo: ['Avery Khan'] });
    const mail = (await mailTo(USERS.health)).at(-1)!;
    expect(mail.subject).toBe('Sign-off needed: MSCP Multi-Agency Threshold Document v3.0');
    expect(mail.body.text).toContain('issued on Monday 2 March 2026');
    expect((await lead().post('/api/threshold-documents/v3-0/sign-offs/nhs-kent-medway/chase')).status).toBe(429);
  });

  it('when an agency has already decided, or does not sign, it is refused', async () => {
    expect((await lead().post('/api/threshold-documents/v3-0/sign-offs/kent-police/chase')).status).toBe(422);
    expect((await lead().post('/api/threshold-documents/v3-0/sign-offs/medway-education/chase')).status).toBe(404);
  });
});

describe('when the mail service is down', () => {
  it('when nobody can be emailed, the lead hears so (503) and nothing is recorded, so they can try again', async () => {
    const base = testConfig();
    const down = await createTestApp({ config: { ...base, mail: { ...base.mail, endpoint: 'http://127.0.0.1:9', timeoutMs: 1000 } } });
    try {
      const res = await down.as(USERS.lead).post('/api/returns/2026-27-Q3/kent-police/chase');
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/could not be sent/);
      expect((await down.auditEventsOf('return', '2026-27-Q3/kent-police')).filter((e) => e.action === 'return.chase')).toEqual([]);
      expect(((await (await down.as(USERS.lead).get('/api/chases?kind=return&of=2026-27-Q3')).json()) as { chases: unknown[] }).chases).toEqual([]);
    } finally {
      await down.drop();
    }
  });
});
