import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let db: DynamoDbLocal | undefined;

/** Starts one in-memory DynamoDB Local for the whole run; every test file makes its own tables. */
export async function setup(project: TestProject) {
  db = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', db.endpoint);
}

export async function teardown() {
  await db?.stop();
}
