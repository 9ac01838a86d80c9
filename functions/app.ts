import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { CONFIRM_PERSONAL_DATA_HEADER } from '../shared/pii/policy.js';
import type { TokenVerifier } from './auth/tokens.js';
import { isDatabaseUnavailable } from './db/client.js';
import type { AppEnv } from './http/app-env.js';
import { AppError, BadRequest, NotFound, PayloadTooLarge, ServiceUnavailable } from './domain/errors.js';
import { describeApi, openApiDocument } from './http/openapi.js';
import { originVerify } from './http/origin-verify.js';
import { admission } from './http/admission.js';
import { problemResponse } from './http/problem.js';
import { createLogger, type Logger } from './logger.js';
import { requestRecord } from './observability/request-record.js';
import { API_VERSION, mountRoutes } from './routes/index.js';
import { ServiceRegistry, type ServiceDeps } from './services/index.js';

/** Everything the app needs from outside; tests pass a DynamoDB Local table and a local key pair. */
export interface AppDeps extends ServiceDeps {
  verifier: TokenVerifier;
  clock?: () => Date;
  logger?: Logger;
  /** Local mode: registers the SPA's static files and fallback after the API routes. */
  mountWeb?: (app: Hono<AppEnv>) => void;
}

/** Content-Security-Policy for the SPA and API alike: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The app: middleware and the routes' sub-apps, run by the local server and by Lambda. */
export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const registry = new ServiceRegistry({ ...deps, logger });
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('now', clock());
    const started = performance.now();
    await next();
    const record = requestRecord(c, started);
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      route: record.route,
      status: record.status,
      ms: record.ms,
      user: c.get('user')?.id,
    });
    // In Lambda: one metric per request by route and outcome (functions/observability/lambda.ts).
    logger.request?.(record);
  });
  app.use('/api/*', originVerify(deps.config.originVerify));
  // Requests take their turn in a bounded queue; the health check is answered at once.
  const queue = admission(deps.config.admission);
  // Uploads are left out too: their body arrives over seconds, and would hold a place meanwhile.
  app.use('/api/*', (c, next) => (c.req.path === '/api/health' || /\/threshold-documents\/upload$/.test(c.req.path) ? next() : queue(c, next)));
  app.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: 'same-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  if (deps.config.corsOrigins.length) {
    app.use(
      '/api/*',
      cors({
        origin: deps.config.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', CONFIRM_PERSONAL_DATA_HEADER],
        exposeHeaders: ['ETag', 'X-Request-Id', 'Location'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        maxAge: 600,
      }),
    );
  }
  const limitBody = bodyLimit({ maxSize: deps.config.bodyLimitBytes, onError: (c) => problemResponse(c, new PayloadTooLarge(deps.config.bodyLimitBytes)) });
  // Document uploads set their own, larger limit on their route.
  app.use('/api/*', (c, next) => (/^\/api\/p\/[^/]+\/threshold-documents\/upload$/.test(c.req.path) ? next() : limitBody(c, next)));
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are per-user: never let a shared cache keep them.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  // The document describes every route mounted below; it is built once, on first request.
  describeApi(app);
  let document: ReturnType<typeof openApiDocument> | undefined;
  const apiDocument = () => (document ??= openApiDocument(app, API_VERSION));

  mountRoutes(app, deps, registry, apiDocument);

  deps.mountWeb?.(app);

  app.notFound((c) => problemResponse(c, new NotFound(`There is no API route ${c.req.method} ${c.req.path}.`)));
  // Every error is typed (http/errors.ts) and answered here, once, as problem+json.
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    // The framework's own refusals (none expected: requests are read by the declarations) keep the problem shape.
    if (err instanceof HTTPException && err.status < 500) return problemResponse(c, new BadRequest(err.message));
    if (isDatabaseUnavailable(err)) {
      logger.warn('database unavailable', { requestId: c.get('requestId'), error: String(err) });
      return problemResponse(c, new ServiceUnavailable());
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return problemResponse(
      c,
      new AppError(500, 'internal', 'Something went wrong', `Something went wrong on our side. Try again; if it keeps happening, quote reference ${c.get('requestId')}.`),
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
