import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Forbidden } from '../domain/errors.js';
import { problemResponse } from './problem.js';

/**
 * In AWS, CloudFront adds a secret header to every request it sends to the API. A request without
 * it reached the API Gateway's own execute-api address directly, around CloudFront and its WAF, and
 * is refused before anything else runs. Locally (no setting) it does nothing.
 */
export function originVerify(setting: { header: string; secret: string } | undefined): MiddlewareHandler {
  if (!setting) return (_c, next) => next();
  const expected = Buffer.from(setting.secret);
  return async (c, next) => {
    const given = Buffer.from(c.req.header(setting.header) ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return problemResponse(c, new Forbidden("Use the portal's own address: this one does not accept requests."));
    }
    // The secret goes no further (the handlers never see it).
    await next();
  };
}
