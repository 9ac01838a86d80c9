import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { withAwsEntry } from '../support/aws-entry.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys, userKeys } from '../../functions/db/keys.js';
import { createSesEventsHandler, type SnsEvent } from '../../functions/jobs/ses-events.js';
import { MailStopRepository } from '../../functions/repositories/mail-stop-repository.js';
import { loadSeed, seedDemo } from '../../functions/seed/seed.js';
import { recordCommands, type SentCommand } from '../support/dynamo-commands.js';
import { allowed, deniedRequests, jobPolicies, type Statement, TABLE_ARNS } from '../support/iam-check.js';
import { createSeededTables, DEMO_PASSWORD } from '../support/tables.js';

/**
 * The SES bounce and complaint Lambda (functions/ses-events-lambda.ts, built by
 * createSesEventsHandler) on DynamoDB Local with Medway and Kent in one table. One SES sender
 * serves every partnership, so an address that bounces is stopped in each partnership where it is
 * a person; police@mscp.example works in both, education@mscp.example in Medway only.
 */
let t: Awaited<ReturnType<typeof createSeededTables>>;
const NOW = new Date('2026-11-30T10:00:00Z');
const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const sent: SentCommand[] = [];

const sns = (...messages: unknown[]): SnsEvent => ({ Records: messages.map((m) => ({ Sns: { Message: JSON.stringify(m) } })) });
const bounce = (email: string) => ({
  eventType: 'Bounce',
  bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: email }], timestamp: '2026-11-30T10:00:00.000Z' },
});
const complaint = (email: string) => ({
  eventType: 'Complaint',
  complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse', timestamp: '2026-11-30T11:00:00.000Z' },
});

/** Runs the handler, recording its DynamoDB commands for the IAM check at the end. */
async function invoke(event: SnsEvent): Promise<{ stopped: number }> {
  let result = { stopped: -1 };
  sent.push(
    ...(await recordCommands(t.doc, async () => {
      result = await createSesEventsHandler({ doc: t.doc, tables: t.config.tables }, () => NOW)(event);
    })),
  );
  return result;
}
const stopsIn = async (pid: string) => (await new MailStopRepository(t.doc, t.config.tables.main, pid).list()).map((s) => [s.email, s.reason]);
const auditOf = async (pid: string, email: string) =>
  (
    (
      await t.doc.send(
        new QueryCommand({
          TableName: t.config.tables.audit,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': auditKeys.entity(pid, 'mail-address', email) },
        }),
      )
    ).Items ?? []
  ).map((e) => ({ action: e.action, actor: (e.actor as { name: string }).name, detail: (e.meta as { detail: string }).detail }));

beforeAll(async () => {
  t = await createSeededTables();
  await seedDemo(createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 }), t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
});
afterAll(async () => {
  await t?.drop();
  log.mockRestore();
});

describe('bounces and complaints in every partnership where the address is a person', () => {
  it('when police@mscp.example (in Medway and Kent) bounces for good, mail to it stops in both, with an audit event in each partnership’s trail', async () => {
    expect(await invoke(sns(bounce('Police@MSCP.example')))).toEqual({ stopped: 2 });
    for (const pid of ['mscp', 'kscmp']) {
      expect(await stopsIn(pid)).toEqual([['police@mscp.example', 'bounce']]);
      expect(await auditOf(pid, 'police@mscp.example')).toEqual([{ action: 'mail.stop', actor: 'Amazon SES', detail: 'Permanent/NoEmail' }]);
    }
    expect(log.mock.calls.map((c) => String(c[0]))).toContain('Recorded 2 mail stop(s): bounce in kscmp, bounce in mscp.');
  });

  it('when the same bounce is delivered again, nothing more is recorded anywhere', async () => {
    expect(await invoke(sns(bounce('police@mscp.example')))).toEqual({ stopped: 0 });
    for (const pid of ['mscp', 'kscmp']) expect(await auditOf(pid, 'police@mscp.example')).toHaveLength(1);
  });

  it('when an address in Medway only bounces, it is stopped in Medway only: Kent’s records and trail are untouched', async () => {
    expect(await invoke(sns(bounce('education@mscp.example')))).toEqual({ stopped: 1 });
    expect(await stopsIn('mscp')).toEqual([
      ['education@mscp.example', 'bounce'],
      ['police@mscp.example', 'bounce'],
    ]);
    expect(await stopsIn('kscmp')).toEqual([['police@mscp.example', 'bounce']]);
    expect(await auditOf('kscmp', 'education@mscp.example')).toEqual([]);
    expect(await auditOf('mscp', 'education@mscp.example')).toHaveLength(1);
  });

  it('when a deactivated person’s address gets a complaint, it is stopped where their record is, whatever its status', async () => {
    await t.doc.send(
      new UpdateCommand({
        TableName: t.config.tables.main,
        Key: userKeys.user('kscmp', 'council@kscmp.example'),
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'deactivated' },
      }),
    );
    expect(await invoke(sns(complaint('council@kscmp.example')))).toEqual({ stopped: 1 });
    expect(await stopsIn('kscmp')).toEqual([
      ['council@kscmp.example', 'complaint'],
      ['police@mscp.example', 'bounce'],
    ]);
    expect(await stopsIn('mscp')).not.toContainEqual(['council@kscmp.example', 'complaint']);
  });

  it('when an address that is no partnership’s person bounces, nothing is recorded', async () => {
    expect(await invoke(sns(bounce('nobody@example.org')))).toEqual({ stopped: 0 });
    for (const pid of ['mscp', 'kscmp']) expect((await stopsIn(pid)).map(([email]) => email)).not.toContain('nobody@example.org');
  });
});

describe('the deployed entry point (functions/ses-events-lambda.ts)', () => {
  it('when configured for AWS, it cold-starts and records a complaint in each partnership where the address is a person', async () => {
    await withAwsEntry(
      () => import('../../functions/ses-events-lambda.js'),
      t.config.tables,
      async (mod) => {
        expect(await mod.handler(sns(complaint('health@mscp.example')))).toEqual({ stopped: 2 });
        for (const pid of ['mscp', 'kscmp']) expect(await stopsIn(pid)).toContainEqual(['health@mscp.example', 'complaint']);
      },
    );
  });
});

describe('the function’s permissions', () => {
  let statements: Statement[];
  beforeAll(() => {
    // Synthesizing stages the function's (unbundled) asset: set-up time, not the test's.
    statements = jobPolicies().mailEvents;
  });

  it('when the runs above are checked against the role CDK writes, IAM allows every DynamoDB request they made', () => {
    expect(new Set(sent.map((c) => c.name))).toEqual(new Set(['QueryCommand', 'BatchGetCommand', 'TransactWriteCommand']));
    expect(deniedRequests(statements, sent, t.config.tables)).toEqual([]);
  });

  it('when a request reads more of a person than their key, or touches anything else, the same check denies it (a check that checks)', () => {
    const main = TABLE_ARNS.main;
    for (const r of [
      { action: 'dynamodb:BatchGetItem', resource: main, leadingKeys: ['P#mscp#USER#police@mscp.example'], select: 'ALL_ATTRIBUTES' },
      { action: 'dynamodb:BatchGetItem', resource: main, leadingKeys: ['P#mscp#USER#police@mscp.example'], attributes: ['pk', 'name'], select: 'SPECIFIC_ATTRIBUTES' },
      { action: 'dynamodb:GetItem', resource: main, leadingKeys: ['P#mscp#USER#police@mscp.example'], attributes: ['pk'], select: 'SPECIFIC_ATTRIBUTES' },
      { action: 'dynamodb:BatchGetItem', resource: main, leadingKeys: ['P#mscp#THRESHOLD'], attributes: ['pk'], select: 'SPECIFIC_ATTRIBUTES' },
      { action: 'dynamodb:Query', resource: main, leadingKeys: ['PLATFORM#ADMINS'] },
      { action: 'dynamodb:PutItem', resource: main, leadingKeys: ['P#mscp#USER#police@mscp.example'], attributes: ['pk', 'sk'] },
      { action: 'dynamodb:DeleteItem', resource: main, leadingKeys: ['P#mscp#MAILSTOP'], attributes: ['pk', 'sk'] },
    ])
      expect(allowed(statements, r), JSON.stringify(r)).toBe(false);
  });
});
