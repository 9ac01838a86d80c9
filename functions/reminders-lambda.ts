import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { createMailJobsHandler } from './jobs/mail-jobs.js';
import { createSesClient, SesMailer } from './mail/mailer.js';

/**
 * AWS Lambda entry point of the portal's mail jobs, invoked by EventBridge Scheduler: the daily
 * reminders each morning (UK time), and the notification outbox each minute (`{ "job": "outbox" }`),
 * for every partnership the service hosts (functions/jobs/mail-jobs.ts). The same jobs `npm start`
 * runs locally.
 */
const config = loadConfig();

export const handler = createMailJobsHandler({
  doc: createDocumentClient(config.dynamodb),
  tables: config.tables,
  mailer: new SesMailer(createSesClient(config.mail), config.mail),
  portalUrl: config.portalUrl,
});
