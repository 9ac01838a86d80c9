import { z } from 'zod';
import { Problem } from '../../shared/http/problem.js';
import { ServiceUnavailable } from '../domain/errors.js';
import type { openApiDocument } from '../http/openapi.js';
import { PROBLEM_JSON, problemResponse } from '../http/problem.js';
import { apiRoutes, declareRoute, json } from '../http/route.js';
import type { Services, ServiceDeps } from '../services/index.js';

export const PortalConfig = z
  .object({
    partnershipId: z.string(),
    partnershipName: z.string().optional(),
    auth: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('local') }),
      z.object({ mode: z.literal('cognito'), clientId: z.string(), domain: z.string().optional(), region: z.string() }),
    ]),
  })
  .meta({ id: 'PortalConfig' });

const DynamoCheck = z.object({ status: z.literal('ok'), latencyMs: z.number() });
/** The 200 answer; when a check fails the answer is a 503 problem+json that also carries `checks`. */
const Health = z.object({ status: z.literal('ok'), checks: z.object({ dynamodb: DynamoCheck }) }).meta({ id: 'Health' });
const HealthProblem = Problem.extend({
  checks: z.object({ dynamodb: z.object({ status: z.literal('unavailable'), latencyMs: z.number(), detail: z.string() }) }),
}).meta({ id: 'HealthProblem' });

/** The OpenAPI document (its structure is the OpenAPI 3.1 specification's, not restated here). */
const OpenApiDocument = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .meta({ id: 'OpenApiDocument' });

export const API_VERSION = '0.1.0';

const health = declareRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'checkHealth',
  summary: 'Health of the API and its database',
  tag: 'System',
  response: json(Health, 'The API and its database answer'),
  problems: { 503: { description: 'The database is not reachable: the problem says which check failed', schema: HealthProblem } },
});

const openApi = declareRoute({
  method: 'get',
  path: '/api/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This OpenAPI document',
  description: 'Generated from the route declarations; the reference page at /api/docs reads it.',
  tag: 'System',
  database: false,
  response: json(OpenApiDocument, 'The OpenAPI 3.1 document'),
});

const config = declareRoute({
  method: 'get',
  path: '/api/config',
  operationId: 'getPortalConfig',
  summary: 'What the web app needs to start (sign-in mode, partnership name)',
  description: 'Answers even when the database is down: the name is then left out.',
  tag: 'System',
  database: false,
  response: json(PortalConfig, 'The sign-in mode and the partnership'),
});

/** Unauthenticated system routes. `document` builds the OpenAPI document of the whole app. */
export function systemRoutes(services: Services, deps: Pick<ServiceDeps, 'config'>, document: () => ReturnType<typeof openApiDocument>) {
  return apiRoutes()
    .openapi(health, async (c) => {
      const started = performance.now();
      try {
        await services.partnership.ping();
        return c.json({ status: 'ok' as const, checks: { dynamodb: { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) } } }, 200);
      } catch {
        // Like every other 503: problem+json with Retry-After, plus which check failed. The
        // database call has its own deadline, so a stalled database answers here within seconds.
        const unavailable = new ServiceUnavailable();
        const problem = (await problemResponse(c, unavailable).json()) as Problem;
        const checks = { dynamodb: { status: 'unavailable' as const, latencyMs: Math.round(performance.now() - started), detail: 'The database is not reachable.' } };
        return c.json({ ...problem, checks }, 503, { ...unavailable.headers, 'Content-Type': PROBLEM_JSON });
      }
    })
    .openapi(openApi, (c) => c.json(document(), 200))
    .openapi(config, async (c) => {
      const a = deps.config.auth;
      // The partnership's name for signed-out pages; the page still works if the database is down.
      const name = await services.partnership.getPartnership().then(
        (p) => p?.name,
        () => undefined,
      );
      const auth: z.infer<typeof PortalConfig>['auth'] =
        a.mode === 'local' ? { mode: 'local' } : { mode: 'cognito', clientId: a.clientId, region: a.region, ...(a.domain ? { domain: a.domain } : {}) };
      return c.json({ partnershipId: deps.config.partnershipId, ...(name ? { partnershipName: name } : {}), auth }, 200);
    });
}
