import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { Api } from '../constructs/api.js';
import { Auth } from '../constructs/auth.js';
import { Monitoring } from '../constructs/monitoring.js';
import { MailEvents } from '../constructs/mail-events.js';
import { Reminders } from '../constructs/reminders.js';
import { Web } from '../constructs/web.js';

export interface StatelessStackProps extends StackProps {
  /** The main single table (from the stateful stack). The API reads and writes it. */
  readonly table: dynamodb.ITable;
  /** The append-only audit table (from the stateful stack). The API may only PutItem and Query. */
  readonly auditTable: dynamodb.ITable;
  /** Bucket for uploaded documents (from the stateful stack). The API reads and writes it. */
  readonly documentsBucket: s3.IBucket;
  /** Lambda entry file: `functions/lambda.ts` (absolute path). */
  readonly lambdaEntry: string;
  /** The reminder job's entry file: `functions/reminders-lambda.ts` (absolute path). */
  readonly remindersEntry: string;
  /** The SES bounce and complaint handler: `functions/ses-events-lambda.ts` (absolute path). */
  readonly sesEventsEntry: string;
  /** Sender of the portal's email (an SES-verified identity). */
  readonly mailFrom: string;
  /** Partnership served by this deployment (`PARTNERSHIP_ID`), e.g. `mscp`. */
  readonly partnershipId: string;
  /** Prefix of the Cognito hosted UI domain; must be unique in the region. */
  readonly authDomainPrefix: string;
  /**
   * The SPA's public host name (custom domain in front of CloudFront). Sets the OAuth callback
   * URL; when absent, callbacks go to `http://localhost:3000`.
   */
  readonly webDomain?: string;
  /** Built SPA folder (`web/dist`); when absent the upload is skipped (see `Web`). */
  readonly webAssetPath?: string;
}

/**
 * What can be replaced at any time: sign-in (the user pool itself is retained), the API Lambda and
 * HTTP API, the SPA hosting and the alarms.
 */
export class StatelessStack extends Stack {
  public readonly auth: Auth;
  public readonly api: Api;
  public readonly web: Web;
  public readonly monitoring: Monitoring;
  public readonly reminders: Reminders;
  public readonly mailEvents: MailEvents;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    // Dependency order is Auth -> Api -> Web. The OAuth callback URL comes from configuration
    // (`webDomain`), never from the distribution's generated domain: that would make the client
    // depend on the distribution, which depends on the API, whose authorizer depends on the
    // client — a cycle.
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: props.authDomainPrefix,
      ...(props.webDomain ? { webDomain: props.webDomain } : {}),
    });

    const authEnvironment = { COGNITO_USER_POOL_ID: this.auth.userPool.userPoolId, COGNITO_CLIENT_ID: this.auth.client.userPoolClientId };
    this.mailEvents = new MailEvents(this, 'MailEvents', {
      entry: props.sesEventsEntry,
      table: props.table,
      auditTable: props.auditTable,
      authEnvironment,
    });
    const configurationSet = this.mailEvents.configurationSet.configurationSetName;

    this.api = new Api(this, 'Api', {
      entry: props.lambdaEntry,
      table: props.table,
      auditTable: props.auditTable,
      documentsBucket: props.documentsBucket,
      partnershipId: props.partnershipId,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: this.auth.client.userPoolClientId,
      issuerUrl: this.auth.issuerUrl,
      hostedUiDomain: this.auth.hostedUiDomain,
      mailFrom: props.mailFrom,
      configurationSet,
      ...(props.webDomain ? { portalUrl: `https://${props.webDomain}` } : {}),
    });

    this.web = new Web(this, 'Web', {
      apiDomain: this.api.apiDomain,
      ...(props.webAssetPath ? { webAssetPath: props.webAssetPath } : {}),
    });

    this.reminders = new Reminders(this, 'Reminders', {
      entry: props.remindersEntry,
      table: props.table,
      authEnvironment,
      mailFrom: props.mailFrom,
      configurationSet,
      portalUrl: `https://${props.webDomain ?? this.web.distribution.distributionDomainName}`,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', { fn: this.api.fn, httpApi: this.api.httpApi });

    new CfnOutput(this, 'WebUrl', { value: `https://${this.web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: this.auth.hostedUiDomain });
  }
}
