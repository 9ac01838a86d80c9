/**
 * `npm run pii:scan`: lists stored text that the personal-data detector flags (where and what
 * kind, never the text), so an existing deployment can clean up. Reads the configured tables: in
 * AWS mode those of the environment; locally the `.data/` database of `npm start` (stop the
 * portal first, or point DYNAMODB_ENDPOINT at its DynamoDB Local). Exit code 1 when a definite
 * identifier (NHS or National Insurance number) is stored.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { createDocumentClient } from '../db/client.js';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { formatFindings, scanStoredPersonalData } from './pii-scan.js';

async function main() {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const local = config.mode === 'local' && !config.dynamodb.endpoint ? await startDynamoDbLocal({ dbPath: join(resolve(config.dataDir), 'dynamodb') }) : null;
  try {
    const doc = createDocumentClient({ ...config.dynamodb, ...(local ? { endpoint: local.endpoint } : {}) });
    const findings = await scanStoredPersonalData(doc, config.tables);
    console.log(formatFindings(findings));
    process.exitCode = findings.some((f) => f.definite) ? 1 : 0;
  } finally {
    await local?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
