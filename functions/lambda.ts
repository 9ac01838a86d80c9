import { cognitoVerifier } from './auth/tokens.js';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { createLambdaHandler } from './lambda-handler.js';
import { lambdaObservability } from './observability/lambda.js';
import { SERVICES } from './observability/metric-names.js';

/**
 * AWS Lambda entry point (API Gateway HTTP API, payload 2.0). Configuration is read once per cold
 * start; a missing setting fails the cold start with a message naming it.
 */
const config = loadConfig();
if (config.auth.mode !== 'cognito') throw new Error('The Lambda runs with PORTAL_MODE=aws and Cognito settings.');

const doc = createDocumentClient(config.dynamodb);

export const handler = createLambdaHandler(
  { config, doc, verifier: cognitoVerifier(config.auth.issuer, config.auth.clientId) },
  lambdaObservability({ service: SERVICES.api, logLevel: config.logLevel, traced: [doc] }),
);
