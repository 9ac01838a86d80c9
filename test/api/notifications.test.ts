import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxKeys } from '../../functions/db/keys.js';
import { runOutbox } from '../../functions/jobs/outbox.js';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { USERS, type TestApp, useMailTestApp } from '../support/api.js';

/**
 * Notifications of changes (issue 12 part 2): a change that tells someone queues a notification in
 * its own transaction (the outbox); the outbox job emails the people concerned once per person per
 * event, and a failed send is tried again later. Mail goes to the SES emulator.
 */
const mail = useMailTestApp();
let ses: SesLocal;
let t: TestApp;
beforeAll(() => {
  t = mail.app();
  ses = mail.ses();
});

const lead = () => t.as(USERS.lead);
const jobDeps = (endpoint?: string, timeoutMs?: number) => mail.jobDeps({ ...(endpoint ? { endpoint } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
const pending = async () =>
  (
    await t.doc.send(
      new QueryCommand({ TableName: t.config.tables.main, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': outboxKeys.partition(t.config.partnershipId) } }),
    )
  ).Items ?? [];
const newMail = async (since: number) => (await readMailbox(ses.endpoint)).slice(since);
const mailCount = async () => (await readMailbox(ses.endpoint)).length;
const etag = async (path: string, as = lead()) => (await as.get(path)).headers.get('etag') ?? '';

describe('a return returned with comments', () => {
  it('when the lead returns the council’s return, a notification is queued with the change and the council’s preparers are emailed once', async () => {
    const path = '/api/returns/2026-27-Q3/medway-council';
    expect(await pending()).toEqual([]);
    const res = await lead().post(`${path}/return`, { comment: 'Add the missing risk owner.' }, { 'If-Match': await etag(path) });
    expect(res.status).toBe(200);
    expect((await pending()).map((e) => e.kind)).toEqual(['return-returned']);

    const before = await mailCount();
    const outcomes = await runOutbox(jobDeps());
    expect(outcomes.map((o) => o.result)).toEqual(['sent', 'sent']);
    const mail = await newMail(before);
    expect(mail.map((m) => m.destination.to[0]).sort()).toEqual([USERS.councilOfficer, USERS.council].sort());
    expect(mail[0]!.subject).toBe('Your return for October to December 2026 has been returned with comments');
    expect(mail[0]!.body.text).toContain('Jordan Ellis has returned Medway Council’s quarterly return');
    expect(mail[0]!.body.text).toContain('https://portal.example/p/mscp/our-return/2026-27-Q3');
    // The comment itself is read in the portal, never sent by email.
    expect(mail[0]!.body.text).not.toContain('missing risk owner');
    expect(await pending()).toEqual([]);

    expect(await runOutbox(jobDeps())).toEqual([]);
    expect(await mailCount()).toBe(before + 2);
  });

  it('when a change is refused (a stale If-Match), nothing is queued', async () => {
    const res = await lead().post('/api/returns/2026-27-Q3/kent-police/return', { comment: 'Stale.' }, { 'If-Match': '"1"' });
    expect([409, 412]).toContain(res.status);
    expect(await pending()).toEqual([]);
  });
});

describe('other changes that tell someone', () => {
  it('when the lead opens a period, each reporting agency’s partners hear of their own agency’s return', async () => {
    const res = await lead().post('/api/periods', { id: '2026-27-Q4', dueDate: '2027-04-30' });
    expect(res.status).toBe(201);
    const before = await mailCount();
    await runOutbox(jobDeps());
    const mail = await newMail(before);
    const police = mail.find((m) => m.destination.to[0] === USERS.police)!;
    expect(police.subject).toBe('Kent Police’s return for January to March 2027 is open');
    expect(police.body.text).toContain('due on 30 April 2027');
    expect(mail.some((m) => m.destination.to[0] === USERS.lead || m.destination.to[0] === USERS.exec)).toBe(false);
  });

  it('when the lead challenges an assessment, the agency hears; when the agency changes it, the lead hears the challenge was answered', async () => {
    type Matrix = { criteria: { id: string; derived: boolean; title: string; assessments: { agencyId: string; version: number; status: string }[] }[] };
    const m = (await (await lead().get('/api/workstreams/safeguarding/readiness')).json()) as Matrix;
    const c = m.criteria.find((x) => !x.derived && x.assessments.some((a) => a.agencyId === 'kent-police' && a.version > 0))!;
    const a = c.assessments.find((x) => x.agencyId === 'kent-police')!;
    const path = `/api/readiness/${c.id}/kent-police`;
    const challenged = await lead().post(`${path}/validate`, { outcome: 'challenged', comment: 'Attach the evidence.' }, { 'If-Match': `"${a.version}"` });
    expect(challenged.status).toBe(200);
    let before = await mailCount();
    await runOutbox(jobDeps());
    let mail = await newMail(before);
    expect(mail.map((x) => x.destination.to[0]).sort()).toEqual([USERS.policeOfficer, USERS.police].sort());
    expect(mail.every((x) => x.subject === `Readiness challenged: ${c.title}`)).toBe(true);

    const answered = await t
      .as(USERS.police)
      .put(
        path,
        { status: 'in-progress', evidence: 'The signed agreement is on the shared drive.', links: [], targetDate: null },
        { 'If-Match': challenged.headers.get('etag') ?? '' },
      );
    expect(answered.status).toBe(200);
    before = await mailCount();
    await runOutbox(jobDeps());
    mail = await newMail(before);
    expect(mail.map((x) => x.destination.to[0])).toEqual([USERS.lead]);
    expect(mail[0]!.subject).toBe(`Challenge answered: ${c.title}`);
  });

  it('when the lead issues a threshold version, each required agency’s signatories are asked to sign it off', async () => {
    const res = await lead().post(
      '/api/threshold-documents',
      { title: 'MSCP Threshold Document', versionLabel: 'v4.0', summaryOfChanges: 'Annual review.', effectiveFrom: '2027-04-01', content: '# Levels of need' },
      { 'If-Match': await etag('/api/threshold-config') },
    );
    expect(res.status).toBe(201);
    const before = await mailCount();
    await runOutbox(jobDeps());
    const to = (await newMail(before)).map((m) => m.destination.to[0]).sort();
    expect(to).toEqual([USERS.council, USERS.health, USERS.police].sort());
  });
});

describe('the Kinship Local Offer', () => {
  it('when an agency sends an item for review the lead hears; when the lead returns it, the agency hears', async () => {
    const items = (await (await lead().get('/api/kinship-offer/items?status=draft')).json()) as { id: string; title: string; ownerAgencyId: string }[];
    const ready = [];
    for (const item of items) {
      const res = await lead().post(`/api/kinship-offer/items/${item.id}/submit`, undefined, { 'If-Match': await etag(`/api/kinship-offer/items/${item.id}`) });
      if (res.status === 200) ready.push(item);
      if (ready.length) break;
    }
    const item = ready[0]!;
    let before = await mailCount();
    await runOutbox(jobDeps());
    let mail = await newMail(before);
    expect(mail.map((m) => m.destination.to[0])).toEqual([USERS.lead]);
    expect(mail[0]!.subject).toBe(`Waiting to publish: ${item.title}`);

    const returned = await lead().post(
      `/api/kinship-offer/items/${item.id}/return`,
      { comment: 'Add the opening times.' },
      { 'If-Match': await etag(`/api/kinship-offer/items/${item.id}`) },
    );
    expect(returned.status).toBe(200);
    before = await mailCount();
    await runOutbox(jobDeps());
    mail = await newMail(before);
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.every((m) => m.subject === `Returned to your agency: ${item.title}`)).toBe(true);
    expect(mail.map((m) => m.destination.to[0])).not.toContain(USERS.lead);
  });
});

describe('when the mail service is down', () => {
  it('when a send fails, the notification waits and is sent by a later run; nobody gets it twice', async () => {
    const path = '/api/returns/2026-27-Q3/medway-council';
    // Casey Brooks sends the council's return for certification again (Morgan Reid hears at once)…
    const sent = await t.as(USERS.councilOfficer).post(`${path}/submit`, {}, { 'If-Match': await etag(path, t.as(USERS.councilOfficer)) });
    expect(sent.status).toBe(200);
    expect((await runOutbox(jobDeps())).map((o) => [o.kind, o.result])).toEqual([['return-awaiting-certification', 'sent']]);
    // …and Morgan Reid certifies it, so the lead hears: first with mail down.
    const res = await t.as(USERS.council).post(`${path}/certify`, undefined, { 'If-Match': sent.headers.get('etag') ?? '' });
    expect(res.status).toBe(200);
    const down = await runOutbox(jobDeps('http://127.0.0.1:9', 1_000));
    expect(down.map((o) => o.result)).toEqual(['failed']);
    const [entry] = await pending();
    expect(entry).toMatchObject({ kind: 'return-submitted', attempts: 1 });
    // Not before the backoff has passed.
    expect(await runOutbox(jobDeps())).toEqual([]);
    const before = await mailCount();
    const later = await runOutbox(jobDeps(), new Date(Date.now() + 3 * 60_000));
    expect(later.map((o) => o.result)).toEqual(['sent']);
    expect((await newMail(before)).map((m) => m.subject)).toEqual(['Medway Council has submitted its return for October to December 2026']);
    expect((await newMail(before))[0]!.body.text).toContain('Morgan Reid has submitted Medway Council’s quarterly return');
    expect(await pending()).toEqual([]);
  });
});
