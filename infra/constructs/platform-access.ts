import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { platformKeys } from '../../functions/db/keys.js';

/**
 * Reading the service's list of the partnerships it hosts (one Query of its partition), for the
 * functions that work across partnerships; nothing else of the platform's.
 */
export const readHostedPartnerships = (table: dynamodb.ITable) =>
  new iam.PolicyStatement({
    sid: 'ReadHostedPartnerships',
    actions: ['dynamodb:Query'],
    resources: [table.tableArn],
    conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [platformKeys.partnerships] } },
  });
