import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { MAIN_TABLE } from '../../functions/db/table-design.js';
import { LEDGER_ATTRIBUTES } from '../../functions/repositories/notification-repository.js';
import { acknowledge } from '../nag.js';
import { readHostedPartnerships } from './platform-access.js';
import { PortalFunction } from './portal-function.js';
import { allowSendingFrom } from './send-mail.js';

export interface RemindersProps {
  /** `functions/reminders-lambda.ts` (absolute path). */
  readonly entry: string;
  readonly table: dynamodb.ITable;
  /** Environment the shared configuration needs in aws mode (the Cognito settings). */
  readonly authEnvironment: Record<string, string>;
  /** Sender of the portal's email, e.g. `MSCP <no-reply@mscp.example.org>`: an SES-verified identity. */
  readonly mailFrom: string;
  /** SES configuration set every email is sent with (bounces and complaints, `infra/constructs/mail-events.ts`). */
  readonly configurationSet?: string;
  /** The portal's address as people reach it, for the links in email. */
  readonly portalUrl: string;
}

/**
 * The mail jobs of every hosted partnership: a Lambda run by EventBridge Scheduler at 07:00 UK time
 * (the schedule follows Europe/London across clock changes) for the reminders, and each minute for
 * the notification outbox. It reads the list of hosted partnerships and, in each, the partnership,
 * returns and people (Query on the table and gsi1); it writes only the notification ledger
 * (UpdateItem: a conditional claim, then the outcome), the outbox's retry bookkeeping and the
 * weekly summaries, and sends email through SES from the configured sender only. Partnerships are
 * created while the service runs, so the keys it may touch are patterns over any partnership id
 * (`P#*...`; ids are lower-case slugs, so `*` stands for one id and the upper-case suffixes can
 * match no other partition).
 */
export class Reminders extends Construct {
  public readonly fn: PortalFunction;
  public readonly schedule: scheduler.Schedule;
  public readonly outbox: scheduler.Schedule;
  public readonly errors: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    this.fn = new PortalFunction(this, 'Handler', {
      entry: props.entry,
      handler: 'handler',
      description: 'Partnership Reform Portal daily reminders',
      timeout: Duration.minutes(5),
      environment: {
        PORTAL_MODE: 'aws',
        TABLE_NAME: props.table.tableName,
        // The job never touches the audit table; the shared configuration still names one.
        AUDIT_TABLE_NAME: 'unused-by-reminders',
        MAIL_FROM: props.mailFrom,
        ...(props.configurationSet ? { SES_CONFIGURATION_SET: props.configurationSet } : {}),
        PORTAL_URL: props.portalUrl,
        ...props.authEnvironment,
      },
    });

    this.fn.addToRolePolicy(readHostedPartnerships(props.table));
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadPartnershipReturnsAndPeople',
        actions: ['dynamodb:Query'],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/${MAIN_TABLE.gsi1.name}`],
        // Partnerships' partitions only (table keys and gsi1 keys alike begin with P#{id}): `P#{id}` itself and `P#{id}#...`.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*'] } },
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NotificationLedger',
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        // Only the ledger's items (their keys begin with a partnership's NOTIFY prefix).
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#NOTIFY#*'] },
          // The ledger's own attributes: it can write no index key, so no item it writes shows up elsewhere.
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...LEDGER_ATTRIBUTES] },
        },
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadItemsNotificationsName',
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        // The partnership record (`P#{id}`: its name, for the weekly summary), a return header, a Kinship item.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*'] } },
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WeeklySummaries',
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [props.table.tableArn],
        // Only the notifications kept for people's weekly summaries.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#DIGEST'] } },
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NotificationOutbox',
        actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [props.table.tableArn],
        // Only the outbox's entries, and of those only the retry bookkeeping.
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#OUTBOX'] },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'attempts', 'notBefore'] },
        },
      }),
    );
    allowSendingFrom(this, this.fn, props.mailFrom, props.configurationSet);
    const { account } = Stack.of(this);

    // The scheduler's own role, so its permissions sit beside the job they serve.
    const invoker = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': account } } }),
      description: 'Lets EventBridge Scheduler run the daily reminders',
    });
    acknowledge(invoker, [
      {
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.fn.node.defaultChild as never)}.Arn>:*]`,
        reason: 'The Scheduler target grants invoke on the function and its versions (arn:*), as Lambda requires for a qualified invoke; it can invoke nothing else.',
      },
    ]);
    // A run that could not send everything ends in error (the Lambda's Errors metric): the next
    // run retries what failed, and this alarm says it happened.
    this.errors = new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmDescription: 'The daily reminders failed: some email was not sent (it is retried on the next run).',
      metric: this.fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.schedule = new scheduler.Schedule(this, 'Daily', {
      description: 'Runs the portal reminders each morning, UK time',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '7', timeZone: TimeZone.EUROPE_LONDON }),
      target: new targets.LambdaInvoke(this.fn, { role: invoker, retryAttempts: 2, maxEventAge: Duration.hours(2) }),
    });
    // Notifications of changes, queued in the changes' own transactions: sent within a minute.
    this.outbox = new scheduler.Schedule(this, 'Outbox', {
      description: 'Sends the portal notifications waiting in the outbox',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      target: new targets.LambdaInvoke(this.fn, {
        role: invoker,
        input: scheduler.ScheduleTargetInput.fromObject({ job: 'outbox' }),
        retryAttempts: 0,
        maxEventAge: Duration.minutes(5),
      }),
    });
  }
}
