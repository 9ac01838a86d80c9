import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { createSesEventsHandler } from './jobs/ses-events.js';

/**
 * AWS Lambda entry point for Amazon SES bounce and complaint events, delivered through SNS by the
 * portal's configuration set: a stop is recorded in every hosted partnership where the address is a person.
 */
const config = loadConfig();

export const handler = createSesEventsHandler({ doc: createDocumentClient(config.dynamodb), tables: config.tables });
