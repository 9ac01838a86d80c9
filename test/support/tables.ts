import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../functions/config.js';
import { createClient, createDocumentClient } from '../../functions/db/client.js';
import { dropTables, ensureTables } from '../../functions/db/create-tables.js';
import { loadSeed, seedDemo, type SeedFile } from '../../functions/seed/seed.js';

export const DEMO_PASSWORD = 'demo-password';
/** See {@link testConfig}. */
export const TEST_DYNAMODB_TIMEOUT_MS = 10_000;

/**
 * A config for tests: local mode, DynamoDB Local from the global setup, unique table names. The
 * per-call deadline is longer than production's 3 s: CI's two cores may be busy, and a slow call
 * there is load, not the stall the fault tests inject (they set the production deadline).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const suffix = randomUUID().slice(0, 8);
  const base = loadConfig({
    LOG_LEVEL: 'silent',
    DYNAMODB_TIMEOUT_MS: String(TEST_DYNAMODB_TIMEOUT_MS),
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: `test-main-${suffix}`,
    AUDIT_TABLE_NAME: `test-audit-${suffix}`,
  });
  return { ...base, ...overrides };
}

/**
 * The demo as a partnership that does not ask for returns to be certified inside the agency (the
 * default for a new partnership): for suites about the agency's submission and the lead's review.
 * The demo itself certifies returns; the certification suites use it as it is.
 */
export function seedWithoutCertification(): SeedFile {
  const seed = loadSeed();
  return { ...seed, partnership: { ...seed.partnership, certifyReturns: false } };
}

/** Creates this file's tables and loads the demo seed (or `seed`); returns clients and a cleanup. */
export async function createSeededTables(config: Config = testConfig(), seed?: SeedFile) {
  // Creating and seeding tables is set-up, not a request under test: a busy machine gets a minute
  // per call. The app and the tests' own reads use `doc`, with the configured deadline.
  const setup = { ...config.dynamodb, timeoutMs: Math.max(config.dynamodb.timeoutMs, 60_000) };
  const client = createClient(setup);
  const doc = createDocumentClient(config.dynamodb);
  await ensureTables(client, config.tables);
  await seedDemo(createDocumentClient(setup), config.tables, { password: DEMO_PASSWORD, ...(seed ? { seed } : {}) });
  return {
    config,
    client,
    doc,
    drop: () => dropTables(client, config.tables),
  };
}
