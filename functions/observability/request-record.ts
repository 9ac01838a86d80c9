import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { RequestRecord } from '../logger.js';

/**
 * What the request-logging middleware reports once a request is answered: the route that matched
 * (method and path pattern, so metrics have one series per route, whatever ids the path held), the
 * status class and the time taken. Middleware (`app.use`) matches with method `ALL`; the last match
 * with a real method is the route's own handler. A request no route matched is `unmatched`.
 */
export function requestRecord(c: Context, startedAt: number): RequestRecord {
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  const status = c.res.status;
  return {
    route: route ? `${route.method} ${route.path}` : 'unmatched',
    outcome: `${Math.floor(status / 100)}xx`,
    status,
    ms: Math.round(performance.now() - startedAt),
  };
}
