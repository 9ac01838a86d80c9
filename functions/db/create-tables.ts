import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { AUDIT_TABLE, MAIN_TABLE } from './table-design.js';

/**
 * Creates the main and audit tables if they do not exist (local mode and tests). In AWS the CDK
 * stateful stack creates them from the same design constants.
 */
export async function ensureTables(client: DynamoDBClient, names: { main: string; audit: string }): Promise<void> {
  await Promise.all([ensureTable(client, names.main, MAIN_TABLE), ensureTable(client, names.audit, AUDIT_TABLE)]);
}

interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
}
interface TableDesign {
  partitionKey: string;
  sortKey: string;
  gsi1: IndexDesign;
  gsi2?: IndexDesign;
}

const indexesOf = (design: TableDesign): IndexDesign[] => [design.gsi1, ...(design.gsi2 ? [design.gsi2] : [])];
const keySchema = (k: { partitionKey: string; sortKey: string }) => [
  { AttributeName: k.partitionKey, KeyType: 'HASH' as const },
  { AttributeName: k.sortKey, KeyType: 'RANGE' as const },
];
const indexSpec = (index: IndexDesign) => ({ IndexName: index.name, KeySchema: keySchema(index), Projection: { ProjectionType: 'ALL' as const } });
const attributes = (keys: { partitionKey: string; sortKey: string }[]) =>
  [...new Set(keys.flatMap((k) => [k.partitionKey, k.sortKey]))].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));

async function ensureTable(client: DynamoDBClient, name: string, design: TableDesign): Promise<void> {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: name }));
    // A local data folder from before an index was added gets the index (DynamoDB adds one per update).
    const have = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of indexesOf(design).filter((i) => !have.has(i.name))) {
      await client.send(new UpdateTableCommand({ TableName: name, AttributeDefinitions: attributes([index]), GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }] }));
      await waitUntilIndexActive(client, name, index.name);
    }
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes([design, ...indexesOf(design)]),
        KeySchema: keySchema(design),
        GlobalSecondaryIndexes: indexesOf(design).map(indexSpec),
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
}

async function waitUntilIndexActive(client: DynamoDBClient, table: string, index: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const t = await client.send(new DescribeTableCommand({ TableName: table }));
    if (t.Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === index)?.IndexStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Index ${index} of ${table} did not become active`);
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
