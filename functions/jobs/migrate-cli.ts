/**
 * `npm run migrate`: brings the deployment's data to the shape that holds several partnerships
 * (see migrate.ts). Locally it uses the running `npm start`'s database; in AWS mode the configured
 * table, for the configured partnership (`PARTNERSHIP_ID`) or those named with `--partnership`.
 */
import { loadConfig } from '../config.js';
import { createDocumentClient } from '../db/client.js';
import { migrateToSeveralPartnerships } from './migrate.js';
import { withRunningPortal } from './running-portal.js';

async function main() {
  const args = process.argv.slice(2);
  const named = args.flatMap((a, i) => (a === '--partnership' && args[i + 1] ? [args[i + 1]!] : []));
  const config = withRunningPortal(loadConfig({ LOG_LEVEL: 'warn', ...process.env }));
  const ids = named.length ? named : [config.partnershipId];
  const { added, present, credentials } = await migrateToSeveralPartnerships(createDocumentClient(config.dynamodb), config.tables, ids);
  for (const id of added) console.log(`${id}: added to the list of partnerships this deployment hosts.`);
  for (const id of present) console.log(`${id}: already listed; nothing to do.`);
  console.log(credentials ? `${credentials} people now have one sign-in password for every partnership.` : 'Every password is already one per person.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
