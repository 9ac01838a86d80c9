import type { Context } from 'aws-lambda';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { PartnershipJobsFailed } from './jobs/every-partnership.js';
import { createMailJobsHandler, type MailJobEvent } from './jobs/mail-jobs.js';
import { lazySesMailer } from './mail/lazy-ses-mailer.js';
import { lambdaObservability } from './observability/lambda.js';
import { REMINDER_JOB_FAILURES, SERVICES } from './observability/metric-names.js';

/**
 * AWS Lambda entry point of the portal's mail jobs, invoked by EventBridge Scheduler: the daily
 * reminders each morning (UK time), and the notification outbox each minute (`{ "job": "outbox" }`),
 * for every partnership the service hosts (functions/jobs/mail-jobs.ts). The same jobs `npm start`
 * runs locally. Each run records {@link REMINDER_JOB_FAILURES} (0 when it went well) for the alarm.
 */
const config = loadConfig();
const doc = createDocumentClient(config.dynamodb);
const observability = lambdaObservability({ service: SERVICES.reminders, logLevel: config.logLevel, traced: [doc] });

const run = createMailJobsHandler({
  doc,
  tables: config.tables,
  mailer: lazySesMailer(config.mail),
  portalUrl: config.portalUrl,
});

export const handler = observability.handler(async (event?: MailJobEvent, _context?: Context) => {
  const job = event?.job ?? 'reminders';
  try {
    const result = await run(event);
    observability.count(REMINDER_JOB_FAILURES, 0, { job });
    observability.logger.info('mail job done', { job, ...result });
    return result;
  } catch (err) {
    observability.count(REMINDER_JOB_FAILURES, err instanceof PartnershipJobsFailed ? err.partnershipIds.length : 1, { job });
    throw err;
  }
});
