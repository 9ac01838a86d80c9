import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TokenVerifier } from '../auth/tokens.js';
import { UserAccessCheck } from '../auth/user-access.js';
import { apiDocsRoutes } from '../http/api-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { authenticate } from '../http/auth-middleware.js';
import type { openApiDocument } from '../http/openapi.js';
import type { ServiceDeps, Services } from '../services/index.js';
import { attentionRoutes } from './attention-routes.js';
import { auditRoutes } from './audit-routes.js';
import { notificationRoutes, publicNotificationRoutes } from './notification-routes.js';
import { chaseRoutes } from './chase-routes.js';
import { authRoutes, meRoutes } from './auth-routes.js';
import { kinshipRoutes, publicKinshipRoutes } from './kinship-routes.js';
import { partnershipRoutes } from './partnership-routes.js';
import { peopleRoutes } from './people-routes.js';
import { programmeRoutes } from './programme-routes.js';
import { readinessRoutes } from './readiness-routes.js';
import { returnRoutes } from './return-routes.js';
import { systemRoutes } from './system-routes.js';
import { thresholdRoutes } from './threshold-routes.js';
import { trackerRoutes } from './tracker-routes.js';

export { API_VERSION } from './system-routes.js';

/** What the routes need besides the services. */
export type RouteDeps = Pick<ServiceDeps, 'config' | 'localIssuer'> & { verifier: TokenVerifier };

/**
 * Mounts every aggregate's sub-app: public routes first (they answer before the authentication
 * middleware runs), then the signed-in ones. Chained, so the result's type carries every route's
 * declaration (`Api`).
 */
export function mountRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps, services: Services, apiDocument: () => ReturnType<typeof openApiDocument>) {
  return app
    .route('/', systemRoutes(services, deps, apiDocument))
    .route('/', apiDocsRoutes())
    .route('/', authRoutes(services, deps))
    .route('/', publicKinshipRoutes(services))
    .route('/', publicNotificationRoutes(services))
    .use('/api/*', authenticate(deps.verifier, new UserAccessCheck((email) => services.users.getAccount(email))))
    .route('/', meRoutes())
    .route('/', attentionRoutes(services))
    .route('/', notificationRoutes(services))
    .route('/', partnershipRoutes(services))
    .route('/', programmeRoutes(services))
    .route('/', returnRoutes(services))
    .route('/', thresholdRoutes(services))
    .route('/', kinshipRoutes(services))
    .route('/', readinessRoutes(services))
    .route('/', trackerRoutes(services))
    .route('/', auditRoutes(services))
    .route('/', peopleRoutes(services))
    .route('/', chaseRoutes(services));
}

/**
 * Every API route with its declared request and responses, for a typed client (`hc<Api>` from
 * `hono/client`). Import it as a type from here (not from app.ts).
 */
export type Api = ReturnType<typeof mountRoutes>;
