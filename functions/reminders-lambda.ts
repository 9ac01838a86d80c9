import { isMonday, ukDate } from '../shared/periods/period.js';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { runDigest } from './jobs/digest.js';
import { runOutbox } from './jobs/outbox.js';
import { formatOutcomes, runReminders } from './jobs/reminders.js';
import { createSesClient, SesMailer } from './mail/mailer.js';

/**
 * AWS Lambda entry point of the portal's mail jobs, invoked by EventBridge Scheduler: the daily
 * reminders each morning (UK time), and the notification outbox each minute (`{ "job": "outbox" }`).
 * The same jobs `npm start` runs locally; each email still goes once per person, so a retried or
 * doubled invocation sends nothing twice.
 */
const config = loadConfig();
const deps = {
  doc: createDocumentClient(config.dynamodb),
  tables: config.tables,
  partnershipId: config.partnershipId,
  mailer: new SesMailer(createSesClient(config.mail), config.mail),
  portalUrl: config.portalUrl,
};

export const handler = async (event?: { job?: 'reminders' | 'outbox' }): Promise<{ date: string; sent: number; failed: number }> => {
  const date = ukDate(new Date());
  if (event?.job === 'outbox') {
    const outcomes = await runOutbox(deps);
    const failed = outcomes.filter((o) => o.result === 'failed').length;
    if (outcomes.length) console.log(`Notifications: ${outcomes.filter((o) => o.result === 'sent').length} sent, ${failed} failed (tried again with backoff).`);
    // Only giving up is an error worth an alarm: a failed send is tried again within the hour.
    const gaveUp = outcomes.filter((o) => o.result === 'gave-up').length;
    if (gaveUp > 0) throw new Error(`${gaveUp} notification emails were given up after repeated failures.`);
    return { date, sent: outcomes.filter((o) => o.result === 'sent').length, failed };
  }
  const outcomes = await runReminders(deps, date);
  console.log(formatOutcomes(date, outcomes));
  if (isMonday(date)) {
    const summaries = await runDigest(deps);
    console.log(`Weekly summaries: ${summaries.filter((x) => x.result === 'sent').length} sent, ${summaries.filter((x) => x.result === 'failed').length} failed.`);
  }
  const failed = outcomes.filter((o) => o.result === 'failed' || o.result === 'gave-up').length;
  // Ends in error so the failure shows (Errors metric, alarm); a retried run sends nothing twice.
  if (failed > 0) throw new Error(`${failed} reminder emails were not sent on ${date}; failed ones are tried again on the next run.`);
  return { date, sent: outcomes.filter((o) => o.result === 'sent').length, failed };
};
