import { handle } from 'hono/aws-lambda';
import { createApp, type AppDeps } from './app.js';
import type { LambdaObservability } from './observability/lambda.js';

/**
 * Wraps the same Hono app for API Gateway HTTP API (payload 2.0) events. With `observability` (the
 * deployed entry, functions/lambda.ts) the app logs through Powertools with each invocation's ids,
 * each request becomes metrics by route and outcome, and the invocation is traced.
 */
export function createLambdaHandler(deps: AppDeps, observability?: LambdaObservability) {
  const handler = handle(createApp(observability ? { ...deps, logger: observability.logger } : deps));
  return observability ? observability.handler(handler) : handler;
}
