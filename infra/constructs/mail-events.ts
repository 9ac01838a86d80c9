import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { readHostedPartnerships } from './platform-access.js';
import { PortalFunction } from './portal-function.js';

export interface MailEventsProps {
  /** `functions/ses-events-lambda.ts` (absolute path). */
  readonly entry: string;
  readonly table: dynamodb.ITable;
  readonly auditTable: dynamodb.ITable;
  /** Cognito settings the shared configuration needs in AWS mode. */
  readonly authEnvironment: Record<string, string>;
}

/**
 * Bounces and complaints: the SES configuration set every portal email is sent with publishes them
 * to an SNS topic, whose function stops mail to the address in every hosted partnership where it is
 * a person (functions/jobs/ses-events.ts). The function may read the list of hosted partnerships,
 * learn whether a person record exists (its key only), read the stopped addresses and add to them,
 * and append to the audit table: nothing else. Partnerships are created while the service runs, so
 * the keys are patterns over any partnership id (lower-case slugs: `*` stands for one id).
 */
export class MailEvents extends Construct {
  public readonly configurationSet: ses.ConfigurationSet;
  public readonly fn: PortalFunction;
  /** Bounce and complaint notices that could not be handled (after Lambda's retries) or delivered. */
  public readonly deadLetters: sqs.Queue;
  /** Fires when a notice lands in the dead-letter queue: an address may still be receiving mail. */
  public readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    const topic = new sns.Topic(this, 'Events', { displayName: 'Partnership Reform Portal email bounces and complaints', enforceSSL: true });
    acknowledge(topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason: 'SES publishes to this topic; an AWS-managed SNS key cannot be used by SES, and the messages hold only addresses the portal already stores.',
      },
    ]);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(topic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    // A notice that cannot be handled must not vanish: the address would keep getting mail.
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(this.deadLetters, [
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'This queue is itself the dead-letter queue; nothing consumes it automatically (a person reads it after the alarm), so there is nothing to redrive to.',
      },
    ]);
    this.fn = new PortalFunction(this, 'Handler', {
      deadLetterQueue: this.deadLetters,
      entry: props.entry,
      handler: 'handler',
      description: 'Partnership Reform Portal email bounces and complaints',
      environment: {
        PORTAL_MODE: 'aws',
        TABLE_NAME: props.table.tableName,
        AUDIT_TABLE_NAME: props.auditTable.tableName,
        ...props.authEnvironment,
      },
    });
    topic.addSubscription(new subscriptions.LambdaSubscription(this.fn, { deadLetterQueue: this.deadLetters }));
    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A bounce or complaint notice could not be handled: read it from the dead-letter queue and stop the address by hand (README, Operating).',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.fn.addToRolePolicy(readHostedPartnerships(props.table));
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WhereTheAddressIsAPerson',
        actions: ['dynamodb:BatchGetItem'],
        resources: [props.table.tableArn],
        // A person record's key alone (`P#{id}#USER#{email}`): whether it exists, never what it holds.
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#USER#*'] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk'] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'StoppedAddresses',
        actions: ['dynamodb:Query', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#MAILSTOP'] } },
      }),
    );
    this.fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'AppendAudit', actions: ['dynamodb:PutItem'], resources: [props.auditTable.tableArn] }));
  }
}
