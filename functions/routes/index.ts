import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TokenVerifier } from '../auth/tokens.js';
import { UserAccessCheck } from '../auth/user-access.js';
import { apiDocsRoutes } from '../http/api-docs.js';
import type { AppEnv } from '../http/app-env.js';
import { asMember, authenticate, inPartnership, memberSecondFactor, requireSecondFactor, type SecondFactorOf } from '../http/auth-middleware.js';
import { apiRoutes } from '../http/route.js';
import type { openApiDocument } from '../http/openapi.js';
import type { ServiceDeps, ServiceRegistry } from '../services/index.js';
import { attentionRoutes } from './attention-routes.js';
import { auditRoutes } from './audit-routes.js';
import { notificationRoutes, publicNotificationRoutes } from './notification-routes.js';
import { chaseRoutes } from './chase-routes.js';
import { authRoutes, meRoutes, serviceRoutes } from './auth-routes.js';
import { kinshipRoutes, publicKinshipRoutes } from './kinship-routes.js';
import { measureRoutes } from './measure-routes.js';
import { partnershipRoutes } from './partnership-routes.js';
import { peopleRoutes } from './people-routes.js';
import { asPlatformAdmin, platformRoutes } from './platform-routes.js';
import { programmeRoutes } from './programme-routes.js';
import { setUpRoutes } from './set-up-routes.js';
import { reportRoutes } from './report-routes.js';
import { readinessRoutes } from './readiness-routes.js';
import { returnRoutes } from './return-routes.js';
import { secondFactorRoutes } from './second-factor-routes.js';
import { systemRoutes } from './system-routes.js';
import { thresholdRoutes } from './threshold-routes.js';
import { trackerRoutes } from './tracker-routes.js';

export { API_VERSION } from './system-routes.js';

/** What the routes need besides the services. */
export type RouteDeps = Pick<ServiceDeps, 'config' | 'localIssuer'> & { verifier: TokenVerifier };

/**
 * A partnership's signed-in routes, written from within the partnership (`/returns/...`) and
 * mounted at `/api/p/{partnershipId}`. Chained, so the type carries every declaration
 * (`PartnershipApi`, for the web's typed client of one partnership).
 */
export function partnershipApp(secondFactorOf?: SecondFactorOf) {
  return apiRoutes()
    .route('/', meRoutes(secondFactorOf))
    .route('/', attentionRoutes())
    .route('/', notificationRoutes())
    .route('/', partnershipRoutes())
    .route('/', programmeRoutes())
    .route('/', setUpRoutes())
    .route('/', returnRoutes())
    .route('/', thresholdRoutes())
    .route('/', kinshipRoutes())
    .route('/', readinessRoutes())
    .route('/', trackerRoutes())
    .route('/', measureRoutes())
    .route('/', reportRoutes())
    .route('/', auditRoutes())
    .route('/', peopleRoutes())
    .route('/', chaseRoutes());
}

/** A partnership's public routes, mounted at `/api/public/p/{partnershipId}`. */
export function publicPartnershipApp() {
  return apiRoutes().route('/', publicKinshipRoutes()).route('/', publicNotificationRoutes());
}

/**
 * Mounts every sub-app: the service's own routes (health, the API's description, sign-in), platform
 * administration (the token is verified and the person must be an active platform administrator in
 * the platform's records), each partnership's public routes, then its signed-in ones: the token is
 * verified, the partnership in the path must exist, and the person must be active in its records
 * (their role and agency come from there). Chained, so the result's type carries every route's
 * declaration (`Api`).
 */
export function mountRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps, registry: ServiceRegistry, apiDocument: () => ReturnType<typeof openApiDocument>) {
  const access = new UserAccessCheck((key) => {
    const [pid, email] = key.split(' ') as [string, string];
    return registry.for(pid).users.getAccount(email);
  });
  // Whether the person is active in any partnership, or administers the platform (read at most once
  // a minute, like their access): someone with a place elsewhere is told a partnership that is not
  // theirs does not exist, rather than that their access ended, which would end their session.
  const worksSomewhere = new UserAccessCheck(async (email) => {
    const [memberships, admin] = await Promise.all([registry.platform.membershipsOf(email), registry.platform.adminAccess(email)]);
    return memberships.length > 0 || admin.access === 'active';
  });
  // Whether the person is an active platform administrator (the platform's record, read at most once a minute).
  const admins = new UserAccessCheck((email) => registry.platform.adminAccess(email));
  // Two-step sign-in: a partnership's lead, signatories and agency administrators, and platform
  // administrators, need an authenticator when the deployment says so. Each route they may use
  // refuses them (403) until they have one, but what tells them who they are and lets them set it up.
  const policy = deps.config.secondFactor;
  const enrolment = registry.enrolment;
  const memberState = memberSecondFactor(policy, enrolment);
  const adminState: SecondFactorOf = async (user, now) =>
    policy === 'required-for-roles' ? { required: true, enrolled: await enrolment.enrolled(user.email, now), reasons: ['platform-admin'] } : { required: false, reasons: [] };
  // Another partnership's list needs what that partnership would (read at most once a minute).
  const reasonsAnywhere = new UserAccessCheck((email) => registry.secondFactor.reasonsFor(email));
  const anywhereState: SecondFactorOf = async (user, now) => {
    const reasons = await reasonsAnywhere.access(user.email, now);
    return reasons.length ? { required: true, enrolled: await enrolment.enrolled(user.email, now), reasons } : { required: false, reasons };
  };
  const isMe = (c: { req: { path: string; method: string } }) => c.req.method === 'GET' && /^\/api\/p\/[^/]+\/me$/.test(c.req.path);
  const isPlatformMe = (c: { req: { path: string; method: string } }) => c.req.method === 'GET' && c.req.path === '/api/platform/me';
  return app
    .route('/', systemRoutes(registry.home, deps, apiDocument))
    .route('/', apiDocsRoutes())
    .route('/', authRoutes(registry.auth, deps))
    .use('/api/partnerships', authenticate(deps.verifier))
    .use('/api/partnerships/*', authenticate(deps.verifier))
    .use('/api/partnerships/attention', requireSecondFactor(anywhereState))
    .route('/', serviceRoutes(registry.platform))
    .use('/api/second-factor', authenticate(deps.verifier))
    .use('/api/second-factor/*', authenticate(deps.verifier))
    .route('/', secondFactorRoutes(registry.secondFactor, deps))
    .use('/api/platform/*', authenticate(deps.verifier), asPlatformAdmin(admins), requireSecondFactor(adminState, isPlatformMe))
    .route('/', platformRoutes(registry.platform, admins))
    .use('/api/public/p/:partnershipId/*', inPartnership(registry))
    .route('/api/public/p/:partnershipId', publicPartnershipApp())
    .use('/api/p/:partnershipId/*', authenticate(deps.verifier), inPartnership(registry), asMember(access, worksSomewhere), requireSecondFactor(memberState, isMe))
    .route('/api/p/:partnershipId', partnershipApp(memberState));
}

/**
 * Every API route with its declared request and responses, for a typed client (`hc<Api>` from
 * `hono/client`). Import it as a type from here (not from app.ts).
 */
export type Api = ReturnType<typeof mountRoutes>;
/** One partnership's signed-in API, for `hc<PartnershipApi>('/api/p/{id}')`. */
export type PartnershipApi = ReturnType<typeof partnershipApp>;
/** One partnership's public API, for `hc<PublicPartnershipApi>('/api/public/p/{id}')`. */
export type PublicPartnershipApi = ReturnType<typeof publicPartnershipApp>;
