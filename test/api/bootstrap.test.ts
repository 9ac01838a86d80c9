import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/config.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys, platformKeys } from '../../functions/db/keys.js';
import { BOOTSTRAP_ACTOR, runBootstrap, settingsFromStackOutputs, STACK_OUTPUT_SETTINGS } from '../../functions/jobs/bootstrap.js';
import { readMailbox, type SesLocal, startSesLocal } from '../../functions/local/ses-local.js';
import { PlatformRepository } from '../../functions/repositories/platform-repository.js';
import { UserRepository } from '../../functions/repositories/user-repository.js';
import { partnershipUrl } from '../../shared/partnership/paths.js';
import { createSeededTables, testConfig } from '../support/tables.js';

/**
 * `npm run bootstrap` (issue 14): a deployment's first partnership from a template file, with its
 * lead invited, through the platform administrator's own `createPartnership`. On DynamoDB Local
 * (the demo seeded, as `npm start` has it) with mail going to the SES emulator; the last test runs
 * the real command in a child process against the same tables.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = join(ROOT, 'functions/seed/templates/families-first-england.json');
const PORTAL = 'https://portal.example';

let ses: SesLocal;
let config: Config;
let doc: ReturnType<typeof createDocumentClient>;
let drop: () => Promise<unknown>;

beforeAll(async () => {
  ses = await startSesLocal();
  const base = testConfig();
  const tables = await createSeededTables({ ...base, portalUrl: PORTAL, mail: { ...base.mail, endpoint: ses.endpoint } });
  ({ config, doc, drop } = tables);
});
afterAll(async () => {
  await drop?.();
  await ses?.stop();
});

/** Runs the command as `npm run bootstrap -- ...args` would, collecting what it prints. */
async function bootstrap(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runBootstrap(args, { config, doc, out: (l) => lines.push(l), err: (l) => errors.push(l) });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

// Only tests count whole tables; the portal never scans.
const count = async (table: string) => (await doc.send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true }))).Count ?? 0;
/** Items in both tables and mail in the emulator: what a refusal must leave as it was. */
const everything = async () => [await count(config.tables.main), await count(config.tables.audit), (await readMailbox(ses.endpoint)).length];

const trailOf = async (scope: string, entityType: string, entityId: string) =>
  (
    await doc.send(
      new QueryCommand({ TableName: config.tables.audit, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': auditKeys.entity(scope, entityType, entityId) } }),
    )
  ).Items ?? [];

describe('npm run bootstrap', () => {
  it('when the service has no platform administrator yet (a first deploy) and it runs with the repository’s template, it creates the partnership, invites its lead by email, audits both, and makes the lead a platform administrator', async () => {
    const run = await bootstrap('--template', TEMPLATE, '--lead-email', 'Sam.Lead@Example.org', '--lead-name', 'Sam Lead', '--name', 'Test Partnership');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Created Test Partnership (id test-partnership');
    expect(run.out).toContain('Invited Sam Lead <sam.lead@example.org> as its programme lead, for Local authority.');
    expect(run.out).toContain(`Sign-in address: ${PORTAL}/p/test-partnership`);
    expect(run.out).toContain(`Read the email in the local mailbox: ${ses.endpoint}/`);
    expect(run.out).toContain('Recorded Sam Lead <sam.lead@example.org> as platform administrator');

    const platform = new PlatformRepository(doc, config.tables.main);
    expect((await platform.listHosted()).find((p) => p.id === 'test-partnership')).toMatchObject({
      name: 'Test Partnership',
      shortName: 'Test Partnership',
      createdBy: 'Sam Lead',
      templateId: 'families-first-england',
    });
    const lead = await new UserRepository(doc, config.tables.main, 'test-partnership').getUserByEmail('sam.lead@example.org');
    expect(lead).toMatchObject({ name: 'Sam Lead', role: 'lead', agencyId: 'local-authority', status: 'invited', invitedBy: 'Sam Lead' });

    // The invitation, with its link into the new partnership.
    const mail = (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes('sam.lead@example.org'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Test Partnership');
    expect(mail[0]!.body.text).toContain(`${partnershipUrl(PORTAL, 'test-partnership')}/set-password#token=`);

    // The creation, in the new partnership's trail, by the administrator; their record, in the platform's, by this command.
    const admin = await platform.getAdminAccess('sam.lead@example.org');
    if (admin.access !== 'active') throw new Error('the lead is not an active platform administrator');
    const [created] = await trailOf('test-partnership', 'partnership', 'test-partnership');
    expect(created).toMatchObject({
      action: 'partnership.create',
      actor: { userId: admin.admin.id, name: 'Sam Lead', role: 'platform-admin' },
      requestId: expect.stringMatching(/^bootstrap-/),
      meta: { templateId: 'families-first-england' },
    });
    const [added] = await trailOf(platformKeys.auditScope, 'platform-admin', admin.admin.id);
    expect(added).toMatchObject({ action: 'platform-admin.add', actor: BOOTSTRAP_ACTOR, requestId: created!.requestId });
  });

  it('when run again with the same partnership, it refuses with exit code 1, and writes and sends nothing', async () => {
    const before = await everything();
    const run = await bootstrap('--template', TEMPLATE, '--lead-email', 'sam.lead@example.org', '--name', 'Test Partnership');
    expect(run.code).toBe(1);
    expect(run.err).toContain('A partnership with the id "test-partnership" already exists, so nothing was changed and no invitation was sent.');
    expect(await everything()).toEqual(before);
  });

  it('when the service has platform administrators and none is named, it refuses and writes nothing: a later partnership’s lead does not become one', async () => {
    const before = await everything();
    const run = await bootstrap('--template', TEMPLATE, '--lead-email', 'second.lead@example.org', '--name', 'Second Partnership');
    expect(run.code).toBe(1);
    expect(run.err).toContain('already has platform administrators');
    expect(run.err).toContain('--platform-admin');
    expect(await everything()).toEqual(before);
  });

  it('when --platform-admin names someone else, they are recorded as administrator and the creation is theirs; named again, they are not recorded twice', async () => {
    const args = ['--template', TEMPLATE, '--lead-email', 'kim.lead@example.org', '--platform-admin', 'ops@portal.example', '--platform-admin-name', 'Ola Ops'];
    const first = await bootstrap(...args, '--name', 'Second Partnership', '--id', 'second', '--agency', 'police=Kent Police', '--agency', 'education=Kent schools');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Invited Kim Lead <kim.lead@example.org>');
    expect(first.out).toContain('Agencies: Local authority, Kent Police, Health (integrated care board), Kent schools.');
    const platform = new PlatformRepository(doc, config.tables.main);
    const admin = await platform.getAdminAccess('ops@portal.example');
    expect(admin).toMatchObject({ access: 'active', admin: { name: 'Ola Ops' } });
    // The lead is not made an administrator when someone else is named.
    expect(await platform.getAdminAccess('kim.lead@example.org')).toEqual({ access: 'none' });
    const [created] = await trailOf('second', 'partnership', 'second');
    expect(created).toMatchObject({ actor: { name: 'Ola Ops', role: 'platform-admin' } });

    const again = await bootstrap(...args, '--name', 'Third Partnership');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Acted as Ola Ops <ops@portal.example> as platform administrator (already one)');
    expect(await trailOf(platformKeys.auditScope, 'platform-admin', (admin as { admin: { id: string } }).admin.id)).toHaveLength(1);
  });

  it('when the lead already works in another partnership, they are its lead at once and emailed that they were added', async () => {
    const run = await bootstrap('--template', TEMPLATE, '--lead-email', 'lead@mscp.example', '--name', 'Shared Lead Partnership', '--platform-admin', 'ops@portal.example');
    expect(run.code).toBe(0);
    expect(run.out).toContain('They already have a sign-in (they work in another partnership): they were emailed that they were added.');
    const lead = await new UserRepository(doc, config.tables.main, 'shared-lead-partnership').getUserByEmail('lead@mscp.example');
    expect(lead).toMatchObject({ role: 'lead', status: 'active' });
    expect((await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes('lead@mscp.example')).at(-1)?.subject).toContain('Shared Lead Partnership');
  });

  it('when the template file has a wrong or missing field, the message names each field and how to fix it, and nothing is written', async () => {
    const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { version?: number; workstreams: { leadAgencyType: string }[] };
    delete template.version;
    template.workstreams[1]!.leadAgencyType = 'voluntary';
    const file = join(mkdtempSync(join(tmpdir(), 'bootstrap-')), 'broken.json');
    writeFileSync(file, JSON.stringify(template));
    const before = await everything();
    const run = await bootstrap('--template', file, '--lead-email', 'lee@example.org', '--name', 'Broken Partnership');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`The template file ${file} is not a valid partnership template`);
    expect(run.err).toContain('version: Missing: add it (number)');
    expect(run.err).toContain('workstreams[1].leadAgencyType: The lead agency type "voluntary" must also be one of the contributing agency types');

    writeFileSync(file, '{ "id": ');
    const notJson = await bootstrap('--template', file, '--lead-email', 'lee@example.org', '--name', 'Broken Partnership');
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('is not valid JSON');
    expect(await everything()).toEqual(before);
  });

  it('when the lead’s email, an option or an agency is not valid, it is refused by the option’s name, and nothing is written', async () => {
    const before = await everything();
    const badEmail = await bootstrap('--template', TEMPLATE, '--lead-email', 'not-an-email', '--name', 'Bad Email Partnership');
    expect(badEmail.code).toBe(1);
    expect(badEmail.err).toContain('--lead-email: Enter an email address in the correct format, like name@example.org');
    const badAgency = await bootstrap('--template', TEMPLATE, '--lead-email', 'lee@example.org', '--name', 'Bad Agency Partnership', '--agency', 'fire=County Fire');
    expect(badAgency.code).toBe(1);
    expect(badAgency.err).toContain('--agency "fire=County Fire": write it as "<type>=<name>"');
    const noName = await bootstrap('--template', TEMPLATE, '--lead-email', 'lee@example.org');
    expect(noName.code).toBe(1);
    expect(noName.err).toContain('Give --name "<partnership name>"');
    const unknown = await bootstrap('--template', TEMPLATE, '--lead-email', 'lee@example.org', '--name', 'X Partnership', '--colour', 'blue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("Unknown option '--colour'");
    expect(await everything()).toEqual(before);
  });

  it('when the administrator named has had their access ended, it is refused and nothing is written', async () => {
    const platform = new PlatformRepository(doc, config.tables.main);
    await doc.send(
      new PutCommand({ TableName: config.tables.main, Item: platform.adminItem({ id: 'former-admin', email: 'former@portal.example', name: 'Lee Marsh', status: 'deactivated' }) }),
    );
    const before = await everything();
    const run = await bootstrap('--template', TEMPLATE, '--lead-email', 'lee@example.org', '--name', 'Refused Partnership', '--platform-admin', 'former@portal.example');
    expect(run.code).toBe(1);
    expect(run.err).toContain("former@portal.example's platform administrator access has ended");
    expect(await everything()).toEqual(before);
  });

  it('when the database cannot be reached, it exits with code 2 and says so', async () => {
    const dead = { ...config, dynamodb: { ...config.dynamodb, endpoint: 'http://127.0.0.1:9', timeoutMs: 2_000 } };
    const errors: string[] = [];
    const code = await runBootstrap(['--template', TEMPLATE, '--lead-email', 'lee@example.org', '--name', 'Unreached Partnership'], {
      config: dead,
      doc: createDocumentClient(dead.dynamodb),
      out: () => undefined,
      err: (l) => errors.push(l),
    });
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('The database could not be reached');
  });

  it('when the real command runs in its own process on these tables and this mail emulator, it creates the partnership and the invitation arrives', async () => {
    const env = {
      ...process.env,
      PORTAL_MODE: 'local',
      DYNAMODB_ENDPOINT: config.dynamodb.endpoint!,
      SES_ENDPOINT: ses.endpoint,
      TABLE_NAME: config.tables.main,
      AUDIT_TABLE_NAME: config.tables.audit,
      PORTAL_URL: PORTAL,
      LOG_LEVEL: 'silent',
    };
    const run = promisify(execFile);
    const args = [
      'tsx',
      'functions/jobs/bootstrap-cli.ts',
      '--template',
      TEMPLATE,
      '--lead-email',
      'cli.lead@example.org',
      '--name',
      'Command Line Partnership',
      '--platform-admin',
      'ops@portal.example',
    ];
    const { stdout } = await run('npx', args, { cwd: ROOT, env });
    expect(stdout).toContain('Created Command Line Partnership (id command-line-partnership');
    expect(stdout).toContain(`Sign-in address: ${PORTAL}/p/command-line-partnership`);
    expect((await readMailbox(ses.endpoint)).some((m) => m.destination.to.includes('cli.lead@example.org'))).toBe(true);
    // Again: refused, exit code 1.
    const again = await run('npx', args, { cwd: ROOT, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 60_000);
});

describe('the settings a stateless stack’s outputs give', () => {
  const outputs = Object.keys(STACK_OUTPUT_SETTINGS).map((OutputKey) => ({ OutputKey, OutputValue: `value-of-${OutputKey}` }));

  it('when every output is there, each becomes its setting, in AWS mode and the stack’s region', () => {
    expect(settingsFromStackOutputs('Portal-Stateless', [...outputs, { OutputKey: 'ApiEndpoint', OutputValue: 'https://api.example' }], 'eu-west-2')).toEqual({
      PORTAL_MODE: 'aws',
      AWS_REGION: 'eu-west-2',
      TABLE_NAME: 'value-of-TableName',
      AUDIT_TABLE_NAME: 'value-of-AuditTableName',
      COGNITO_USER_POOL_ID: 'value-of-UserPoolId',
      COGNITO_CLIENT_ID: 'value-of-UserPoolClientId',
      COGNITO_DOMAIN: 'value-of-HostedUiDomain',
      PORTAL_URL: 'value-of-WebUrl',
      MAIL_FROM: 'value-of-MailFrom',
      SES_CONFIGURATION_SET: 'value-of-ConfigurationSet',
      DOCUMENTS_BUCKET: 'value-of-DocumentsBucket',
    });
  });

  it('when the optional outputs are absent, the rest still apply; when a required one is absent, the message names it', () => {
    const required = outputs.filter((o) => !['HostedUiDomain', 'ConfigurationSet', 'DocumentsBucket'].includes(o.OutputKey));
    expect(settingsFromStackOutputs('S', required, 'eu-west-1')).not.toHaveProperty('SES_CONFIGURATION_SET');
    expect(() => settingsFromStackOutputs('S', required.slice(1), 'eu-west-1')).toThrow('The stack S (eu-west-1) has no output TableName');
  });
});
