import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { LocalTokenIssuer, TokenVerifier } from './auth/tokens.js';
import type { Config } from './config.js';
import { isDatabaseUnavailable } from './db/client.js';
import { Writer } from './db/transact.js';
import type { AppEnv } from './http/app-env.js';
import { authenticate } from './http/auth-middleware.js';
import { UserAccessCheck } from './auth/user-access.js';
import { AppError, NotFound, PayloadTooLarge, ServiceUnavailable } from './http/errors.js';
import { problemResponse } from './http/problem.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { PartnershipRepository } from './repositories/partnership-repository.js';
import { PeriodRepository } from './repositories/period-repository.js';
import { ReturnRepository } from './repositories/return-repository.js';
import { UserRepository } from './repositories/user-repository.js';
import { programmeRoutes } from './routes/programme-routes.js';
import { returnRoutes } from './routes/return-routes.js';
import { ProgrammeService } from './services/programme-service.js';
import { ReturnsService } from './services/returns-service.js';
import { ThresholdRepository } from './repositories/threshold-repository.js';
import { thresholdRoutes } from './routes/threshold-routes.js';
import { ThresholdService } from './services/threshold-service.js';
import { KinshipRepository } from './repositories/kinship-repository.js';
import { kinshipRoutes, publicKinshipRoutes } from './routes/kinship-routes.js';
import { KinshipService } from './services/kinship-service.js';
import { ReadinessRepository } from './repositories/readiness-repository.js';
import { readinessRoutes } from './routes/readiness-routes.js';
import { ReadinessService } from './services/readiness-service.js';
import { deriveKinshipOfferComplete, deriveThresholdSignedOff } from '../shared/readiness/schema.js';
import { trackerRoutes } from './routes/tracker-routes.js';
import { TrackerService } from './services/tracker-service.js';
import { DiskDocumentStore, S3DocumentStore, type DocumentStore } from './documents/document-store.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes, meRoutes } from './routes/auth-routes.js';
import { partnershipRoutes } from './routes/partnership-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { AuthService } from './services/auth-service.js';
import { ErasureRepository } from './repositories/erasure-repository.js';
import { ErasureService } from './services/erasure-service.js';
import { createLogger, type Logger } from './logger.js';
import { CONFIRM_PERSONAL_DATA_HEADER } from '../shared/pii/policy.js';

/** Everything the app needs from outside; tests pass a DynamoDB Local table and a local key pair. */
export interface AppDeps {
  config: Config;
  doc: DynamoDBDocumentClient;
  verifier: TokenVerifier;
  /** Local mode only: issues tokens for the built-in sign-in. */
  localIssuer?: LocalTokenIssuer;
  clock?: () => Date;
  logger?: Logger;
  /** Uploaded documents; defaults to S3 when a bucket is configured, else a folder under DATA_DIR. */
  documents?: DocumentStore;
  /** Local mode: registers the SPA's static files and fallback after the API routes. */
  mountWeb?: (app: Hono<AppEnv>) => void;
}

/** The repositories and services, built once per app from its dependencies. */
export type Services = ReturnType<typeof createServices>;

function createServices(deps: AppDeps) {
  const { doc, config } = deps;
  const pid = config.partnershipId;
  const writer = new Writer(doc, config.tables.audit, pid);
  const users = new UserRepository(doc, config.tables.main, pid);
  const partnership = new PartnershipRepository(doc, config.tables.main, pid);
  const periods = new PeriodRepository(doc, config.tables.main, pid);
  const returns = new ReturnRepository(doc, config.tables.main, pid);
  const kinship = new KinshipService(new KinshipRepository(doc, config.tables.main, pid), partnership, writer);
  const threshold = new ThresholdService(
    new ThresholdRepository(doc, config.tables.main, pid),
    writer,
    deps.documents ?? (config.documentsBucket ? new S3DocumentStore(config.documentsBucket, config.dynamodb.region) : new DiskDocumentStore(config.dataDir)),
  );
  // Readiness criteria that follow other records instead of being self-assessed.
  const readinessRepo = new ReadinessRepository(doc, config.tables.main, pid);
  const readiness = new ReadinessService(readinessRepo, partnership, writer, {
    'threshold-signed-off': async () => deriveThresholdSignedOff(await threshold.list()),
    'kinship-offer-complete': async () => deriveKinshipOfferComplete(await kinship.coverage()),
  });
  return {
    writer,
    users,
    partnership,
    tracker: new TrackerService(partnership, returns, readinessRepo, readiness, threshold, kinship, writer, config.tables.main, pid),
    kinship,
    threshold,
    readiness,
    programme: new ProgrammeService(partnership, periods, writer, config.tables.main, pid),
    returns: new ReturnsService(returns, partnership, writer),
    audit: new AuditRepository(doc, config.tables.audit, pid),
    erasure: new ErasureService(new ErasureRepository(doc, config.tables.main, config.tables.audit, pid), writer),
    auth: deps.localIssuer ? new AuthService(users, deps.localIssuer, writer) : null,
  };
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

/** The composition root: one Hono app for the API, run by the local server and by Lambda. */
export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const services = createServices(deps);
  const app = new Hono<AppEnv>();

  app.use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use(async (c, next) => {
    c.set('now', clock());
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.id,
    });
  });
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
  app.use('/api/*', (c, next) => (c.req.path === '/api/threshold-documents/upload' ? next() : limitBody(c, next)));
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are per-user: never let a shared cache keep them.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  // Public routes first: they answer before the authentication middleware below runs.
  app.route('/', systemRoutes(deps, services));
  app.route('/', authRoutes(deps, services));
  app.route('/', publicKinshipRoutes(services));

  app.use('/api/*', authenticate(deps.verifier, new UserAccessCheck((email) => services.users.getUserAccess(email))));
  app.route('/', meRoutes());
  app.route('/', partnershipRoutes(services));
  app.route('/', programmeRoutes(services));
  app.route('/', returnRoutes(services));
  app.route('/', thresholdRoutes(services));
  app.route('/', kinshipRoutes(services));
  app.route('/', readinessRoutes(services));
  app.route('/', trackerRoutes(services));
  app.route('/', auditRoutes(services));

  deps.mountWeb?.(app);

  app.notFound((c) => problemResponse(c, new NotFound(`There is no API route ${c.req.method} ${c.req.path}.`)));
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (isDatabaseUnavailable(err)) {
      logger.warn('database unavailable', { requestId: c.get('requestId'), error: String(err) });
      return problemResponse(c, new ServiceUnavailable());
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return problemResponse(c, new AppError(500, 'internal', 'Something went wrong', `Something went wrong on our side. Try again; if it keeps happening, quote reference ${c.get('requestId')}.`));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
