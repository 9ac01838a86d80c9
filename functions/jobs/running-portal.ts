import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';

/**
 * For a command run beside `npm start` (reminders, the migration): locally, the running portal's
 * DynamoDB Local and mail emulator, found in `.data/local-endpoints.json`; in AWS mode the
 * configuration as it is.
 */
export function withRunningPortal(config: Config): Config {
  if (config.mode === 'local' && (!config.dynamodb.endpoint || !config.mail.endpoint)) {
    const file = join(resolve(config.dataDir), 'local-endpoints.json');
    let local: { dynamodb: string; ses: string; portalUrl: string };
    try {
      local = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error('Start the portal first (npm start): this command uses its database (and sends email through its mail emulator).');
    }
    return {
      ...config,
      dynamodb: { ...config.dynamodb, endpoint: config.dynamodb.endpoint ?? local.dynamodb },
      mail: { ...config.mail, endpoint: config.mail.endpoint ?? local.ses },
      portalUrl: process.env.PORTAL_URL ? config.portalUrl : local.portalUrl,
    };
  }
  return config;
}
