import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { API_METRICS, METRICS_NAMESPACE, SERVICES } from '../../functions/observability/metric-names.js';
import { acknowledge } from '../nag.js';

export interface MonitoringProps {
  /** The API function. */
  readonly fn: lambda.IFunction;
  readonly httpApi: apigwv2.HttpApi;
  /** The scheduled mail jobs' function (reminders, summaries, outbox). */
  readonly jobs: lambda.IFunction;
  /** Alarms made beside what they watch (the mail jobs' failures): they notify the same topic. */
  readonly otherAlarms?: readonly cloudwatch.Alarm[];
  /** The SES bounce and complaint handler. */
  readonly mailEvents: lambda.IFunction;
  readonly tables: readonly dynamodb.ITable[];
  /** Who gets the alarms (context `alarmEmail`); without it the topic has no subscriber yet. */
  readonly alarmEmail?: string;
  /** Monthly cost, in US dollars, past which the budget alarm fires (actual and forecast). */
  readonly monthlyBudgetUsd: number;
}

const OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * What tells someone the portal is unwell, and who: every alarm goes to one SNS topic with an email
 * subscription from context, a dashboard shows the same signals, and an AWS Budgets alarm says when
 * the month's spend passes the agreed amount.
 */
export class Monitoring extends Construct {
  public readonly topic: sns.Topic;
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'Partnership Reform Portal alarms', enforceSSL: true });
    if (props.alarmEmail) {
      const subscription = new sns.Subscription(this, 'AlarmEmail', { topic: this.topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: props.alarmEmail });
      acknowledge(subscription, [
        {
          id: 'Serverless-SNSRedrivePolicy',
          reason: 'An alarm stays in the ALARM state in CloudWatch and on the dashboard whether or not its email arrives; the notice carries nothing to replay.',
        },
      ]);
    }
    acknowledge(this.topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm and budget notifications carry alarm names and metric values only, never portal data; an AWS-managed SNS key cannot be used by CloudWatch or Budgets, and a customer key for them would cost more than the data it protects.',
      },
    ]);
    // A topic policy replaces SNS's default one, so every publisher is allowed here: CloudWatch
    // alarms of this account, and AWS Budgets (each as its own service principal).
    const { account, region } = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        actions: ['sns:Publish'],
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${region}:${account}:alarm:*` } },
      }),
    );
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'BudgetsPublish',
        actions: ['sns:Publish'],
        principals: [new iam.ServicePrincipal('budgets.amazonaws.com')],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );

    const five = Duration.minutes(5);
    const api = props.httpApi;
    const ddb = (table: dynamodb.ITable) => ({
      throttles: table.metricThrottledRequestsForOperations({ operations: OPERATIONS, period: five }),
      systemErrors: table.metricSystemErrorsForOperations({ operations: OPERATIONS, period: five }),
    });

    const alarm = (name: string, metric: cloudwatch.IMetric, threshold: number, description: string, evaluationPeriods = 1) => {
      const a = new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(new actions.SnsAction(this.topic));
      this.alarms.push(a);
      return a;
    };

    alarm('ApiErrors', props.fn.metricErrors({ period: five, statistic: 'Sum' }), 5, 'The API function failed (unhandled errors or timeouts) 5 or more times in 5 minutes.');
    alarm('ApiThrottles', props.fn.metricThrottles({ period: five, statistic: 'Sum' }), 1, 'Lambda throttled the API function: requests were refused for lack of concurrency.');
    alarm(
      'ApiDurationP95',
      props.fn.metricDuration({ period: five, statistic: 'p95' }),
      3000,
      'The API function took 3 seconds or more at the 95th percentile for 15 minutes: pages are slow.',
      3,
    );
    alarm('Api5xx', api.metricServerError({ period: five, statistic: 'Sum' }), 5, 'The HTTP API answered 5xx 5 or more times in 5 minutes.');
    alarm(
      'Api4xxSpike',
      api.metricClientError({ period: five, statistic: 'Sum' }),
      200,
      'The HTTP API answered 4xx 200 or more times in 5 minutes: a broken page, an expired sign-in loop or someone probing.',
    );
    for (const [i, table] of props.tables.entries()) {
      const m = ddb(table);
      alarm(`Table${i}Throttles`, m.throttles, 1, 'DynamoDB throttled requests to a portal table.');
      alarm(`Table${i}SystemErrors`, m.systemErrors, 1, 'DynamoDB answered requests to a portal table with internal errors.');
    }
    const bounceRate = new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', period: Duration.hours(1), statistic: 'Maximum' });
    const complaintRate = new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', period: Duration.hours(1), statistic: 'Maximum' });
    alarm(
      'SesBounceRate',
      bounceRate,
      0.05,
      'The SES bounce rate reached 5% (SES reviews the account at 5% and may pause sending at 10%): check for mistyped invitation addresses.',
    );
    alarm('SesComplaintRate', complaintRate, 0.001, 'The SES complaint rate reached 0.1% (SES reviews the account at 0.1%).');
    for (const a of props.otherAlarms ?? []) {
      a.addAlarmAction(new actions.SnsAction(this.topic));
      this.alarms.push(a);
    }
    alarm(
      'MailEventFailures',
      props.mailEvents.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }),
      1,
      'Handling an SES bounce or complaint failed: an address may not have been stopped.',
    );

    // A daily backup (or its copy to another account) that failed: AWS Backup says so on EventBridge.
    const backupFailed = new events.Rule(this, 'BackupFailed', {
      description: 'A backup or backup copy of the portal tables failed',
      eventPattern: {
        source: ['aws.backup'],
        detailType: ['Backup Job State Change', 'Copy Job State Change'],
        detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'] },
      },
    });
    backupFailed.addTarget(new eventTargets.SnsTopic(this.topic));
    acknowledge(backupFailed, [
      {
        id: 'Serverless-EventBusDLQ',
        reason: 'A failed backup job stays FAILED in AWS Backup (console and the daily report) whether or not this notice is delivered; the notice carries nothing to replay.',
      },
    ]);

    new budgets.CfnBudget(this, 'MonthlyBudget', {
      budget: { budgetType: 'COST', timeUnit: 'MONTHLY', budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' } },
      notificationsWithSubscribers: (['ACTUAL', 'FORECASTED'] as const).map((notificationType) => ({
        notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
        subscribers: [{ subscriptionType: 'SNS', address: this.topic.topicArn }],
      })),
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'API requests', left: [api.metricCount({ period: five })], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'API 4xx and 5xx', left: [api.metricClientError({ period: five }), api.metricServerError({ period: five })], width: 8 }),
          new cloudwatch.GraphWidget({
            title: 'API latency (p50, p95)',
            left: [api.metricLatency({ period: five, statistic: 'p50' }), api.metricLatency({ period: five, statistic: 'p95' })],
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'API function: errors, throttles',
            left: [props.fn.metricErrors({ period: five }), props.fn.metricThrottles({ period: five })],
            width: 8,
          }),
          new cloudwatch.GraphWidget({ title: 'API function duration p95', left: [props.fn.metricDuration({ period: five, statistic: 'p95' })], width: 8 }),
          // The portal's own metric (functions/observability): each route's p95, whatever routes exist.
          new cloudwatch.GraphWidget({
            title: 'p95 time in the app by route and outcome',
            left: [
              new cloudwatch.MathExpression({
                expression: `SEARCH('{${METRICS_NAMESPACE},service,route,outcome} MetricName="${API_METRICS.latency}" service="${SERVICES.api}"', 'p95', 300)`,
                label: '',
                period: five,
              }),
            ],
            width: 8,
          }),
        ],
        props.tables.flatMap((t, i) => {
          const m = ddb(t);
          const table = i === 0 ? 'main' : 'audit';
          return [
            new cloudwatch.GraphWidget({ title: `DynamoDB ${table} table: throttled requests`, left: [m.throttles], width: 6 }),
            new cloudwatch.GraphWidget({ title: `DynamoDB ${table} table: system errors`, left: [m.systemErrors], width: 6 }),
          ];
        }),
        [
          new cloudwatch.GraphWidget({ title: 'Mail jobs and bounce handling: errors', left: [props.jobs.metricErrors(), props.mailEvents.metricErrors()], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'SES bounce and complaint rate', left: [bounceRate, complaintRate], width: 8 }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 8 }),
        ],
      ],
    });
  }
}
