import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { AUDIT_TABLE, MAIN_TABLE } from './table-design.js';

/**
 * Creates the main and audit tables if they do not exist (local mode and tests). In AWS the CDK
 * stateful stack creates them from the same design constants.
 */
export async function ensureTables(client: DynamoDBClient, names: { main: string; audit: string }): Promise<void> {
  await Promise.all([
    ensureTable(client, names.main, MAIN_TABLE),
    ensureTable(client, names.audit, AUDIT_TABLE),
  ]);
}

async function ensureTable(
  client: DynamoDBClient,
  name: string,
  design: { partitionKey: string; sortKey: string; gsi1: { name: string; partitionKey: string; sortKey: string } },
): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: design.partitionKey, AttributeType: 'S' },
          { AttributeName: design.sortKey, AttributeType: 'S' },
          { AttributeName: design.gsi1.partitionKey, AttributeType: 'S' },
          { AttributeName: design.gsi1.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: design.partitionKey, KeyType: 'HASH' },
          { AttributeName: design.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: design.gsi1.name,
            KeySchema: [
              { AttributeName: design.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: design.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
}

/** Deletes both tables (tests clean up after themselves; `npm run reset` removes the data folder). */
export async function dropTables(client: DynamoDBClient, names: { main: string; audit: string }): Promise<void> {
  for (const TableName of [names.main, names.audit]) {
    try {
      await client.send(new DeleteTableCommand({ TableName }));
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
  }
}
