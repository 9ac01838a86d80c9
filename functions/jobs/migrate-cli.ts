/**
 * `npm run migrate`: brings the deployment's data to the shape that holds several partnerships, and
 * marks each partnership's MACPT workstream where data from before lacks the mark (see migrate.ts).
 * Locally it uses the running `npm start`'s database; in AWS mode the configured table, for the
 * configured partnership (`PARTNERSHIP_ID`) or those named with `--partnership`; the MACPT mark for
 * those named, or else for every partnership the deployment hosts.
 */
import { loadConfig } from '../config.js';
import { createDocumentClient } from '../db/client.js';
import { markMacptWorkstreams, migrateToSeveralPartnerships } from './migrate.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { withRunningPortal } from './running-portal.js';

async function main() {
  const args = process.argv.slice(2);
  const named = args.flatMap((a, i) => (a === '--partnership' && args[i + 1] ? [args[i + 1]!] : []));
  const config = withRunningPortal(loadConfig({ LOG_LEVEL: 'warn', ...process.env }));
  const ids = named.length ? named : [config.partnershipId];
  const doc = createDocumentClient(config.dynamodb);
  const { added, present, credentials } = await migrateToSeveralPartnerships(doc, config.tables, ids);
  for (const id of added) console.log(`${id}: added to the list of partnerships this deployment hosts.`);
  for (const id of present) console.log(`${id}: already listed; nothing to do.`);
  console.log(credentials ? `${credentials} people now have one sign-in password for every partnership.` : 'Every password is already one per person.');
  const hosted = named.length ? named : (await new PlatformRepository(doc, config.tables.main).listPartnerships()).map((p) => p.id);
  const { marked } = await markMacptWorkstreams(doc, config.tables, hosted);
  for (const id of marked) console.log(`${id}: its safeguarding workstream is marked as the one that sets up the MACPTs.`);
  if (!marked.length) console.log('Every partnership’s MACPT workstream is already marked, or chosen by its lead.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
