import { inject, vi } from 'vitest';

/**
 * Loads a Lambda entry file fresh, as a cold start does, with the environment the CDK app gives it
 * in AWS (`PORTAL_MODE=aws`, the tables, Cognito's ids) pointed at the test's DynamoDB Local, plus
 * `more`; runs `use` on the module, then puts the environment back.
 */
export async function withAwsEntry<M>(
  load: () => Promise<M>,
  tables: { main: string; audit: string },
  use: (mod: M) => Promise<void>,
  more: Record<string, string> = {},
): Promise<void> {
  vi.resetModules();
  const env = {
    PORTAL_MODE: 'aws',
    TABLE_NAME: tables.main,
    AUDIT_TABLE_NAME: tables.audit,
    COGNITO_USER_POOL_ID: 'eu-west-2_testpool',
    COGNITO_CLIENT_ID: 'test-client',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    ...more,
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    await use(await load());
  } finally {
    vi.unstubAllEnvs();
  }
}
