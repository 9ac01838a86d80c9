import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AUDIT_TABLE, MAIN_TABLE } from '../../functions/db/table-design.js';
import { UserDirectory } from '../constructs/auth.js';
import { acknowledge } from '../nag.js';

export interface StatefulStackProps extends StackProps {
  /** Hosted sign-in domain prefix (context `authDomainPrefix`); derived from the stack id when absent. */
  readonly authDomainPrefix?: string;
  /** Cognito threat protection, the paid Plus plan (context `threatProtection=true`). */
  readonly threatProtection?: boolean;
  /**
   * A backup vault in another account (its ARN, context `backupCopyVaultArn`): each daily backup is
   * copied there too, so losing this account does not lose the data. That vault's access policy
   * must allow `backup:CopyIntoBackupVault` from this account.
   */
  readonly backupCopyVaultArn?: string;
  /** How long a stored document cannot be deleted or overwritten (Object Lock, governance mode). Default 6 years. */
  readonly documentRetentionDays?: number;
}

/** Daily backups are kept this long (and so are their copies). */
export const BACKUP_RETENTION_DAYS = 35;
/** Default Object Lock retention of stored documents: six years, the usual retention for partnership records. */
export const DEFAULT_DOCUMENT_RETENTION_DAYS = 6 * 365 + 2;

const S = dynamodb.AttributeType.STRING;

/**
 * Everything that holds data and must outlive any deploy: the main single table, the append-only
 * audit table, the documents bucket and the user pool (every account). Every resource is retained
 * on stack deletion; the tables and the pool have deletion protection, the tables point-in-time
 * recovery and a daily AWS Backup, the documents Object Lock.
 *
 * Encryption: AWS managed KMS key (`aws/dynamodb`). Data is encrypted with a KMS key whose use is
 * logged in CloudTrail, without the cost and key-policy upkeep of a customer managed key; there is
 * no cross-account access or key-rotation requirement that would need one.
 */
export class StatefulStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly auditTable: dynamodb.Table;
  public readonly documentsBucket: s3.Bucket;
  public readonly users: UserDirectory;
  public readonly backupPlan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: StatefulStackProps = {}) {
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
      // Signed threshold documents are evidence: no one can delete or overwrite a stored version
      // during the retention period without the s3:BypassGovernanceRetention permission (governance
      // mode, so an administrator can still correct a mistake; compliance mode could not).
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(props.documentRetentionDays ?? DEFAULT_DOCUMENT_RETENTION_DAYS)),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.users = new UserDirectory(this, 'Users', {
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
      ...(props.threatProtection ? { threatProtection: true } : {}),
    });

    // AWS Backup on top of point-in-time recovery: daily snapshots kept for 35 days in a vault
    // CloudFormation never deletes, optionally copied to another account's vault.
    // Copies to another account need the vault's own customer managed key (AWS Backup cannot share
    // backups encrypted with an AWS managed key); about US$1 a month, so only when copying.
    const vault = new backup.BackupVault(this, 'BackupVault', {
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.backupCopyVaultArn
        ? {
            encryptionKey: new kms.Key(this, 'BackupKey', {
              description: 'Partnership Reform Portal backups (copied to another account)',
              enableKeyRotation: true,
              removalPolicy: RemovalPolicy.RETAIN,
            }),
          }
        : {}),
    });
    this.backupPlan = new backup.BackupPlan(this, 'BackupPlan', { backupVault: vault });
    this.backupPlan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '2', minute: '0' }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
        ...(props.backupCopyVaultArn
          ? {
              copyActions: [
                {
                  destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', props.backupCopyVaultArn),
                  deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
                },
              ],
            }
          : {}),
      }),
    );
    this.backupPlan.addSelection('Tables', {
      resources: [backup.BackupResource.fromDynamoDbTable(this.table), backup.BackupResource.fromDynamoDbTable(this.auditTable)],
    });

    acknowledge(this.backupPlan, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWSBackupServiceRolePolicyForBackup is AWS Backup's documented, AWS-maintained policy for backup jobs; only backup.amazonaws.com can assume the role and the selection names the two tables alone.",
      },
    ]);
    acknowledge(accessLogs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' }]);
  }
}
