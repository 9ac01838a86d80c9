import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge } from '../nag.js';
import type { Construct } from 'constructs';
import { AUDIT_TABLE, MAIN_TABLE } from '../../functions/db/table-design.js';

const S = dynamodb.AttributeType.STRING;

/**
 * Everything that holds data and must outlive any deploy: the main single table, the append-only
 * audit table and the documents bucket. Every resource is retained on stack deletion, and the
 * tables have deletion protection and point-in-time recovery.
 *
 * Encryption: AWS managed KMS key (`aws/dynamodb`). Data is encrypted with a KMS key whose use is
 * logged in CloudTrail, without the cost and key-policy upkeep of a customer managed key; there is
 * no cross-account access or key-rotation requirement that would need one.
 */
export class StatefulStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly auditTable: dynamodb.Table;
  public readonly documentsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const tableDefaults = {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    } satisfies Partial<dynamodb.TableProps>;

    this.table = new dynamodb.Table(this, 'MainTable', {
      ...tableDefaults,
      partitionKey: { name: MAIN_TABLE.partitionKey, type: S },
      sortKey: { name: MAIN_TABLE.sortKey, type: S },
    });
    this.table.addGlobalSecondaryIndex({
      indexName: MAIN_TABLE.gsi1.name,
      partitionKey: { name: MAIN_TABLE.gsi1.partitionKey, type: S },
      sortKey: { name: MAIN_TABLE.gsi1.sortKey, type: S },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    this.auditTable = new dynamodb.Table(this, 'AuditTable', {
      ...tableDefaults,
      partitionKey: { name: AUDIT_TABLE.partitionKey, type: S },
      sortKey: { name: AUDIT_TABLE.sortKey, type: S },
    });
    // By person (gsi1) and by month (gsi2). CloudFormation adds one new index per deployment.
    for (const index of [AUDIT_TABLE.gsi1, AUDIT_TABLE.gsi2]) {
      this.auditTable.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: S },
        sortKey: { name: index.sortKey, type: S },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    const accessLogs = new s3.Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.documentsBucket = new s3.Bucket(this, 'DocumentsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledge(accessLogs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' }]);
  }
}
