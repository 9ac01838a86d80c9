import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { ServiceUnavailable } from '../http/errors.js';
import { describeRoute, openApiDocument } from '../http/openapi.js';
import { problemResponse } from '../http/problem.js';

export const PortalConfig = z.object({
  partnershipId: z.string(),
  partnershipName: z.string().optional(),
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({ mode: z.literal('cognito'), clientId: z.string(), domain: z.string().optional(), region: z.string() }),
  ]),
});

/** The 200 answer; when a check fails the answer is a 503 problem+json that also carries `checks`. */
const Health = z.object({
  status: z.literal('ok'),
  checks: z.object({ dynamodb: z.object({ status: z.literal('ok'), latencyMs: z.number() }) }),
});

describeRoute({ method: 'get', path: '/api/health', summary: 'Health of the API and its database', tag: 'System', response: Health, statuses: [503] });
describeRoute({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', tag: 'System' });
describeRoute({ method: 'get', path: '/api/config', summary: 'What the web app needs to start (sign-in mode)', tag: 'System', response: PortalConfig });

export const API_VERSION = '0.1.0';

/** Unauthenticated system routes. */
export function systemRoutes(deps: AppDeps, services: Services) {
  return new Hono<AppEnv>()
    .get('/api/health', async (c) => {
      const started = performance.now();
      try {
        await services.partnership.ping();
        return c.json({ status: 'ok' as const, checks: { dynamodb: { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) } } });
      } catch {
        // Like every other 503: problem+json with Retry-After, plus which check failed. The
        // database call has its own deadline, so a stalled database answers here within seconds.
        const problem = problemResponse(c, new ServiceUnavailable());
        const checks = { dynamodb: { status: 'unavailable' as const, latencyMs: Math.round(performance.now() - started), detail: 'The database is not reachable.' } };
        return new Response(JSON.stringify({ ...(await problem.json()), checks }), { status: 503, headers: problem.headers });
      }
    })
    .get('/api/openapi.json', (c) => c.json(openApiDocument(API_VERSION)))
    .get('/api/config', async (c) => {
      const a = deps.config.auth;
      // The partnership's name for signed-out pages; the page still works if the database is down.
      const name = await services.partnership.getPartnership().then((p) => p?.name, () => undefined);
      const auth: z.infer<typeof PortalConfig>['auth'] =
        a.mode === 'local' ? { mode: 'local' } : { mode: 'cognito', clientId: a.clientId, region: a.region, ...(a.domain ? { domain: a.domain } : {}) };
      return c.json({ partnershipId: deps.config.partnershipId, ...(name ? { partnershipName: name } : {}), auth });
    });
}
