import { ukDate } from '../shared/periods/period.js';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { formatOutcomes, runReminders } from './jobs/reminders.js';
import { createSesClient, SesMailer } from './mail/mailer.js';

/**
 * AWS Lambda entry point of the daily reminder job, invoked by EventBridge Scheduler each morning
 * (UK time). The same job `npm start` runs locally; each email still goes once per person, so a
 * retried or doubled invocation sends nothing twice.
 */
const config = loadConfig();
const deps = {
  doc: createDocumentClient(config.dynamodb),
  tables: config.tables,
  partnershipId: config.partnershipId,
  mailer: new SesMailer(createSesClient(config.mail), config.mail),
  portalUrl: config.portalUrl,
};

export const handler = async (): Promise<{ date: string; sent: number; failed: number }> => {
  const date = ukDate(new Date());
  const outcomes = await runReminders(deps, date);
  console.log(formatOutcomes(date, outcomes));
  const failed = outcomes.filter((o) => o.result === 'failed').length;
  return { date, sent: outcomes.filter((o) => o.result === 'sent').length, failed };
};
