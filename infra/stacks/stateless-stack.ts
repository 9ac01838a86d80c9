import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { Api } from '../constructs/api.js';
import { WebClient } from '../constructs/auth.js';
import { MailEvents } from '../constructs/mail-events.js';
import { Monitoring } from '../constructs/monitoring.js';
import { Reminders } from '../constructs/reminders.js';
import { Web } from '../constructs/web.js';
import { acknowledge } from '../nag.js';

/** The header CloudFront adds to API requests, which the API checks (functions/http/origin-verify.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-portal-origin-verify';

export interface StatelessStackProps extends StackProps {
  /** The main single table (from the stateful stack). */
  readonly table: dynamodb.ITable;
  /** The append-only audit table (from the stateful stack). The API may only PutItem and Query. */
  readonly auditTable: dynamodb.ITable;
  /** Bucket for uploaded documents (from the stateful stack). The API reads and writes it. */
  readonly documentsBucket: s3.IBucket;
  /** The user pool (from the stateful stack), its hosted sign-in domain and token issuer. */
  readonly users: { readonly userPool: cognito.IUserPool; readonly hostedUiDomain: string; readonly issuerUrl: string };
  /** Lambda entry file: `functions/lambda.ts` (absolute path). */
  readonly lambdaEntry: string;
  /** The reminder job's entry file: `functions/reminders-lambda.ts` (absolute path). */
  readonly remindersEntry: string;
  /** The SES bounce and complaint handler: `functions/ses-events-lambda.ts` (absolute path). */
  readonly sesEventsEntry: string;
  /** Sender of the portal's email (an SES-verified identity). */
  readonly mailFrom: string;
  /** Partnership served at the bare address (`PARTNERSHIP_ID`), e.g. `mscp`. */
  readonly partnershipId: string;
  /** A custom domain and its us-east-1 ACM certificate (context `domainName`, `certificateArn`). */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** The WAF web ACL from the edge stack; absent when WAF is turned off. */
  readonly webAclArn?: string;
  /** Who receives alarms (context `alarmEmail`). */
  readonly alarmEmail?: string;
  /** The monthly budget in US dollars (context `monthlyBudgetUsd`). */
  readonly monthlyBudgetUsd: number;
  /** Built SPA folder (`web/dist`); when absent the upload is skipped (see `Web`). */
  readonly webAssetPath?: string;
  /**
   * Which origin secret is in use (context `originSecretGeneration`, default 1). Raising it creates a
   * new secret, and CloudFront's header and the API's setting both move to it in the same deploy.
   */
  readonly originSecretGeneration?: number;
}

/**
 * What can be replaced at any time: the SPA's sign-in client, the API Lambda and HTTP API, the
 * SPA hosting, the mail jobs and the alarms. Everything that holds data (the user pool included)
 * is in the stateful stack.
 */
export class StatelessStack extends Stack {
  public readonly signIn: WebClient;
  public readonly api: Api;
  public readonly web: Web;
  public readonly monitoring: Monitoring;
  public readonly reminders: Reminders;
  public readonly mailEvents: MailEvents;
  /** `https://` + the address people use: the custom domain when there is one, else CloudFront's. */
  public readonly portalUrl: string;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    this.mailEvents = new MailEvents(this, 'MailEvents', {
      entry: props.sesEventsEntry,
      table: props.table,
      auditTable: props.auditTable,
      authEnvironment: { COGNITO_USER_POOL_ID: props.users.userPool.userPoolId },
    });
    const configurationSet = this.mailEvents.configurationSet.configurationSetName;

    this.api = new Api(this, 'Api', {
      entry: props.lambdaEntry,
      table: props.table,
      auditTable: props.auditTable,
      documentsBucket: props.documentsBucket,
      partnershipId: props.partnershipId,
      userPoolId: props.users.userPool.userPoolId,
      issuerUrl: props.users.issuerUrl,
      hostedUiDomain: props.users.hostedUiDomain,
      mailFrom: props.mailFrom,
      configurationSet,
    });

    // CloudFront proves a request came through it with a secret header the API checks.
    // A new generation is a new secret (a new logical id): both references change in one deploy.
    // Putting a new value into the same secret would not: CloudFormation re-reads a dynamic
    // reference only when the resource holding it changes for another reason.
    const generation = props.originSecretGeneration ?? 1;
    const originSecret = new secretsmanager.Secret(this, generation === 1 ? 'OriginVerifySecret' : `OriginVerifySecret${generation}`, {
      description: 'Header value CloudFront adds to API requests; the API refuses requests without it',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    acknowledge(originSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'CloudFormation reads the value into the distribution and the API function at deploy time, so rotation is a new secret in one deploy (context originSecretGeneration, README); an automatic rotation would break requests until the next deploy.',
      },
    ]);
    const originVerify = { header: ORIGIN_VERIFY_HEADER, value: originSecret.secretValue.unsafeUnwrap() };

    this.web = new Web(this, 'Web', {
      apiDomain: this.api.apiDomain,
      originVerify,
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
      ...(props.webAssetPath ? { webAssetPath: props.webAssetPath } : {}),
    });
    const cloudFrontUrl = `https://${this.web.distribution.distributionDomainName}`;
    this.portalUrl = props.customDomain ? `https://${props.customDomain.domainName}` : cloudFrontUrl;

    this.signIn = new WebClient(this, 'SignIn', {
      userPool: props.users.userPool,
      origins: props.customDomain ? [this.portalUrl, cloudFrontUrl] : [cloudFrontUrl],
    });
    const clientId = this.signIn.client.userPoolClientId;
    this.api.connect({ userPoolClientId: clientId, portalUrl: this.portalUrl, originVerify });
    this.mailEvents.fn.addEnvironment('COGNITO_CLIENT_ID', clientId);

    this.reminders = new Reminders(this, 'Reminders', {
      entry: props.remindersEntry,
      table: props.table,
      authEnvironment: { COGNITO_USER_POOL_ID: props.users.userPool.userPoolId, COGNITO_CLIENT_ID: clientId },
      mailFrom: props.mailFrom,
      configurationSet,
      portalUrl: this.portalUrl,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      fn: this.api.fn,
      httpApi: this.api.httpApi,
      jobs: this.reminders.fn,
      mailEvents: this.mailEvents.fn,
      otherAlarms: [this.reminders.errors, this.mailEvents.deadLetterAlarm],
      tables: [props.table, props.auditTable],
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      monthlyBudgetUsd: props.monthlyBudgetUsd,
    });

    for (const fn of [this.api.fn, this.reminders.fn, this.mailEvents.fn]) {
      acknowledge(fn, [
        {
          id: 'Serverless-LambdaLatestVersion',
          reason:
            'Node.js 22 is the runtime the code is built, typed and tested for (esbuild target node22); moving to a newer runtime is a deliberate upgrade with its own test run, not a side effect of a deploy.',
        },
      ]);
    }
    acknowledge(this.api.fn, [
      {
        id: 'Serverless-LambdaDLQ',
        reason: 'API Gateway invokes the API synchronously and gets the error back as the answer; a dead-letter queue only receives failed asynchronous invocations.',
      },
    ]);
    acknowledge(this.reminders.fn, [
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'A scheduled run carries no data (the job reads what is due afresh and a ledger stops repeats), so a failed event is worth nothing to replay; the failure raises the JobFailures alarm and the next run retries.',
      },
    ]);

    // What `npm run bootstrap -- --stack <name>` reads (functions/jobs/bootstrap-cli.ts), and what a person needs.
    const outputs: Record<string, string> = {
      WebUrl: this.portalUrl,
      CloudFrontUrl: cloudFrontUrl,
      ApiEndpoint: this.api.httpApi.apiEndpoint,
      UserPoolId: props.users.userPool.userPoolId,
      UserPoolClientId: clientId,
      HostedUiDomain: props.users.hostedUiDomain,
      TableName: props.table.tableName,
      AuditTableName: props.auditTable.tableName,
      DocumentsBucket: props.documentsBucket.bucketName,
      MailFrom: props.mailFrom,
      ConfigurationSet: configurationSet,
      AlarmTopicArn: this.monitoring.topic.topicArn,
      DashboardName: this.monitoring.dashboard.dashboardName,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
