import type { Context } from 'aws-lambda';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { createSesEventsHandler, type SnsEvent } from './jobs/ses-events.js';
import { lambdaObservability } from './observability/lambda.js';
import { SERVICES } from './observability/metric-names.js';

/**
 * AWS Lambda entry point for Amazon SES bounce and complaint events, delivered through SNS by the
 * portal's configuration set: a stop is recorded in every hosted partnership where the address is a person.
 */
const config = loadConfig();
const doc = createDocumentClient(config.dynamodb);
const observability = lambdaObservability({ service: SERVICES.sesEvents, logLevel: config.logLevel, traced: [doc] });
const run = createSesEventsHandler({ doc, tables: config.tables });

export const handler = observability.handler(async (event: SnsEvent, _context?: Context) => {
  const result = await run(event);
  observability.logger.info('mail events recorded', { records: event.Records?.length ?? 0, stopped: result.stopped });
  return result;
});
