import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnKeys, userKeys } from '../../functions/db/keys.js';
import { workingDaysBefore } from '../../functions/domain/working-days.js';
import { type ReminderDeps, runReminders } from '../../functions/jobs/reminders.js';
import { readMailbox, type SesLocal, startSesLocal } from '../../functions/local/ses-local.js';
import { NotificationRepository } from '../../functions/repositories/notification-repository.js';
import { userIdFor } from '../../functions/seed/seed.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { createSesClient, SesMailer } from '../../functions/mail/ses-mailer.js';
import { Q3_DUE_SOON_DAY, Q3_NOT_IN } from '../support/demo-facts.js';
import { createSeededTables } from '../support/tables.js';

/**
 * The daily reminder job on the demo partnership (DynamoDB Local) sending through the SES emulator.
 * In the demo, 2026-27-Q3 is open and due on Sunday 31 January 2027: Medway Council has submitted,
 * Kent Police's return was returned to them, NHS Kent and Medway's is a draft and Medway education
 * has not started. Five working days before the due date is Monday 25 January 2027.
 */
const DUE_SOON_DAY = Q3_DUE_SOON_DAY;
const NOT_IN = Q3_NOT_IN;

let ses: SesLocal;
beforeAll(async () => {
  ses = await startSesLocal();
});
afterAll(async () => {
  await ses.stop();
});

async function setUp(mailer?: Mailer) {
  const t = await createSeededTables();
  const mail = { from: 'MSCP <no-reply@portal.localhost>', region: 'eu-west-2', endpoint: ses.endpoint, timeoutMs: 5_000 };
  const deps: ReminderDeps = {
    doc: t.doc,
    tables: t.config.tables,
    partnershipId: t.config.partnershipId,
    mailer: mailer ?? new SesMailer(createSesClient(mail), mail),
    portalUrl: 'http://localhost:3000',
  };
  return { ...t, deps };
}
/** The return reminders among a run's outcomes (the same run also reminds of sign-offs and reviews: tested below). */
const aboutReturns = (outcomes: Awaited<ReturnType<typeof runReminders>>) => outcomes.filter((o) => o.kind === 'return-due-soon' || o.kind === 'return-overdue');
const sentTo = (outcomes: Awaited<ReturnType<typeof runReminders>>) =>
  aboutReturns(outcomes)
    .filter((o) => o.result === 'sent')
    .map((o) => o.to)
    .sort();
/** Return reminders in the mailbox since `count` (the subject names the return). */
const mailSince = async (count: number) => (await readMailbox(ses.endpoint)).slice(count).filter((m) => /return/.test(m.subject));

describe('daily return reminders', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('when the day is five working days before the due date, exactly the partners whose return is not in are emailed, with a link to their return', async () => {
    expect(workingDaysBefore('2027-01-31', 5)).toBe(DUE_SOON_DAY);
    const before = (await readMailbox(ses.endpoint)).length;
    const outcomes = await runReminders(t.deps, DUE_SOON_DAY);
    expect(sentTo(outcomes)).toEqual(NOT_IN);
    const mail = await mailSince(before);
    expect(mail.map((m) => m.destination.to[0]).sort()).toEqual(NOT_IN);
    const police = mail.find((m) => m.destination.to[0] === 'police@mscp.example')!;
    expect(police.subject).toBe('Kent Police’s return for October to December 2026 is due on Sunday 31 January 2027');
    expect(police.body.text).toContain('is due on Sunday 31 January 2027. It has not been submitted yet.');
    expect(police.body.text).toContain('http://localhost:3000/p/mscp/our-return/2026-27-Q3');
    expect(police.body.html).toContain('href="http://localhost:3000/p/mscp/our-return/2026-27-Q3"');
    expect(police.destination.cc).toEqual([]);
  });

  it('when the job runs again the same day, or the next, nobody is emailed twice', async () => {
    const before = (await readMailbox(ses.endpoint)).length;
    const again = await runReminders(t.deps, DUE_SOON_DAY);
    const nextDay = await runReminders(t.deps, '2027-01-26');
    expect(sentTo(again)).toEqual([]);
    expect(sentTo(nextDay)).toEqual([]);
    expect(aboutReturns(again).every((o) => o.result === 'sent-before')).toBe(true);
    expect(await mailSince(before)).toEqual([]);
  });

  it('when the day is before the reminder window, nothing is sent', async () => {
    expect(await runReminders(t.deps, '2027-01-22')).toEqual([]);
  });

  it('when the due date has passed, each partner whose return is not in is told once that it is overdue, and the lead once per agency in an email of their own', async () => {
    const before = (await readMailbox(ses.endpoint)).length;
    const first = await runReminders(t.deps, '2027-02-01');
    const second = await runReminders(t.deps, '2027-02-02');
    expect(sentTo(first)).toEqual([...NOT_IN, 'lead@mscp.example', 'lead@mscp.example', 'lead@mscp.example'].sort());
    expect(sentTo(second)).toEqual([]);
    const mail = await mailSince(before);
    expect(mail).toHaveLength(NOT_IN.length + 3);
    expect(mail.every((m) => m.subject.startsWith('Overdue: ') && m.destination.cc.length === 0)).toBe(true);
    const toLead = mail.filter((m) => m.destination.to[0] === 'lead@mscp.example');
    expect(toLead.map((m) => m.subject).sort()).toEqual([
      'Overdue: Kent Police’s return for October to December 2026',
      'Overdue: Medway schools and education’s return for October to December 2026',
      'Overdue: NHS Kent and Medway’s return for October to December 2026',
    ]);
    expect(toLead[0]!.body.text).toContain('http://localhost:3000/p/mscp/returns/2026-27-Q3');
  });
});

describe('a return waiting for certification', () => {
  it('when the NHS return waits for certification, its certifier is reminded to certify it and its preparer is not', async () => {
    const t = await setUp();
    try {
      // Jesse Morgan prepared the NHS draft and sent it for certification; Avery Khan is the NHS signatory.
      await t.doc.send(
        new UpdateCommand({
          TableName: t.config.tables.main,
          Key: returnKeys.header(t.config.partnershipId, '2026-27-Q3', 'nhs-kent-medway'),
          UpdateExpression: 'SET #s = :s, certification = :c',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':s': 'awaiting-certification',
            ':c': {
              preparedBy: 'health.officer@mscp.example',
              preparedByName: 'Jesse Morgan',
              sentAt: '2027-01-20T10:00:00.000Z',
              certifiedBy: null,
              certifiedByName: null,
              certifiedAt: null,
              comments: [],
            },
          },
        }),
      );
      const before = (await readMailbox(ses.endpoint)).length;
      const outcomes = await runReminders(t.deps, DUE_SOON_DAY);
      expect(sentTo(outcomes)).toEqual(NOT_IN.filter((e) => e !== 'health.officer@mscp.example'));
      expect(aboutReturns(outcomes).find((o) => o.to === 'health@mscp.example')!.eventKey).toBe('return-due-soon#2026-27-Q3#nhs-kent-medway#certify');
      const avery = (await mailSince(before)).find((m) => m.destination.to[0] === 'health@mscp.example')!;
      expect(avery.body.text).toContain('Jesse Morgan has prepared it and sent it for certification.');
      expect(avery.body.text).toContain('http://localhost:3000/p/mscp/our-return/2026-27-Q3/certify');
      expect(sentTo(await runReminders(t.deps, DUE_SOON_DAY))).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});

describe('reminders to people who cannot be reached, or at the same time', () => {
  it('when a partner is deactivated, they are not emailed', async () => {
    const t = await setUp();
    try {
      await t.doc.send(
        new UpdateCommand({
          TableName: t.config.tables.main,
          Key: userKeys.user(t.config.partnershipId, 'health@mscp.example'),
          UpdateExpression: 'SET #s = :d',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':d': 'deactivated' },
        }),
      );
      expect(sentTo(await runReminders(t.deps, DUE_SOON_DAY))).toEqual(NOT_IN.filter((e) => e !== 'health@mscp.example'));
    } finally {
      await t.drop();
    }
  });

  it('when two runs overlap, each person is emailed exactly once', async () => {
    const t = await setUp();
    try {
      const [a, b] = await Promise.all([runReminders(t.deps, DUE_SOON_DAY), runReminders(t.deps, DUE_SOON_DAY)]);
      expect([...sentTo(a), ...sentTo(b)].sort()).toEqual(NOT_IN);
    } finally {
      await t.drop();
    }
  });

  it('when a run died between claiming and sending, a later run takes the claim over once it is stale, and not before', async () => {
    const t = await setUp();
    try {
      const ledger = new NotificationRepository(t.doc, t.config.tables.main, t.config.partnershipId);
      const police = userIdFor(t.config.partnershipId, 'police@mscp.example');
      const eventKey = 'return-due-soon#2026-27-Q3#kent-police';
      const now = new Date('2027-01-25T07:00:00Z');
      // A run claimed it five minutes ago and is (as far as anyone knows) still sending.
      expect((await ledger.claim(eventKey, police, { kind: 'return-due-soon', email: 'police@mscp.example', now: new Date(now.getTime() - 5 * 60_000) })).claimed).toBe(true);
      const fresh = await runReminders(t.deps, DUE_SOON_DAY, now);
      expect(fresh.find((o) => o.to === 'police@mscp.example')!.result).toBe('in-flight');
      // Twenty minutes on, that run is presumed dead: the claim is taken over and the email goes.
      const later = await runReminders(t.deps, DUE_SOON_DAY, new Date(now.getTime() + 20 * 60_000));
      expect(later.find((o) => o.to === 'police@mscp.example')!.result).toBe('sent');
    } finally {
      await t.drop();
    }
  });

  it('when sending fails, it is recorded and the next run sends it', async () => {
    let down = true;
    const sent: string[] = [];
    const flaky: Mailer = {
      send: async (m) => {
        if (down) throw new Error('SES is not answering');
        // Return reminders only: the same run's sign-off and review reminders are tested on their own.
        if (/return/.test(m.subject)) sent.push(m.to[0]!);
        return { messageId: `m-${sent.length}` };
      },
    };
    const t = await setUp(flaky);
    try {
      const failed = await runReminders(t.deps, DUE_SOON_DAY);
      expect(aboutReturns(failed).map((o) => o.result)).toEqual(NOT_IN.map(() => 'failed'));
      down = false;
      expect(sentTo(await runReminders(t.deps, DUE_SOON_DAY))).toEqual(NOT_IN);
      expect(sent.sort()).toEqual(NOT_IN);
      expect(sentTo(await runReminders(t.deps, DUE_SOON_DAY))).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});

describe('sign-off and review reminders in the same daily run', () => {
  it('when a threshold sign-off is 14 days outstanding its agency’s signatories are reminded once; at 28 days the lead once; Kinship items due for review tell their agency once', async () => {
    const t = await setUp();
    try {
      // v3.0 was issued on 2 March 2026 and NHS Kent and Medway has not decided.
      const before = (await readMailbox(ses.endpoint)).length;
      const day13 = await runReminders(t.deps, '2026-03-15');
      expect(day13.filter((o) => o.kind === 'sign-off-outstanding')).toEqual([]);
      const day14 = await runReminders(t.deps, '2026-03-16');
      expect(day14.filter((o) => o.kind === 'sign-off-outstanding' && o.result === 'sent').map((o) => o.to)).toEqual(['health@mscp.example']);
      const day28 = await runReminders(t.deps, '2026-03-30');
      expect(day28.filter((o) => o.kind === 'sign-off-outstanding' && o.result === 'sent').map((o) => o.to)).toEqual(['lead@mscp.example']);
      expect((await runReminders(t.deps, '2026-03-31')).filter((o) => o.kind === 'sign-off-outstanding' && o.result === 'sent')).toEqual([]);
      const mail = (await readMailbox(ses.endpoint)).slice(before);
      expect(mail.find((m) => m.destination.to[0] === 'health@mscp.example')?.subject).toBe(
        'Reminder: NHS Kent and Medway has not signed off MSCP Multi-Agency Threshold Document v3.0',
      );
      expect(mail.find((m) => m.destination.to[0] === 'lead@mscp.example' && /signed off/.test(m.subject))?.subject).toBe(
        'NHS Kent and Medway has still not signed off MSCP Multi-Agency Threshold Document v3.0',
      );

      // "Fostering allowances for kinship foster carers" (Medway Council) is due for review on 15 September 2026.
      const reviewDay = await runReminders(t.deps, '2026-09-05');
      const reviews = reviewDay.filter((o) => o.kind === 'kinship-review-due' && o.result === 'sent');
      expect(reviews.map((o) => o.to).sort()).toEqual(['council.officer@mscp.example', 'council@mscp.example']);
      expect(reviews.every((o) => o.eventKey === 'kinship-review-due#kinship-foster-carer-fees#2026-09-15')).toBe(true);
      expect((await runReminders(t.deps, '2026-09-06')).filter((o) => o.kind === 'kinship-review-due' && o.result === 'sent')).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});
