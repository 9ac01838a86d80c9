import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { ensureWebBuilt } from '../browser/build-web.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let db: DynamoDbLocal | undefined;

/** Starts one in-memory DynamoDB Local for the whole run (every test file makes its own tables) and builds the SPA if stale. */
export async function setup(project: TestProject) {
  // Build the SPA once, before any worker starts: browser files running in parallel must never
  // rebuild web/dist under each other's feet.
  ensureWebBuilt();
  db = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', db.endpoint);
}

export async function teardown() {
  await db?.stop();
}
