import { Hono } from 'hono';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { describeRoute } from '../http/openapi.js';

describeRoute({ method: 'get', path: '/api/partnership', summary: 'The partnership, its agencies and workstreams', tag: 'Partnership', roles: ['lead', 'executive', 'partner'] });

export function partnershipRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/partnership', async (c) => c.json(await services.partnership.getPartnershipData()));
}
