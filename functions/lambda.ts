import { cognitoVerifier } from './auth/tokens.js';
import { loadConfig } from './config.js';
import { createDocumentClient } from './db/client.js';
import { createLambdaHandler } from './lambda-handler.js';

/**
 * AWS Lambda entry point (API Gateway HTTP API, payload 2.0). Configuration is read once per cold
 * start; a missing setting fails the cold start with a message naming it.
 */
const config = loadConfig();
if (config.auth.mode !== 'cognito') throw new Error('The Lambda runs with PORTAL_MODE=aws and Cognito settings.');

export const handler = createLambdaHandler({
  config,
  doc: createDocumentClient(config.dynamodb),
  verifier: cognitoVerifier(config.auth.issuer, config.auth.clientId),
});
