import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { chaseKeys, digestKeys, notificationKeys, outboxKeys, partnershipKeys, platformKeys } from '../../functions/db/keys.js';
import { AUDIT_TABLE, MAIN_TABLE } from '../../functions/db/table-design.js';
import { LEDGER_ATTRIBUTES } from '../../functions/repositories/notification-repository.js';
import { AwsSolutionsChecks, ServerlessChecks } from '../../infra/nag.js';
import { createPortalApp } from '../../infra/portal-app.js';
import { PORTAL_GROUPS } from '../../infra/constructs/auth.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

// Synthesized once for the whole file. The Lambda is bundled for real (local esbuild) from a
// stand-in entry, so these tests do not depend on the API code compiling; the SPA upload uses a
// fixture folder so the BucketDeployment (and its cdk-nag findings) is always part of the check.
const portal = createPortalApp({
  lambdaEntry: join(FIXTURES, 'handler.ts'),
  remindersEntry: join(FIXTURES, 'handler.ts'),
  sesEventsEntry: join(FIXTURES, 'handler.ts'),
  webAssetPath: join(FIXTURES, 'web'),
});
const assembly = portal.app.synth(); // throws if cdk-nag or CloudFormation validation fails
const stateful = Template.fromStack(portal.stateful);
const stateless = Template.fromStack(portal.stateless);

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
const resourcesOf = (t: Template, type: string) => t.findResources(type) as Record<string, Resource>;
const onlyLogicalId = (t: Template, type: string): string => {
  const ids = Object.keys(t.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const keySchema = (design: { partitionKey: string; sortKey: string }) => [
  { AttributeName: design.partitionKey, KeyType: 'HASH' },
  { AttributeName: design.sortKey, KeyType: 'RANGE' },
];

describe('stateful stack', () => {
  const tables = Object.values(resourcesOf(stateful, 'AWS::DynamoDB::Table'));

  it('when synthesized, it creates the main and audit tables with the key schema the repositories use', () => {
    expect(tables).toHaveLength(2);
    // The audit table also has events by month (gsi2), for the lead's audit trail page.
    for (const [design, indexes] of [
      [MAIN_TABLE, [MAIN_TABLE.gsi1]],
      [AUDIT_TABLE, [AUDIT_TABLE.gsi1, AUDIT_TABLE.gsi2]],
    ] as const) {
      stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: keySchema(design),
        GlobalSecondaryIndexes: indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index),
          Projection: { ProjectionType: 'ALL' },
        })),
        AttributeDefinitions: Match.arrayWith(
          indexes.flatMap((index) => [
            { AttributeName: index.partitionKey, AttributeType: 'S' },
            { AttributeName: index.sortKey, AttributeType: 'S' },
          ]),
        ),
      });
    }
  });

  it('when synthesized, it sets no physical table names (generated names)', () => {
    for (const t of tables) expect(t.Properties.TableName).toBeUndefined();
  });

  it('when synthesized, every table is on-demand, has PITR, deletion protection and SSE', () => {
    for (const t of tables) {
      expect(t.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('when the stack is deleted or a table replaced, it retains the tables and buckets', () => {
    for (const t of [...tables, ...Object.values(resourcesOf(stateful, 'AWS::S3::Bucket'))]) {
      expect(t.DeletionPolicy).toBe('Retain');
      expect(t.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('when synthesized, the documents bucket is versioned, encrypted and logged', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'documents/' }),
    });
  });
});

describe('buckets', () => {
  it('when synthesized, every bucket blocks public access and denies non-TLS requests', () => {
    for (const t of [stateful, stateless]) {
      const buckets = resourcesOf(t, 'AWS::S3::Bucket');
      expect(Object.keys(buckets).length).toBeGreaterThan(0);
      for (const b of Object.values(buckets)) {
        expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
      const policies = Object.values(resourcesOf(t, 'AWS::S3::BucketPolicy'));
      expect(policies).toHaveLength(Object.keys(buckets).length);
      for (const p of policies) {
        expect(JSON.stringify(p.Properties)).toContain('"aws:SecureTransport":"false"');
      }
    }
  });
});

describe('API Lambda', () => {
  const fnId = Object.keys(stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('API') } }))[0]!;
  const fn = resourcesOf(stateless, 'AWS::Lambda::Function')[fnId]!;

  it('when synthesized, it runs Node.js 22 on arm64 with the bundled handler', () => {
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
    });
  });

  it('when synthesized, it gets the configuration the Lambda reads', () => {
    const vars = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(vars).toMatchObject({ PORTAL_MODE: 'aws', PARTNERSHIP_ID: 'mscp', SECOND_FACTOR: 'required-for-roles' });
    // No source map ships, so nothing asks Node to read one at start-up.
    expect(vars.NODE_OPTIONS).toBeUndefined();
    for (const name of ['TABLE_NAME', 'AUDIT_TABLE_NAME', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'DOCUMENTS_BUCKET', 'PORTAL_URL']) {
      expect(vars[name], name).toBeDefined();
    }
    expect(JSON.stringify(vars.AUDIT_TABLE_NAME)).toContain('AuditTable');
    // The pool is the stateful stack's; the client is this stack's own.
    expect(vars.COGNITO_USER_POOL_ID).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UserPool/) });
    expect(vars.COGNITO_CLIENT_ID).toEqual({ Ref: onlyLogicalId(stateless, 'AWS::Cognito::UserPoolClient') });
  });

  it('when synthesized, it logs to its own log group kept for one month', () => {
    const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(resourcesOf(stateless, 'AWS::Logs::LogGroup')[logGroupId]!.Properties.RetentionInDays).toBe(30);
  });

  it('when bundled, it is a minified ESM file with a createRequire banner, and its source map is kept beside the assembly, not in the asset', () => {
    const asset = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    const dir = join(assembly.directory, `asset.${asset}`);
    expect(readdirSync(dir).sort()).toEqual(['index.mjs']);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire as __portalCreateRequire } from 'node:module'")).toBe(true);
    expect(code).toContain('export{');
    expect(code).not.toContain('sourceMappingURL');
    const maps = join(assembly.directory, 'lambda-sourcemaps');
    const api = readdirSync(maps).find((name) => name.endsWith('-Api-Handler'));
    expect(api).toBeDefined();
    expect(readdirSync(join(maps, api!)).sort()).toEqual(['files.json', 'index.mjs.map']);
  });
});

describe('IAM', () => {
  const statements = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy')).flatMap(
    (p) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement,
  );
  const actionsOf = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  it('when the API touches the audit table, it may only PutItem and Query, and UpdateItem on the text attributes alone (erasure)', () => {
    const onAudit = statements.filter((s) => JSON.stringify(s.Resource).includes('AuditTable'));
    expect(onAudit.length).toBeGreaterThan(0);
    const append = onAudit.filter((s) => !actionsOf(s).includes('dynamodb:UpdateItem'));
    const erase = onAudit.filter((s) => actionsOf(s).includes('dynamodb:UpdateItem'));
    // Each role may append and read at most (the API both; the bounce handler only appends).
    for (const s of append) expect(actionsOf(s).every((a) => a === 'dynamodb:PutItem' || a === 'dynamodb:Query')).toBe(true);
    expect(append.some((s) => actionsOf(s).sort().join() === 'dynamodb:PutItem,dynamodb:Query')).toBe(true);
    expect(erase).toHaveLength(1);
    expect(actionsOf(erase[0]!)).toEqual(['dynamodb:UpdateItem']);
    const condition = (erase[0] as { Condition?: Record<string, Record<string, unknown>> }).Condition;
    expect(condition?.['ForAllValues:StringEquals']?.['dynamodb:Attributes']).toEqual(['pk', 'sk', 'summary', 'changes', 'before', 'after', 'meta', 'erasedBy']);
    const all = onAudit.flatMap(actionsOf);
    for (const forbidden of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*']) {
      expect(all).not.toContain(forbidden);
    }
  });

  it('when the API touches the main table, it has exactly the actions it sends, on the table and gsi1 only, for partnership keys, the partnership list and the administrators (not credentials): no Scan, and BatchWriteItem only on the tracker read model', () => {
    const api = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('ApiHandlerRole'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Array<{ Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown }> }).Statement)
      .filter((st) => JSON.stringify(st.Resource).includes('MainTable'));
    const table = { 'Fn::ImportValue': expect.stringMatching(/MainTable.*Arn/) };
    const gsi1 = { 'Fn::Join': ['', [table, `/index/${MAIN_TABLE.gsi1.name}`]] };
    const keys = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*', 'PLATFORM#PARTNERSHIPS', 'PLATFORM#ADMINS'] } };
    expect(api).toEqual([
      {
        Sid: 'MainTableRead',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
        Resource: table,
        Condition: keys,
      },
      { Sid: 'MainTableQueryIndex', Effect: 'Allow', Action: 'dynamodb:Query', Resource: gsi1, Condition: keys },
      { Sid: 'MainTableWrite', Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: table, Condition: keys },
      { Sid: 'MainTableDelete', Effect: 'Allow', Action: 'dynamodb:DeleteItem', Resource: table, Condition: keys },
      {
        Sid: 'TrackerReadModelWrite',
        Effect: 'Allow',
        Action: 'dynamodb:BatchWriteItem',
        Resource: table,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#TRACKER'] } },
      },
    ]);
    const everyAction = statements.flatMap(actionsOf);
    for (const forbidden of ['dynamodb:Scan', 'dynamodb:*', 'dynamodb:DescribeTable']) expect(everyAction).not.toContain(forbidden);
    // BatchWriteItem only where its keys are the tracker's read model.
    expect(statements.filter((st) => actionsOf(st).includes('dynamodb:BatchWriteItem')).map((st) => (st as { Sid?: string }).Sid)).toEqual(['TrackerReadModelWrite']);
    expect(JSON.stringify(statements)).not.toContain('/index/*');
  });

  it('when the API manages people, it may use the Cognito admin actions it needs on the portal user pool only', () => {
    const cognito = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect(actionsOf(cognito[0]!)).toEqual(
      expect.arrayContaining(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut', 'cognito-idp:AdminGetUser']),
    );
    expect(actionsOf(cognito[0]!).some((a) => a.includes('*') || a === 'cognito-idp:AdminDeleteUser' || a === 'cognito-idp:AdminSetUserPassword')).toBe(false);
    expect(JSON.stringify(cognito[0]!.Resource)).toContain('UserPool');
    expect(JSON.stringify(cognito[0]!.Resource)).not.toContain('userpool/*');
  });

  it('when the API sends email (invitations, chases, access changes), SES lets it send from the portal address only', () => {
    const ses = statements.filter((s) => actionsOf(s).includes('ses:SendEmail'));
    // The API's and the mail function's: each limited to the portal address.
    expect(ses).toHaveLength(2);
    for (const s of ses) expect((s as { Condition?: unknown }).Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@example.org' } });
  });

  it('when the function role is created, it carries no AWS managed policy', () => {
    for (const [id, role] of Object.entries(resourcesOf(stateless, 'AWS::IAM::Role'))) {
      // CDK-provided Lambdas that run only during deployments: the SPA upload and the cross-region reference reader.
      if (id.startsWith('CustomCDKBucketDeployment') || id.startsWith('CustomCrossRegionExport')) continue;
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('daily reminders', () => {
  const fnId = Object.keys(stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('reminders') } }))[0]!;
  const fn = resourcesOf(stateless, 'AWS::Lambda::Function')[fnId]!;
  const policies = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes('RemindersHandlerRole'));
  type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, unknown>; Sid?: string };
  const statements = policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const bySid = (sid: string) => statements.find((s) => s.Sid === sid)!;

  it('when synthesized, EventBridge Scheduler runs the reminders function at 07:00 UK time each day, with retries', () => {
    const schedule = Object.values(resourcesOf(stateless, 'AWS::Scheduler::Schedule')).find((x) => String(x.Properties.ScheduleExpression).startsWith('cron'))!;
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 7 * * ? *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(JSON.stringify((schedule.Properties.Target as { Arn: unknown }).Arn)).toContain(fnId);
    expect(schedule.Properties.Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 2 } });
  });

  it('when synthesized, the function gets the table, the sender and the portal address, and no partnership (it serves every hosted one)', () => {
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({ PORTAL_MODE: 'aws', MAIL_FROM: 'Partnership Reform Portal <no-reply@example.org>' });
    expect(env).not.toHaveProperty('PARTNERSHIP_ID');
    expect(JSON.stringify(env.PORTAL_URL)).toContain('DomainName');
    expect(fn.Properties.Timeout).toBe(300);
  });

  it('when synthesized, EventBridge Scheduler runs the notification outbox each minute, through the same function', () => {
    const schedule = Object.values(resourcesOf(stateless, 'AWS::Scheduler::Schedule')).find((x) => x.Properties.ScheduleExpression === 'rate(1 minute)')!;
    expect(JSON.stringify((schedule.Properties.Target as { Arn: unknown }).Arn)).toContain(fnId);
    expect(JSON.parse((schedule.Properties.Target as { Input: string }).Input)).toEqual({ job: 'outbox' });
  });

  it('when the job touches DynamoDB, it may read the list of hosted partnerships and any partnership (Query, GetItem), and write only the notification ledger, the outbox and the weekly summaries: no Scan, no other write', () => {
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    const table = { 'Fn::ImportValue': expect.stringMatching(/MainTable/) };
    const tableAndIndex = [table, { 'Fn::Join': ['', [table, `/index/${MAIN_TABLE.gsi1.name}`]] }];
    const like = (...patterns: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } });
    expect(dynamo).toEqual([
      {
        Sid: 'ReadHostedPartnerships',
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: table,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['PLATFORM#PARTNERSHIPS'] } },
      },
      { Sid: 'ReadPartnershipReturnsAndPeople', Effect: 'Allow', Action: 'dynamodb:Query', Resource: tableAndIndex, Condition: like('P#*') },
      {
        Sid: 'NotificationLedger',
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: table,
        Condition: { ...like('P#*#NOTIFY#*'), 'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...LEDGER_ATTRIBUTES] } },
      },
      { Sid: 'ReadItemsNotificationsName', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: table, Condition: like('P#*') },
      { Sid: 'WeeklySummaries', Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: table, Condition: like('P#*#DIGEST') },
      {
        Sid: 'NotificationOutbox',
        Effect: 'Allow',
        Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        Resource: table,
        Condition: { ...like('P#*#OUTBOX'), 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'attempts', 'notBefore'] } },
      },
    ]);
    // The patterns match the keys the jobs really write, in any partnership (test/lambda/mail-jobs-lambda.test.ts checks every request of real runs).
    const matches = (pattern: string, key: string) => new RegExp(`^${pattern.replaceAll('*', '.*')}$`).test(key);
    for (const pid of ['mscp', 'kscmp']) {
      expect(matches('P#*#NOTIFY#*', notificationKeys.sent(pid, 'return-due-soon#2026-27-Q3#kent-police', 'u-1').pk)).toBe(true);
      expect(matches('P#*#NOTIFY#*', chaseKeys.reminded(pid, 'return', '2026-27-Q3', 'kent-police').pk)).toBe(true);
      expect(matches('P#*#OUTBOX', outboxKeys.partition(pid))).toBe(true);
      expect(matches('P#*#DIGEST', digestKeys.partition(pid))).toBe(true);
      expect(matches('P#*', partnershipKeys.partnership(pid).pk)).toBe(true);
    }
    // ...and nothing of the platform's but its list of partnerships.
    for (const key of [platformKeys.admins, platformKeys.credential('police@mscp.example').pk]) expect(matches('P#*', key)).toBe(false);
  });

  it('when the job sends email, SES lets it send from the portal address only', () => {
    const ses = bySid('SendFromThePortalAddressOnly');
    expect(ses.Action).toBe('ses:SendEmail');
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@example.org' } });
  });

  it('when a run fails to send, an alarm on the errors of the function says so', () => {
    const alarms = Object.values(resourcesOf(stateless, 'AWS::CloudWatch::Alarm')).filter((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(fnId));
    expect(alarms.map((a) => [a.Properties.MetricName, a.Properties.Threshold])).toEqual([['Errors', 1]]);
  });

  it('when run by the CLI, it bundles functions/reminders-lambda.ts', () => {
    expect(existsSync(resolve(import.meta.dirname, '../../functions/reminders-lambda.ts'))).toBe(true);
  });
});

describe('HTTP API', () => {
  const clientId = onlyLogicalId(stateless, 'AWS::Cognito::UserPoolClient');
  const authorizerId = onlyLogicalId(stateless, 'AWS::ApiGatewayV2::Authorizer');
  const routes = Object.values(resourcesOf(stateless, 'AWS::ApiGatewayV2::Route'));
  const route = (key: string) => routes.find((r) => r.Properties.RouteKey === key)?.Properties;

  it('when synthesized, it has a JWT authorizer trusting the user pool and the SPA client', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        // The pool is the stateful stack's (imported).
        Issuer: { 'Fn::Join': ['', [Match.stringLikeRegexp('^https://cognito-idp\\..+\\.amazonaws\\.com/$'), { 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') }]] },
      },
    });
  });

  it('when a request hits a protected route, it goes through the JWT authorizer', () => {
    expect(route('ANY /api/{proxy+}')).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
  });

  it('when a request hits health, config, OpenAPI, the API reference or public routes, no authorizer runs', () => {
    for (const key of ['GET /api/health', 'GET /api/config', 'GET /api/openapi.json', 'ANY /api/public/{proxy+}', 'GET /api/docs', 'GET /api/docs/{proxy+}']) {
      const r = route(key);
      expect(r, key).toBeDefined();
      expect(r!.AuthorizationType, key).toBe('NONE');
      expect(r!.AuthorizerId, key).toBeUndefined();
    }
    expect(routes).toHaveLength(7);
    // Each public route acknowledges cdk-nag's "no authorizer" finding with a reason naming what it serves.
    for (const key of ['GET /api/docs', 'GET /api/docs/{proxy+}']) {
      const metadata = (routes.find((r) => r.Properties.RouteKey === key) as { Metadata?: unknown } | undefined)?.Metadata;
      expect(JSON.stringify(metadata), key).toMatch(/AwsSolutions-APIG4.*API reference page/);
    }
  });

  it('when deployed, the default stage throttles and writes access logs', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('Cognito', () => {
  it('when synthesized, it has the groups lead, executive and partner', () => {
    const names = Object.values(resourcesOf(stateful, 'AWS::Cognito::UserPoolGroup'))
      .map((g) => g.Properties.GroupName)
      .sort();
    expect(names).toEqual(['executive', 'lead', 'partner']);
    expect([...PORTAL_GROUPS].sort()).toEqual(names);
  });

  it('when synthesized, the pool has custom attributes agency and signatory, email sign-in and no self sign-up', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agency', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'signatory', AttributeDataType: 'String', Mutable: true }),
      ]),
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true }) },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('when the SPA signs in, it uses a public code-grant client whose users cannot set agency or signatory', () => {
    const client = Object.values(resourcesOf(stateless, 'AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      // aws.cognito.signin.user.admin: people set up their own authenticator with their access token.
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [onlyLogicalId(stateless, 'AWS::CloudFront::Distribution'), 'DomainName'] }, '/auth/callback']] }],
      LogoutURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [onlyLogicalId(stateless, 'AWS::CloudFront::Distribution'), 'DomainName'] }, '/']] }],
      IdTokenValidity: 60,
      TokenValidityUnits: expect.objectContaining({ IdToken: 'minutes' }),
      ReadAttributes: expect.arrayContaining(['custom:agency', 'custom:signatory']),
    });
    expect((client.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('when synthesized, its hosted UI domain prefix comes from the stack id, so two deployments in one region cannot collide', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: {
        'Fn::Join': ['', ['portal-', { 'Fn::Select': [4, { 'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }] }] }]],
      },
    });
    stateless.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });

  it('when synthesized, the user pool and its groups are in the stateful stack, retained with deletion protection; the client is in the stateless one', () => {
    const pool = Object.values(resourcesOf(stateful, 'AWS::Cognito::UserPool'));
    expect(pool).toHaveLength(1);
    expect(pool[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { DeletionProtection: 'ACTIVE' } });
    stateless.resourceCountIs('AWS::Cognito::UserPool', 0);
    stateless.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
  });
});

describe('web hosting', () => {
  /** The parts of the synthesized distribution these tests read. */
  interface Origin {
    Id: string;
    DomainName: unknown;
    S3OriginConfig?: unknown;
    CustomOriginConfig?: Record<string, unknown>;
    OriginAccessControlId?: unknown;
  }
  interface CacheBehavior {
    PathPattern: string;
    TargetOriginId: string;
    FunctionAssociations?: unknown;
    ResponseHeadersPolicyId?: unknown;
    ViewerProtocolPolicy?: string;
  }
  interface DistributionConfig {
    Origins: Origin[];
    CacheBehaviors: CacheBehavior[];
    DefaultCacheBehavior: Omit<CacheBehavior, 'PathPattern'>;
    DefaultRootObject?: string;
    CustomErrorResponses?: unknown;
    [key: string]: unknown;
  }
  const distribution = () => Object.values(resourcesOf(stateless, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as DistributionConfig;

  it('when the SPA is served, CloudFront reads the private bucket through origin access control', () => {
    const oacId = onlyLogicalId(stateless, 'AWS::CloudFront::OriginAccessControl');
    stateless.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const s3Origin = distribution().Origins.find((o) => o.S3OriginConfig)!;
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(distribution().DefaultRootObject).toBe('index.html');
  });

  it('when a response is served, it carries CSP, HSTS and the other security headers', () => {
    const policyId = onlyLogicalId(stateless, 'AWS::CloudFront::ResponseHeadersPolicy');
    stateless.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'; script-src 'self'.*frame-ancestors 'none'"),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      }),
    });
    const d = distribution();
    expect(d.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('when a path is under /api/, CloudFront forwards it uncached to the HTTP API', () => {
    const api = distribution().CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    expect(api).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
    });
    const origin = distribution().Origins.find((o) => o.Id === api.TargetOriginId)!;
    expect(JSON.stringify(origin.DomainName)).toContain('ApiEndpoint');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(api.FunctionAssociations).toBeUndefined();
  });

  it('when a SPA route is requested, a viewer-request function rewrites it to index.html (not error responses)', () => {
    const fnId = onlyLogicalId(stateless, 'AWS::CloudFront::Function');
    const code = resourcesOf(stateless, 'AWS::CloudFront::Function')[fnId]!.Properties.FunctionCode as string;
    expect(code).toContain("request.uri = '/index.html'");
    expect(code).toContain("uri.startsWith('/api/')");
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });

  it('when a built SPA folder is given, it deploys it to the bucket and invalidates the distribution', () => {
    stateless.resourceCountIs('Custom::CDKBucketDeployment', 1);
    stateless.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'] });
  });
});

describe('cdk-nag', () => {
  it('when the AwsSolutions and Serverless packs check the app, they find no unacknowledged errors', () => {
    for (const stack of [portal.stateful, portal.stateless, portal.edge!]) {
      expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('(AwsSolutions|Serverless)-.*'))).toEqual([]);
    }
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(portal.app);
      expect(report.violations.filter((v) => v.severity === 'error').map((v) => v.ruleName)).toEqual([]);
    }
  });

  it('when a finding is acknowledged, the template records it with a reason', () => {
    const recorded = [stateful, stateless, Template.fromStack(portal.edge!)].flatMap((t) =>
      Object.values(t.toJSON().Resources as Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } } }>).flatMap(
        (r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? [],
      ),
    );
    expect(recorded.length).toBeGreaterThan(0);
    for (const r of recorded) expect(r.reason.length, r.id).toBeGreaterThan(20);
  });
});

/** cfn-lint, when this machine has it (`pip install cfn-lint`); the check is skipped, saying so, when it does not. */
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const hasCfnLint = cfnLint.status === 0;
if (!hasCfnLint) console.warn('cfn-lint is not installed: the CloudFormation lint check is skipped (pip install cfn-lint to run it).');

describe('cfn-lint', () => {
  it.skipIf(!hasCfnLint)('when cfn-lint reads every synthesized template, it reports no errors', () => {
    const templates = readdirSync(assembly.directory)
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => join(assembly.directory, f));
    expect(templates.length).toBe(3);
    const run = spawnSync('cfn-lint', ['--format', 'json', ...templates], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    const findings = JSON.parse(run.stdout || '[]') as Array<{ Level: string; Rule: { Id: string }; Message: string; Filename: string }>;
    const errors = findings.filter((f) => f.Level === 'Error').map((f) => `${f.Rule.Id} ${f.Filename}: ${f.Message}`);
    expect(errors).toEqual([]);
  });
});

describe('app', () => {
  it('when run by the CLI, it bundles functions/lambda.ts', () => {
    expect(existsSync(resolve(import.meta.dirname, '../../functions/lambda.ts'))).toBe(true);
  });

  it('when context sets a stage and no SPA is built, it names the stacks (WAF in us-east-1) and skips the upload', () => {
    const { app, stateful: s1, stateless: s2, edge } = variant({ stage: 'Test' });
    expect([s1.stackName, s2.stackName, edge?.stackName]).toEqual(['TestStateful', 'TestStateless', 'TestEdge']);
    expect(edge?.region).toBe('us-east-1');
    expect(s1.region).toBe('eu-west-2');
    app.synth();
    Template.fromStack(s2).resourceCountIs('Custom::CDKBucketDeployment', 0);
    expect(s2.dependencies).toEqual(expect.arrayContaining([s1, edge]));
  });

  it('when context is inconsistent, synthesis stops with a message saying what to give', () => {
    expect(() => variant({ domainName: 'portal.example.org' })).toThrow(/needs both domainName and certificateArn/);
    expect(() => variant({ domainName: 'portal.example.org', certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc' })).toThrow(/us-east-1/);
    expect(() => variant({ webDomain: 'portal.example.org' })).toThrow(/domainName and certificateArn/);
    expect(() => variant({ waf: 'yes' })).toThrow(/waf must be true or false/);
    expect(() => variant({ monthlyBudgetUsd: '-5' })).toThrow(/monthlyBudgetUsd must be a positive number/);
  });
});

/** The app synthesized with extra context and no bundling (these tests read templates, not code). */
function variant(context: Record<string, string>) {
  return createPortalApp({ appProps: { context: { 'aws:cdk:bundling-stacks': [], ...context } }, webAssetPath: null });
}

describe('first deploy: sign-in works on the distribution without a second deploy', () => {
  const distribution = { 'Fn::GetAtt': [onlyLogicalId(stateless, 'AWS::CloudFront::Distribution'), 'DomainName'] };
  const envOf = (description: RegExp) =>
    (
      Object.values(resourcesOf(stateless, 'AWS::Lambda::Function')).find((f) => description.test(String(f.Properties.Description)))!.Properties.Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;

  it("when synthesized, the API and the mail jobs link to the distribution's own address", () => {
    const url = { 'Fn::Join': ['', ['https://', distribution]] };
    expect(envOf(/API/).PORTAL_URL).toEqual(url);
    expect(envOf(/reminders/).PORTAL_URL).toEqual(url);
  });

  it('when synthesized, nothing in the deployed stacks points at localhost', () => {
    for (const t of [stateful, stateless]) expect(JSON.stringify(t.toJSON())).not.toMatch(/localhost/);
  });

  it('when synthesized, the stack outputs what `npm run bootstrap -- --stack` reads', () => {
    const outputs = Object.keys(stateless.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(
      expect.arrayContaining(['WebUrl', 'UserPoolId', 'UserPoolClientId', 'HostedUiDomain', 'TableName', 'AuditTableName', 'DocumentsBucket', 'MailFrom', 'ConfigurationSet']),
    );
  });

  it('when a custom domain and its us-east-1 certificate are given, the distribution serves it and sign-in and email use it', () => {
    const v = variant({ domainName: 'portal.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123' });
    v.app.synth();
    const t = Template.fromStack(v.stateless);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['portal.example.org'],
        ViewerCertificate: { AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
      }),
    });
    const client = Object.values(t.findResources('AWS::Cognito::UserPoolClient'))[0] as Resource;
    expect(client.Properties.CallbackURLs).toEqual(['https://portal.example.org/auth/callback', expect.objectContaining({ 'Fn::Join': expect.anything() })]);
    const api = Object.values(t.findResources('AWS::Lambda::Function')).find((f) => /API/.test(String((f as Resource).Properties.Description))) as Resource;
    expect((api.Properties.Environment as { Variables: Record<string, unknown> }).Variables.PORTAL_URL).toBe('https://portal.example.org');
  });
});

describe('identity and data kept safe', () => {
  it('when synthesized, AWS Backup copies both tables daily and keeps each copy 35 days, in a retained vault', () => {
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ RuleName: 'Daily', ScheduleExpression: 'cron(0 2 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } })] },
    });
    const selection = JSON.stringify(Object.values(resourcesOf(stateful, 'AWS::Backup::BackupSelection'))[0]!.Properties);
    for (const table of ['MainTable', 'AuditTable']) expect(selection).toContain(table);
    expect(Object.values(resourcesOf(stateful, 'AWS::Backup::BackupVault'))[0]!.DeletionPolicy).toBe('Retain');
  });

  it('when a vault in another account is given, each backup is copied there too', () => {
    const vault = 'arn:aws:backup:eu-west-2:210987654321:backup-vault:portal-copies';
    const v = variant({ backupCopyVaultArn: vault });
    v.app.synth();
    Template.fromStack(v.stateful).hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ CopyActions: [{ DestinationBackupVaultArn: vault, Lifecycle: { DeleteAfterDays: 35 } }] })] },
    });
    // AWS Backup shares only backups under a customer managed key: the vault gets one (rotated, retained).
    const t = Template.fromStack(v.stateful);
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    t.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupKey'), 'Arn'] } });
    stateful.resourceCountIs('AWS::KMS::Key', 0);
  });

  it('when a document is stored, Object Lock (governance mode) keeps every version for six years by default', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2192 } } },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('when threat protection is turned on by context, the pool uses the Plus plan with threat protection enforced; by default the Essentials plan', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
    const v = variant({ threatProtection: 'true' });
    v.app.synth();
    Template.fromStack(v.stateful).hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
  });
});

describe('edge: WAF and the way around CloudFront closed', () => {
  const edge = Template.fromStack(portal.edge!);

  it('when synthesized, a CloudFront web ACL in us-east-1 applies the AWS common and known-bad-inputs rule sets and a per-address rate limit', () => {
    expect(portal.edge!.region).toBe('us-east-1');
    const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as Resource;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as Array<{ Name: string; Statement: Record<string, Record<string, unknown>> }>;
    expect(rules.map((r) => r.Name)).toEqual(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'RateLimitPerAddress']);
    // Bodies over 8 KB (a return, an upload) are counted, not blocked: the API limits sizes itself.
    expect(rules[0]!.Statement.ManagedRuleGroupStatement!.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    // The threshold document upload (a PDF) is left out of the common set's body rules; nothing else is.
    expect(rules[0]!.Statement.ManagedRuleGroupStatement!.ScopeDownStatement).toEqual({
      NotStatement: {
        Statement: {
          ByteMatchStatement: {
            FieldToMatch: { UriPath: {} },
            PositionalConstraint: 'ENDS_WITH',
            SearchString: '/threshold-documents/upload',
            TextTransformations: [{ Priority: 0, Type: 'NONE' }],
          },
        },
      },
    });
    expect(rules[1]!.Statement.ManagedRuleGroupStatement!.ScopeDownStatement).toBeUndefined();
    expect(rules[2]!.Statement.RateBasedStatement).toEqual({ Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
  });

  it('when synthesized, the distribution uses that web ACL; with waf=false there is no edge stack and no web ACL', () => {
    const config = Object.values(resourcesOf(stateless, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Record<string, unknown>;
    expect(JSON.stringify(config.WebACLId)).toMatch(/CrossRegion|WebAcl/);
    const v = variant({ waf: 'false' });
    v.app.synth();
    expect(v.edge).toBeUndefined();
    const off = Object.values(Template.fromStack(v.stateless).findResources('AWS::CloudFront::Distribution'))[0] as Resource;
    expect((off.Properties.DistributionConfig as Record<string, unknown>).WebACLId).toBeUndefined();
  });

  it('when the next originSecretGeneration is deployed, a new secret replaces the old, and CloudFront and the API both read the new one', () => {
    const v = variant({ originSecretGeneration: '2' });
    v.app.synth();
    const t = Template.fromStack(v.stateless);
    const ids = Object.keys(t.findResources('AWS::SecretsManager::Secret'));
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(onlyLogicalId(stateless, 'AWS::SecretsManager::Secret'));
    const template = JSON.stringify(t.toJSON());
    expect(template.split(ids[0]!).length - 1).toBeGreaterThanOrEqual(2);
    const api = Object.values(t.findResources('AWS::Lambda::Function')).find((f) => /API/.test(String((f as Resource).Properties.Description))) as Resource;
    expect(JSON.stringify((api.Properties.Environment as { Variables: Record<string, unknown> }).Variables.ORIGIN_VERIFY_SECRET)).toContain(ids[0]!);
  });

  it('when CloudFront forwards to the API, it adds a secret header, and the API function is given the same secret to check', () => {
    const secretId = onlyLogicalId(stateless, 'AWS::SecretsManager::Secret');
    const config = Object.values(resourcesOf(stateless, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as {
      Origins: Array<{ CustomOriginConfig?: unknown; OriginCustomHeaders?: Array<{ HeaderName: string; HeaderValue: unknown }> }>;
    };
    const apiOrigin = config.Origins.find((o) => o.CustomOriginConfig)!;
    expect(apiOrigin.OriginCustomHeaders).toHaveLength(1);
    const header = apiOrigin.OriginCustomHeaders![0]!;
    expect(header.HeaderName).toBe('x-portal-origin-verify');
    expect(JSON.stringify(header.HeaderValue)).toContain(`{{resolve:secretsmanager:`);
    expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
    const api = Object.values(resourcesOf(stateless, 'AWS::Lambda::Function')).find((f) => /API/.test(String(f.Properties.Description)))!;
    const vars = (api.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(vars.ORIGIN_VERIFY_HEADER).toBe('x-portal-origin-verify');
    expect(vars.ORIGIN_VERIFY_SECRET).toEqual(header.HeaderValue);
    // The S3 origin gets no such header (it is read through origin access control).
    expect(config.Origins.filter((o) => o.OriginCustomHeaders)).toHaveLength(1);
  });
});

describe('alarms, dashboard and budget', () => {
  const alarms = Object.values(resourcesOf(stateless, 'AWS::CloudWatch::Alarm'));
  const metricsOf = (a: Resource): string[] => {
    const p = a.Properties as { MetricName?: string; Metrics?: Array<{ MetricStat?: { Metric: { MetricName: string } } }> };
    return p.MetricName ? [p.MetricName] : (p.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []));
  };

  it('when anything goes wrong, an alarm covers it: Lambda errors, throttles and p95 duration, API 5xx and 4xx, DynamoDB throttles and system errors, SES bounces, job failures', () => {
    const names = alarms.flatMap(metricsOf);
    for (const metric of [
      'Errors',
      'Throttles',
      'Duration',
      '5xx',
      '4xx',
      'ThrottledRequests',
      'SystemErrors',
      'Reputation.BounceRate',
      'Reputation.ComplaintRate',
      'ApproximateNumberOfMessagesVisible',
    ]) {
      expect(names, metric).toContain(metric);
    }
    expect(alarms.some((a) => a.Properties.ExtendedStatistic === 'p95' && a.Properties.MetricName === 'Duration')).toBe(true);
  });

  it('when an alarm fires, CloudWatch may publish to the topic (its policy replaces the default one, so it must say so), for this account’s alarms only', () => {
    const policies = Object.values(resourcesOf(stateless, 'AWS::SNS::TopicPolicy')).filter((p) => JSON.stringify(p.Properties).includes('budgets.amazonaws.com'));
    expect(policies).toHaveLength(1);
    const statements = (policies[0]!.Properties.PolicyDocument as { Statement: Array<{ Sid?: string; Principal?: unknown; Condition?: unknown; Effect: string }> }).Statement;
    const cloudwatch = statements.find((st) => st.Sid === 'CloudWatchAlarmsPublish');
    expect(cloudwatch).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } });
    expect(JSON.stringify(cloudwatch?.Condition)).toContain(':alarm:*');
    expect(JSON.stringify(cloudwatch?.Condition)).toContain('aws:SourceAccount');
  });

  it('when an alarm fires, it notifies one topic (every alarm has the action)', () => {
    const topics = Object.entries(resourcesOf(stateless, 'AWS::SNS::Topic')).filter(([, t]) => /alarms/.test(String(t.Properties.DisplayName)));
    expect(topics).toHaveLength(1);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: topics[0]![0] }]);
  });

  it('when alarmEmail is given, the topic has an email subscription to it; without it, none', () => {
    expect(Object.values(resourcesOf(stateless, 'AWS::SNS::Subscription')).filter((x) => x.Properties.Protocol === 'email')).toHaveLength(0);
    const v = variant({ alarmEmail: 'ops@example.org', monthlyBudgetUsd: '120' });
    v.app.synth();
    const t = Template.fromStack(v.stateless);
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    t.hasResourceProperties('AWS::Budgets::Budget', { Budget: Match.objectLike({ BudgetLimit: { Amount: 120, Unit: 'USD' } }) });
  });

  it('when the month costs more than the budget (actual or forecast), AWS Budgets notifies the same topic, which lets it publish', () => {
    stateless.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 50, Unit: 'USD' } },
      NotificationsWithSubscribers: [
        { Notification: Match.objectLike({ NotificationType: 'ACTUAL', Threshold: 100 }), Subscribers: [{ SubscriptionType: 'SNS', Address: Match.anyValue() }] },
        { Notification: Match.objectLike({ NotificationType: 'FORECASTED', Threshold: 100 }), Subscribers: [{ SubscriptionType: 'SNS', Address: Match.anyValue() }] },
      ],
    });
    expect(JSON.stringify(stateless.findResources('AWS::SNS::TopicPolicy'))).toContain('budgets.amazonaws.com');
  });

  it('when a daily backup or its copy fails, EventBridge tells the same topic, which lets it publish', () => {
    const rules = Object.values(resourcesOf(stateless, 'AWS::Events::Rule')).filter((r) => JSON.stringify(r.Properties.EventPattern).includes('aws.backup'));
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.EventPattern).toEqual({
      source: ['aws.backup'],
      'detail-type': ['Backup Job State Change', 'Copy Job State Change'],
      detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'] },
    });
    const topics = Object.entries(resourcesOf(stateless, 'AWS::SNS::Topic')).filter(([, t]) => /alarms/.test(String(t.Properties.DisplayName)));
    expect(rules[0]!.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topics[0]![0] } })]);
    expect(JSON.stringify(stateless.findResources('AWS::SNS::TopicPolicy'))).toContain('events.amazonaws.com');
  });

  it('when synthesized, a CloudWatch dashboard shows the same signals', () => {
    const body = JSON.stringify(Object.values(resourcesOf(stateless, 'AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody);
    for (const text of ['API requests', 'API latency', 'DynamoDB main table', 'SES bounce', 'Alarms']) expect(body).toContain(text);
    // Each route's p95 from the portal's own metric, found by a search (routes are not listed by hand).
    expect(body).toContain('SEARCH(');
    expect(body).toContain('{PartnershipReformPortal,service,route,outcome} MetricName=');
  });

  it('when a bounce notice cannot be handled, it lands in a dead-letter queue (from Lambda and from SNS) and an alarm says so', () => {
    const queueId = onlyLogicalId(stateless, 'AWS::SQS::Queue');
    const handler = Object.values(resourcesOf(stateless, 'AWS::Lambda::Function')).find((f) => /bounces and complaints/.test(String(f.Properties.Description)))!;
    expect(JSON.stringify(handler.Properties.DeadLetterConfig)).toContain(queueId);
    const sub = Object.values(resourcesOf(stateless, 'AWS::SNS::Subscription')).find((x) => x.Properties.Protocol === 'lambda')!;
    expect(JSON.stringify(sub.Properties.RedrivePolicy)).toContain(queueId);
  });
});

describe('email bounces and complaints', () => {
  it('when synthesized, SES publishes bounces and complaints of a configuration set to an SNS topic that runs the handler', () => {
    const destinations = Object.values(resourcesOf(stateless, 'AWS::SES::ConfigurationSetEventDestination'));
    expect(destinations).toHaveLength(1);
    const d = destinations[0]!.Properties.EventDestination as { MatchingEventTypes: string[]; SnsDestination: unknown; Enabled?: boolean };
    expect([...d.MatchingEventTypes].sort()).toEqual(['bounce', 'complaint']);
    const subs = Object.values(resourcesOf(stateless, 'AWS::SNS::Subscription'));
    expect(subs.map((x) => x.Properties.Protocol)).toEqual(['lambda']);
  });

  it('when the API and the mail function send, they name the configuration set, and may use it', () => {
    const fns = Object.values(resourcesOf(stateless, 'AWS::Lambda::Function')).filter((f) => /API|reminders/.test(String(f.Properties.Description)));
    expect(fns.length).toBe(2);
    for (const f of fns) expect((f.Properties.Environment as { Variables: Record<string, unknown> }).Variables.SES_CONFIGURATION_SET).toBeDefined();
    const ses = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
      .filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    for (const s of ses) expect(JSON.stringify(s.Resource)).toContain('configuration-set/');
  });

  it('when the handler touches DynamoDB, it may read the list of hosted partnerships, whether a person record exists in any (its key alone), read and add stopped addresses in any, and append to the audit table', () => {
    const policies = Object.values(resourcesOf(stateless, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes('MailEventsHandlerRole'));
    const statements = policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Sid?: string; Action: string | string[]; Condition?: unknown }[] }).Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    const table = { 'Fn::ImportValue': expect.stringMatching(/MainTable/) };
    expect(dynamo).toEqual([
      {
        Sid: 'ReadHostedPartnerships',
        Effect: 'Allow',
        Action: 'dynamodb:Query',
        Resource: table,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['PLATFORM#PARTNERSHIPS'] } },
      },
      {
        Sid: 'WhereTheAddressIsAPerson',
        Effect: 'Allow',
        Action: 'dynamodb:BatchGetItem',
        Resource: table,
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#USER#*'] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk'] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      },
      {
        Sid: 'StoppedAddresses',
        Effect: 'Allow',
        Action: ['dynamodb:Query', 'dynamodb:PutItem'],
        Resource: table,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#MAILSTOP'] } },
      },
      { Sid: 'AppendAudit', Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: { 'Fn::ImportValue': expect.stringMatching(/AuditTable/) } },
    ]);
    const fn = Object.values(resourcesOf(stateless, 'AWS::Lambda::Function')).find((f) => /bounces and complaints/.test(String(f.Properties.Description)))!;
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).not.toHaveProperty('PARTNERSHIP_ID');
  });
});
