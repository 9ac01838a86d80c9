import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { withAwsEntry } from '../support/aws-entry.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { outboxKeys, partnershipKeys, periodKeys, preferenceKeys } from '../../functions/db/keys.js';
import { PartnershipJobsFailed } from '../../functions/jobs/every-partnership.js';
import { createMailJobsHandler, type MailJobEvent, type MailJobResult } from '../../functions/jobs/mail-jobs.js';
import { readMailbox, type SesLocal, type StoredMail, startSesLocal } from '../../functions/local/ses-local.js';
import { type Mailer, MailUnavailableError } from '../../functions/mail/mailer.js';
import { createSesClient, SesMailer } from '../../functions/mail/ses-mailer.js';
import { OutboxRepository } from '../../functions/repositories/outbox-repository.js';
import { PlatformRepository } from '../../functions/repositories/platform-repository.js';
import { loadSeed, seedDemo, userIdFor } from '../../functions/seed/seed.js';
import { Q3_DUE_SOON_DAY, Q3_NOT_IN } from '../support/demo-facts.js';
import { recordCommands, type SentCommand } from '../support/dynamo-commands.js';
import { allowed, deniedRequests, jobPolicies, type Statement, TABLE_ARNS } from '../support/iam-check.js';
import { createSeededTables, DEMO_PASSWORD } from '../support/tables.js';

/**
 * The scheduled mail jobs' Lambda (functions/reminders-lambda.ts, built by createMailJobsHandler)
 * on DynamoDB Local with Medway and Kent in one table, sending through the SES emulator. Both
 * partnerships' Q3 is open and due on Sunday 31 January 2027. In Kent, health (NHS Kent and
 * Medway, whose people work in Medway too) has a draft and schools have not started.
 */
const KENT_NOT_IN = ['education@kscmp.example', 'health.officer@mscp.example', 'health@mscp.example'];
const KENT_SCHOOLS = 'education@kscmp.example';
const PORTAL = 'https://portal.example';

let ses: SesLocal;
let t: Awaited<ReturnType<typeof createSeededTables>>;
let clock = new Date(`${Q3_DUE_SOON_DAY}T06:00:00Z`);
const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
/** Every DynamoDB command the handler sent, for the IAM check at the end. */
const sent: SentCommand[] = [];

const mailerOn = (endpoint: string) => {
  const mail = { from: 'Portal <no-reply@portal.localhost>', region: 'eu-west-2', endpoint, timeoutMs: 5_000 };
  return new SesMailer(createSesClient(mail), mail);
};
const handlerWith = (mailer: Mailer) => createMailJobsHandler({ doc: t.doc, tables: t.config.tables, mailer, portalUrl: PORTAL }, () => clock);

/** Runs the handler, recording its DynamoDB commands; resolves with its result or the error it ended in. */
async function invoke(event: MailJobEvent, mailer: Mailer = mailerOn(ses.endpoint)): Promise<MailJobResult | Error> {
  let outcome: MailJobResult | Error = new Error('did not run');
  sent.push(
    ...(await recordCommands(t.doc, async () => {
      outcome = await handlerWith(mailer)(event).catch((err: unknown) => err as Error);
    })),
  );
  return outcome;
}

const mailSince = async (count: number) => (await readMailbox(ses.endpoint)).slice(count);
const to = (mail: StoredMail[]) => mail.map((m) => m.destination.to[0]!).sort();
/** The mail whose link opens this page of a partnership. */
const linking = (mail: StoredMail[], path: string) => mail.filter((m) => m.body.text?.includes(`${PORTAL}${path}`));

beforeAll(async () => {
  ses = await startSesLocal();
  t = await createSeededTables();
  await seedDemo(createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 }), t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
});
afterAll(async () => {
  await t?.drop();
  await ses?.stop();
  log.mockRestore();
  error.mockRestore();
});

describe('the notification outbox of every hosted partnership', () => {
  /** A change that tells someone, queued as its change's transaction queues it. */
  const queue = async (pid: string, kind: 'return-submitted' | 'return-accepted', agencyId: string, at: string) => {
    const item = new OutboxRepository(t.doc, t.config.tables.main, pid).item(kind, {
      eventId: `evt-${pid}-${kind}`,
      at,
      entityType: 'return',
      entityId: `2026-27-Q3/${agencyId}`,
      actor: { userId: 'u', email: 'someone@example.org', name: 'Someone', role: 'partner', agencyId },
      action: kind === 'return-submitted' ? 'return.submit' : 'return.accept',
      summary: 'A return',
      requestId: 'test',
    });
    await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item: item }));
  };
  const pending = async (pid: string) =>
    (await t.doc.send(new QueryCommand({ TableName: t.config.tables.main, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': outboxKeys.partition(pid) } })))
      .Items ?? [];

  it('when both partnerships have notifications waiting, one run sends each to its own lead with a link to its own pages, and empties both outboxes', async () => {
    clock = new Date('2027-01-25T06:00:00Z');
    await queue('mscp', 'return-submitted', 'kent-police', '2027-01-25T05:59:00.000Z');
    await queue('kscmp', 'return-submitted', 'nhs-kent-medway', '2027-01-25T05:59:30.000Z');
    // Kent's schools partner gets accepted returns in the weekly summary: kept for Monday's run below.
    await t.doc.send(
      new PutCommand({
        TableName: t.config.tables.main,
        Item: {
          ...preferenceKeys.person('kscmp', userIdFor('kscmp', KENT_SCHOOLS)),
          entity: 'Preferences',
          userId: userIdFor('kscmp', KENT_SCHOOLS),
          choices: { 'return-accepted': 'digest' },
          version: 1,
        },
      }),
    );
    await queue('kscmp', 'return-accepted', 'kent-education', '2027-01-25T05:59:45.000Z');
    const before = (await readMailbox(ses.endpoint)).length;
    expect(await invoke({ job: 'outbox' })).toEqual({ date: '2027-01-25', sent: 2, failed: 0 });
    const mail = await mailSince(before);
    expect(to(linking(mail, '/p/mscp/returns/2026-27-Q3/kent-police'))).toEqual(['lead@mscp.example']);
    expect(to(linking(mail, '/p/kscmp/returns/2026-27-Q3/nhs-kent-medway'))).toEqual(['lead@kscmp.example']);
    expect(mail).toHaveLength(2);
    expect([...(await pending('mscp')), ...(await pending('kscmp'))]).toEqual([]);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines).toContain('mscp: Notifications: 1 sent, 0 failed (tried again with backoff).');
    expect(lines).toContain('kscmp: Notifications: 1 sent, 0 failed (tried again with backoff).');
  });

  it('when the outbox runs again, nothing is sent', async () => {
    const before = (await readMailbox(ses.endpoint)).length;
    expect(await invoke({ job: 'outbox' })).toEqual({ date: '2027-01-25', sent: 0, failed: 0 });
    expect(await mailSince(before)).toEqual([]);
  });
});

describe('the daily reminders of every hosted partnership', () => {
  it('when the day is five working days before the Q3 due date, the partners of Medway and of Kent whose return is not in are emailed, each with links to its own partnership’s pages', async () => {
    clock = new Date(`${Q3_DUE_SOON_DAY}T07:00:00Z`);
    const before = (await readMailbox(ses.endpoint)).length;
    const result = await invoke({});
    const mail = await mailSince(before);
    // It is a Monday: Kent's schools partner also gets the weekly summary kept for them above.
    const summaries = mail.filter((m) => m.subject.startsWith('Your weekly summary'));
    expect(summaries.map((m) => [m.destination.to[0], m.subject])).toEqual([
      [KENT_SCHOOLS, 'Your weekly summary from the Kent Safeguarding Children Multi-Agency Partnership reform portal'],
    ]);
    expect(summaries[0]!.body.text).toContain(`${PORTAL}/p/kscmp/settings/notifications`);
    expect(result).toEqual({ date: Q3_DUE_SOON_DAY, sent: mail.length - summaries.length, failed: 0 });
    const reminders = mail.filter((m) => !summaries.includes(m));
    const medway = linking(reminders, '/p/mscp/our-return/2026-27-Q3');
    const kent = linking(reminders, '/p/kscmp/our-return/2026-27-Q3');
    expect(to(medway)).toEqual(Q3_NOT_IN);
    expect(to(kent)).toEqual(KENT_NOT_IN);
    // Someone in both partnerships hears from each about its own return, and nothing links to the other's pages.
    const health = mail.filter((m) => m.destination.to[0] === 'health@mscp.example' && /return/.test(m.subject));
    expect(health.map((m) => (m.body.text?.includes('/p/kscmp/') ? 'kscmp' : 'mscp')).sort()).toEqual(['kscmp', 'mscp']);
    for (const m of kent) expect(m.body.text).not.toContain('/p/mscp/');
    for (const m of medway) expect(m.body.text).not.toContain('/p/kscmp/');
    // The log lines name the partnership.
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines.some((l) => l.startsWith(`mscp: Reminders for ${Q3_DUE_SOON_DAY}: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`kscmp: Reminders for ${Q3_DUE_SOON_DAY}: `))).toBe(true);
    expect(lines).toContain('kscmp: Weekly summaries: 1 sent, 0 failed.');
  });

  it('when it runs again the same day, nobody is emailed twice', async () => {
    const before = (await readMailbox(ses.endpoint)).length;
    expect(await invoke({})).toEqual({ date: Q3_DUE_SOON_DAY, sent: 0, failed: 0 });
    expect(await mailSince(before)).toEqual([]);
  });
});

describe('a partnership whose job fails', () => {
  it('when Kent’s email cannot be sent, Medway’s still goes, and the run ends in error naming Kent', async () => {
    clock = new Date('2027-02-01T07:00:00Z');
    const ok = mailerOn(ses.endpoint);
    const kentDown: Mailer = {
      send: async (m) => {
        if (m.text.includes('/p/kscmp/')) throw new MailUnavailableError('SES did not answer');
        return ok.send(m);
      },
    };
    const before = (await readMailbox(ses.endpoint)).length;
    const result = await invoke({}, kentDown);
    expect(result).toBeInstanceOf(PartnershipJobsFailed);
    expect((result as PartnershipJobsFailed).partnershipIds).toEqual(['kscmp']);
    expect((result as Error).message).toMatch(/^The reminders of 2027-02-01 failed in 1 partnership: kscmp: \d+ reminder emails were not sent on 2027-02-01/);
    const mail = await mailSince(before);
    expect(to(linking(mail, '/p/mscp/our-return/2026-27-Q3'))).toEqual(Q3_NOT_IN);
    expect(linking(mail, '/p/kscmp/')).toEqual([]);
  });

  it('when a listed partnership’s records are broken, it fails alone: the others run (Kent’s failed email goes now) and the run ends in error naming it', async () => {
    // Listed first ("broken" sorts before the others), with an open period that has no due date.
    const platform = new PlatformRepository(t.doc, t.config.tables.main);
    for (const Item of [
      platform.partnershipItem({ id: 'broken', name: 'Broken partnership', shortName: 'BP' }),
      { ...partnershipKeys.partnership('broken'), entity: 'Partnership', id: 'broken', name: 'Broken partnership', shortName: 'BP' },
      { ...periodKeys.period('broken', '2026-27-Q3'), entity: 'Period', id: '2026-27-Q3', status: 'open' },
    ])
      await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item }));
    clock = new Date('2027-02-02T07:00:00Z');
    const before = (await readMailbox(ses.endpoint)).length;
    const result = await invoke({});
    expect(result).toBeInstanceOf(PartnershipJobsFailed);
    expect((result as PartnershipJobsFailed).partnershipIds).toEqual(['broken']);
    expect((result as Error).message).toMatch(/^The reminders of 2027-02-02 failed in 1 partnership: broken: /);
    expect(error.mock.calls.some((c) => String(c[0]).startsWith('broken: '))).toBe(true);
    const mail = await mailSince(before);
    // Kent's overdue reminders, which failed yesterday, went today; Medway's went yesterday and not again.
    expect(to(linking(mail, '/p/kscmp/our-return/2026-27-Q3'))).toEqual(KENT_NOT_IN);
    expect(linking(mail, '/p/mscp/our-return/')).toEqual([]);
  });
});

describe('the deployed entry point (functions/reminders-lambda.ts)', () => {
  it('when configured for AWS, it cold-starts and runs the outbox of every hosted partnership', async () => {
    const item = (pid: string) =>
      new OutboxRepository(t.doc, t.config.tables.main, pid).item('return-submitted', {
        eventId: `cold-${pid}`,
        at: new Date(Date.now() - 60_000).toISOString(),
        entityType: 'return',
        entityId: '2026-27-Q3/kent-police',
        actor: { userId: 'u', email: 'someone@example.org', name: 'Someone', role: 'partner', agencyId: 'kent-police' },
        action: 'return.submit',
        summary: 'Submitted the return',
        requestId: 'test',
      });
    for (const pid of ['mscp', 'kscmp']) await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item: item(pid) }));
    const before = (await readMailbox(ses.endpoint)).length;
    await withAwsEntry(
      () => import('../../functions/reminders-lambda.js'),
      { main: t.config.tables.main, audit: 'unused-by-reminders' },
      async (mod) => {
        const result = await mod.handler({ job: 'outbox' });
        expect(result).toMatchObject({ sent: 2, failed: 0 });
        const mail = await mailSince(before);
        expect(to(linking(mail, '/p/mscp/returns/2026-27-Q3/kent-police'))).toEqual(['lead@mscp.example']);
        expect(to(linking(mail, '/p/kscmp/returns/2026-27-Q3/kent-police'))).toEqual(['lead@kscmp.example']);
      },
      { SES_ENDPOINT: ses.endpoint, PORTAL_URL: PORTAL },
    );
  });
});

describe('the function’s permissions', () => {
  let statements: Statement[];
  beforeAll(() => {
    // Synthesizing stages the function's (unbundled) asset: set-up time, not the test's.
    statements = jobPolicies().reminders;
  });

  it('when the runs above are checked against the role CDK writes, IAM allows every DynamoDB request they made', () => {
    expect(new Set(sent.map((c) => c.name))).toEqual(new Set(['QueryCommand', 'GetCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand']));
    expect(deniedRequests(statements, sent, t.config.tables)).toEqual([]);
  });

  it('when a request reaches outside what the jobs do, the same check denies it (a check that checks)', () => {
    const main = TABLE_ARNS.main;
    for (const r of [
      { action: 'dynamodb:Query', resource: main, leadingKeys: ['PLATFORM#ADMINS'] },
      { action: 'dynamodb:Query', resource: main, leadingKeys: ['PLATFORM#ACCOUNT#police@mscp.example'] },
      { action: 'dynamodb:Query', resource: TABLE_ARNS.audit, leadingKeys: ['P#mscp#AUDIT#return#x'] },
      { action: 'dynamodb:PutItem', resource: main, leadingKeys: ['P#mscp#USER#police@mscp.example'], attributes: ['pk', 'sk', 'status'] },
      { action: 'dynamodb:UpdateItem', resource: main, leadingKeys: ['P#kscmp#NOTIFY#x'], attributes: ['pk', 'sk', 'gsi1pk'] },
      { action: 'dynamodb:UpdateItem', resource: main, leadingKeys: ['P#kscmp#OUTBOX'], attributes: ['pk', 'sk', 'kind'] },
      { action: 'dynamodb:DeleteItem', resource: main, leadingKeys: ['P#kscmp#MAILSTOP'], attributes: ['pk', 'sk'] },
      { action: 'dynamodb:Scan', resource: main, leadingKeys: [] },
    ])
      expect(allowed(statements, r), JSON.stringify(r)).toBe(false);
  });
});
