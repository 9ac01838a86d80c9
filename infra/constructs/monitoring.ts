import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface MonitoringProps {
  readonly fn: lambda.IFunction;
  readonly httpApi: apigwv2.HttpApi;
}

/**
 * Alarms on the API's health: Lambda errors and API Gateway 5xx responses. They have no actions
 * yet; subscribe an SNS topic (or a chat integration) when the on-call route is agreed.
 */
export class Monitoring extends Construct {
  public readonly lambdaErrors: cloudwatch.Alarm;
  public readonly api5xx: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.lambdaErrors = props.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, 'LambdaErrors', {
      alarmDescription: 'The portal API Lambda threw errors (unhandled exceptions or timeouts).',
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.api5xx = props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, 'Api5xx', {
      alarmDescription: 'The portal HTTP API returned 5xx responses.',
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
