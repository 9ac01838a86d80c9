/**
 * `npm run reminders -- --date YYYY-MM-DD`: runs the daily reminder job for a given UK day (today
 * when left out) in every partnership the portal hosts, for demos and checks. Locally it uses the running `npm start` (its DynamoDB Local
 * and mail emulator, found in `.data/local-endpoints.json`), so the email appears in its mailbox; in
 * AWS mode the configured tables and SES. Each reminder still goes once per person.
 */
import { ukDate } from '../../shared/periods/period.js';
import { loadConfig } from '../config.js';
import { createDocumentClient } from '../db/client.js';
import { createSesClient, SesMailer } from '../mail/ses-mailer.js';
import { everyPartnership } from './every-partnership.js';
import { formatOutcomes, runReminders } from './reminders.js';
import { withRunningPortal } from './running-portal.js';

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--date');
  const date = at >= 0 ? args[at + 1] : ukDate(new Date());
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('Give the day as --date YYYY-MM-DD, for example --date 2027-01-25.');
  let config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  // In AWS the email is real and each reminder goes once: another day would send false reminders
  // now and none on the real day.
  if (config.mode === 'aws' && date !== ukDate(new Date()) && !args.includes('--really')) {
    throw new Error(`In AWS mode this sends real email: run it for today only (or add --really if you mean ${date}).`);
  }
  config = withRunningPortal(config);
  // Every partnership the portal hosts, as the daily job runs.
  const runs = await everyPartnership(
    { doc: createDocumentClient(config.dynamodb), tables: config.tables, mailer: new SesMailer(createSesClient(config.mail), config.mail), portalUrl: config.portalUrl },
    (deps) => runReminders(deps, date),
  );
  for (const { partnershipId, value } of runs.done) console.log(`${partnershipId}: ${formatOutcomes(date, value)}`);
  for (const { partnershipId, error } of runs.failed) console.error(`${partnershipId}: the reminders did not run (${error instanceof Error ? error.message : String(error)}).`);
  if (runs.failed.length || runs.done.some((r) => r.value.some((o) => o.result === 'failed'))) process.exitCode = 1;
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(/ECONNREFUSED|fetch failed|connect/i.test(message) ? `The portal does not seem to be running (${message}). Start it with npm start.` : message);
  process.exit(2);
});
