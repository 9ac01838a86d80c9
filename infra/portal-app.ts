import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from './nag.js';
import { REPO_ROOT } from './paths.js';
import { StatefulStack } from './stacks/stateful-stack.js';
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
}

/**
 * Builds the portal's CDK app: `<stage>Stateful` and `<stage>Stateless` stacks, cdk-nag
 * AwsSolutions checks on every resource, and tags. Context keys: `stage` (default `Portal`),
 * `partnershipId` (default `mscp`), `region` (default AWS_REGION or `eu-west-2`), `webDomain`, `authDomainPrefix`, `mailFrom` (the SES-verified sender)
 * (default `partnership-reform-portal`), `skipWebDeployment`.
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
    return typeof v === 'string' && v !== '' ? v : undefined;
  };

  const stage = ctx('stage') ?? 'Portal';
  const partnershipId = ctx('partnershipId') ?? 'mscp';
  const webDomain = ctx('webDomain');
  const authDomainPrefix = ctx('authDomainPrefix') ?? 'partnership-reform-portal';
  const mailFrom = ctx('mailFrom') ?? 'Partnership Reform Portal <no-reply@example.org>';
  const skipWeb = String(app.node.tryGetContext('skipWebDeployment')) === 'true';

  const defaultDist = join(REPO_ROOT, 'web', 'dist');
  const webAssetPath = options.webAssetPath === null || skipWeb ? undefined : (options.webAssetPath ?? (existsSync(join(defaultDist, 'index.html')) ? defaultDist : undefined));

  // Environment-agnostic stacks (no account, no lookups). Region: context `region`, else
  // AWS_REGION, else London. Not CDK_DEFAULT_REGION: the CLI sets that to us-east-1 when no AWS
  // configuration exists, which would silently move UK data to the US.
  const env = { region: ctx('region') ?? process.env.AWS_REGION ?? 'eu-west-2' };

  const stateful = new StatefulStack(app, `${stage}Stateful`, {
    env,
    description: 'Partnership Reform Portal: tables and document storage (retained)',
  });
  const stateless = new StatelessStack(app, `${stage}Stateless`, {
    env,
    description: 'Partnership Reform Portal: sign-in, API and web hosting',
    table: stateful.table,
    auditTable: stateful.auditTable,
    documentsBucket: stateful.documentsBucket,
    lambdaEntry: options.lambdaEntry ?? join(REPO_ROOT, 'functions', 'lambda.ts'),
    remindersEntry: options.remindersEntry ?? join(REPO_ROOT, 'functions', 'reminders-lambda.ts'),
    sesEventsEntry: options.sesEventsEntry ?? join(REPO_ROOT, 'functions', 'ses-events-lambda.ts'),
    mailFrom,
    partnershipId,
    authDomainPrefix,
    ...(webDomain ? { webDomain } : {}),
    ...(webAssetPath ? { webAssetPath } : {}),
  });
  stateless.addStackDependency(stateful);

  Tags.of(app).add('Application', 'partnership-reform-portal');
  Tags.of(app).add('Stage', stage);
  Tags.of(app).add('Partnership', partnershipId);
  // cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails `cdk synth` (and
  // `app.synth()` in the tests). Acknowledgements live beside the constructs they concern.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));

  return { app, stateful, stateless };
}
