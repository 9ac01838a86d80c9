import { handle } from 'hono/aws-lambda';
import { createApp, type AppDeps } from './app.js';

/** Wraps the same Hono app for API Gateway HTTP API (payload 2.0) events. */
export function createLambdaHandler(deps: AppDeps) {
  return handle(createApp(deps));
}
