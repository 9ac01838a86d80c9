import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from './nag.js';
import { REPO_ROOT } from './paths.js';
import { EdgeStack } from './stacks/edge-stack.js';
import { DEFAULT_DOCUMENT_RETENTION_DAYS, StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

export interface PortalAppOptions {
  /** App props (context, outdir) — tests pass their own. */
  readonly appProps?: AppProps;
  /** Lambda entry; defaults to `functions/lambda.ts`. */
  readonly lambdaEntry?: string;
  /** The reminder job's entry (tests pass a stand-in). */
  readonly remindersEntry?: string;
  /** The SES events handler's entry (tests pass a stand-in). */
  readonly sesEventsEntry?: string;
  /**
   * Built SPA folder. Defaults to `web/dist` when that folder exists (after `npm run build:web`);
   * otherwise no BucketDeployment is synthesized so `cdk synth` works before the SPA is built.
   * Context `skipWebDeployment=true` also skips it. Pass `null` to skip explicitly.
   */
  readonly webAssetPath?: string | null;
}

export interface PortalApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The WAF stack (us-east-1); absent when context `waf=false`. */
  readonly edge?: EdgeStack;
}

/** Monthly budget (US dollars) when context `monthlyBudgetUsd` is not given. */
export const DEFAULT_MONTHLY_BUDGET_USD = 50;
/** WAF's per-address limit over 5 minutes when context `wafRateLimit` is not given. */
export const DEFAULT_WAF_RATE_LIMIT = 2000;

/**
 * Builds the portal's CDK app: `<stage>Stateful` (tables, documents, user pool, backups),
 * `<stage>Stateless` (sign-in client, API, web hosting, mail jobs, alarms) and `<stage>Edge` (WAF,
 * us-east-1), with cdk-nag's AwsSolutions and Serverless checks on every resource. Context keys
 * (`-c key=value`), all optional, are listed in README.md ("Deploy to AWS"): `stage`, `region`,
 * `partnershipId`, `mailFrom`, `domainName` + `certificateArn`, `authDomainPrefix`, `waf`,
 * `wafRateLimit`, `alarmEmail`, `monthlyBudgetUsd`, `threatProtection`, `backupCopyVaultArn`,
 * `documentRetentionDays`, `originSecretGeneration`, `skipWebDeployment`.
 */
export function createPortalApp(options: PortalAppOptions = {}): PortalApp {
  const app = new App({
    ...options.appProps,
    context: {
      // S3 server access logs are delivered under a bucket policy instead of the legacy
      // LogDeliveryWrite ACL (lets the stateful log bucket disable ACLs). Belongs in cdk.json's
      // context eventually; set here so tests and the CLI agree.
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
      // Keep today's behaviour explicitly: the stateful stack's exports cannot be removed while
      // the stateless stack imports them.
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...options.appProps?.context,
    },
  });
  const ctx = (key: string): string | undefined => {
    const v: unknown = app.node.tryGetContext(key);
    return typeof v === 'string' && v !== '' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const v = ctx(key);
    if (v === undefined) return fallback;
    if (v !== 'true' && v !== 'false') throw new Error(`Context ${key} must be true or false (it is "${v}").`);
    return v === 'true';
  };
  const positive = (key: string, fallback: number): number => {
    const v = ctx(key);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`Context ${key} must be a positive number (it is "${v}").`);
    return n;
  };

  if (ctx('webDomain')) throw new Error('Context webDomain was replaced: give domainName and certificateArn (an ACM certificate in us-east-1) instead.');
  const stage = ctx('stage') ?? 'Portal';
  const partnershipId = ctx('partnershipId') ?? 'mscp';
  const domainName = ctx('domainName');
  const certificateArn = ctx('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new Error('A custom domain needs both domainName and certificateArn (an ACM certificate for that name in us-east-1).');
  }
  if (certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new Error(`certificateArn must be an ACM certificate in us-east-1 (CloudFront only uses those): ${certificateArn}`);
  }
  const mailFrom = ctx('mailFrom') ?? 'Partnership Reform Portal <no-reply@example.org>';
  const skipWeb = String(app.node.tryGetContext('skipWebDeployment')) === 'true';
  const waf = flag('waf', true);
  const alarmEmail = ctx('alarmEmail');
  const authDomainPrefix = ctx('authDomainPrefix');
  const backupCopyVaultArn = ctx('backupCopyVaultArn');

  const defaultDist = join(REPO_ROOT, 'web', 'dist');
  const webAssetPath = options.webAssetPath === null || skipWeb ? undefined : (options.webAssetPath ?? (existsSync(join(defaultDist, 'index.html')) ? defaultDist : undefined));

  // Environment-agnostic stacks (no account, no lookups). Region: context `region`, else
  // AWS_REGION, else London. Not CDK_DEFAULT_REGION: the CLI sets that to us-east-1 when no AWS
  // configuration exists, which would silently move UK data to the US.
  const env = { region: ctx('region') ?? process.env.AWS_REGION ?? 'eu-west-2' };

  const stateful = new StatefulStack(app, `${stage}Stateful`, {
    env,
    description: 'Partnership Reform Portal: tables, documents, user accounts and backups (retained)',
    ...(authDomainPrefix ? { authDomainPrefix } : {}),
    threatProtection: flag('threatProtection', false),
    ...(backupCopyVaultArn ? { backupCopyVaultArn } : {}),
    documentRetentionDays: positive('documentRetentionDays', DEFAULT_DOCUMENT_RETENTION_DAYS),
  });
  // A CloudFront web ACL must be created in us-east-1.
  const edge = waf
    ? new EdgeStack(app, `${stage}Edge`, {
        env: { region: 'us-east-1' },
        crossRegionReferences: true,
        description: 'Partnership Reform Portal: AWS WAF for CloudFront (us-east-1)',
        rateLimitPer5Minutes: positive('wafRateLimit', DEFAULT_WAF_RATE_LIMIT),
      })
    : undefined;
  const stateless = new StatelessStack(app, `${stage}Stateless`, {
    env,
    crossRegionReferences: waf,
    description: 'Partnership Reform Portal: sign-in client, API, web hosting, mail jobs and alarms',
    table: stateful.table,
    auditTable: stateful.auditTable,
    documentsBucket: stateful.documentsBucket,
    users: stateful.users,
    lambdaEntry: options.lambdaEntry ?? join(REPO_ROOT, 'functions', 'lambda.ts'),
    remindersEntry: options.remindersEntry ?? join(REPO_ROOT, 'functions', 'reminders-lambda.ts'),
    sesEventsEntry: options.sesEventsEntry ?? join(REPO_ROOT, 'functions', 'ses-events-lambda.ts'),
    mailFrom,
    partnershipId,
    ...(domainName && certificateArn ? { customDomain: { domainName, certificateArn } } : {}),
    ...(edge ? { webAclArn: edge.webAcl.attrArn } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    monthlyBudgetUsd: positive('monthlyBudgetUsd', DEFAULT_MONTHLY_BUDGET_USD),
    originSecretGeneration: Math.floor(positive('originSecretGeneration', 1)),
    ...(webAssetPath ? { webAssetPath } : {}),
  });
  stateless.addStackDependency(stateful);
  if (edge) stateless.addStackDependency(edge);

  // CloudFormation cannot tag a CloudWatch dashboard (cfn-lint E3002).
  const tagging = { excludeResourceTypes: ['AWS::CloudWatch::Dashboard'] };
  Tags.of(app).add('Application', 'partnership-reform-portal', tagging);
  Tags.of(app).add('Stage', stage, tagging);
  // cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails `cdk synth` (and
  // `app.synth()` in the tests). Acknowledgements live beside the constructs they concern.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
    new ServerlessChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );

  return { app, stateful, stateless, ...(edge ? { edge } : {}) };
}
