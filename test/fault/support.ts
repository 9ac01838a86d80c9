import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../functions/config.js';
import { createTestApp } from '../support/api.js';
import { testConfig } from '../support/tables.js';

/**
 * The demo app (seeded tables, demo tokens) on a DynamoDB Local of the test's own, with the
 * production per-call deadline (the default of DYNAMODB_TIMEOUT_MS), which these tests measure.
 */
export function createTestAppOn(endpoint: string, dynamodb: Partial<Config['dynamodb']> = {}) {
  const base = testConfig();
  base.dynamodb.timeoutMs = loadConfig({}).dynamodb.timeoutMs;
  return createTestApp({ config: { ...base, dynamodb: { ...base.dynamodb, ...dynamodb, endpoint } } });
}

export { kinshipDraft } from '../support/kinship-draft.js';

/** Runs `fn` and says how long it took, in milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - started) };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Keeps a measurement for the closing note: `.reports/fault/<name>.json` (not committed). */
export function report(name: string, data: Record<string, unknown>): void {
  const file = join(root, '.reports', 'fault', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...data, measuredAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`[fault] ${name}: ${JSON.stringify(data)}`);
}
