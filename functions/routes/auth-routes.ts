import { z } from 'zod';
import { LoginRequest, Me } from '../../shared/auth/roles.js';
import { LoginCodeRequest, LoginStep, MeSecondFactor, SignedIn } from '../../shared/auth/second-factor.js';
import type { SecondFactorOf } from '../http/auth-middleware.js';
import { MembershipsView } from '../../shared/partnership/views.js';
import { Slug } from '../../shared/partnership/schema.js';
import { AttentionEverywhereView } from '../../shared/attention/schema.js';
import type { PlatformService } from '../services/platform-service.js';
import type { AuthService } from '../services/auth-service.js';
import { clientAddress } from '../auth/client-address.js';
import { InvitationCheckRequest, InvitationView, SetPasswordRequest } from '../../shared/users/schema.js';
import { NotFound } from '../domain/errors.js';
import { ALL_ROLES, apiRoutes, declareRoute, json } from '../http/route.js';
import type { ServiceDeps } from '../services/index.js';

/** The local sign-in's public keys (JWKS, RFC 7517). */
const Jwks = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.string(), alg: z.string(), use: z.string() }).catchall(z.unknown())) }).meta({ id: 'JsonWebKeySet' });

const SIGN_IN_ELSEWHERE = 'Sign in through the partnership sign-in page.';

const login = declareRoute({
  method: 'post',
  path: '/api/auth/login',
  operationId: 'signIn',
  summary: 'Sign in (local mode only; in AWS, Cognito signs users in)',
  tag: 'Auth',
  // Credentials: an email by design, checked against the account and never stored.
  body: { schema: LoginRequest, personalData: false },
  response: json(LoginStep, 'Signed in (a bearer token for the Authorization header), or, with two-step sign-in on, a challenge to send the code with'),
  errors: [401, 404, 429],
});

const loginWithCode = declareRoute({
  method: 'post',
  path: '/api/auth/login/code',
  operationId: 'signInWithCode',
  summary: 'The second step of signing in: the 6-digit code from the authenticator app (local mode only)',
  description:
    'Send the challenge the password earned with the code the app shows now. A wrong code is 401 (after five on one challenge, sign in with the password again); wrong codes slow down like wrong passwords (429); each code signs in once.',
  tag: 'Auth',
  // A challenge and 6 digits: nothing about anyone.
  body: { schema: LoginCodeRequest, personalData: false },
  response: json(SignedIn, 'Signed in: a bearer token for the Authorization header'),
  errors: [401, 404, 429],
});

const checkInvitation = declareRoute({
  method: 'post',
  path: '/api/auth/invitation',
  operationId: 'checkInvitation',
  summary: 'Whose invitation a set-password link is, while it works (local mode only)',
  description: 'The token is sent in the body, never the address, so it stays out of logs.',
  tag: 'Auth',
  body: { schema: InvitationCheckRequest, personalData: false },
  response: json(InvitationView, 'The invited person and when the link stops working'),
  errors: [404],
});

const setPassword = declareRoute({
  method: 'post',
  path: '/api/auth/set-password',
  operationId: 'setPassword',
  summary: 'Set a password from an invitation link; the link then stops working (local mode only)',
  tag: 'Auth',
  // A password by design: hashed, never stored as text.
  body: { schema: SetPasswordRequest, personalData: false },
  response: json(z.object({ email: z.string() }), 'The password is set: sign in with this email address'),
  errors: [404],
});

const jwks = declareRoute({
  method: 'get',
  path: '/api/auth/.well-known/jwks.json',
  operationId: 'getSigningKeys',
  summary: 'Public keys of the local sign-in (local mode only)',
  tag: 'Auth',
  database: false,
  response: json(Jwks, 'The keys that sign local tokens'),
  errors: [404],
});

const me = declareRoute({
  method: 'get',
  path: '/me',
  operationId: 'getCurrentUser',
  summary: 'The signed-in user',
  tag: 'Auth',
  roles: ALL_ROLES,
  response: json(
    Me.extend({ secondFactor: MeSecondFactor }).meta({ id: 'Me' }),
    'Who is signed in, with their role and agency, and whether their role here needs two-step sign-in (and, when it does, whether they have set it up)',
  ),
});

const partnerships = declareRoute({
  method: 'get',
  path: '/api/partnerships',
  operationId: 'listMyPartnerships',
  summary: 'The partnerships the signed-in person works in, with their role in each',
  description: 'One sign-in for every partnership: the list a person switches between.',
  tag: 'Auth',
  roles: ALL_ROLES,
  response: json(MembershipsView, 'Where the person is active, in the order the service lists its partnerships'),
});

const attentionEverywhere = declareRoute({
  method: 'get',
  path: '/api/partnerships/attention',
  operationId: 'getAttentionInEveryPartnership',
  summary: 'What needs the signed-in person in each of their other partnerships',
  description:
    "Each partnership's list as its own records have the person; each link opens that partnership's page. One read finds the person's partnerships; each other partnership's list then costs what its own page's list does.",
  tag: 'Auth',
  roles: ALL_ROLES,
  query: z.object({ except: Slug.describe('The partnership the page shows already (its own list covers it)') }).strict(),
  response: json(AttentionEverywhereView, 'One list per partnership, most urgent first'),
});

/** The service's own signed-in routes (behind authentication, outside any one partnership). */
export function serviceRoutes(platform: PlatformService) {
  return apiRoutes()
    .openapi(partnerships, async (c) => c.json({ partnerships: await platform.membershipsOf(c.get('user').email) }, 200))
    .openapi(attentionEverywhere, async (c) => c.json(await platform.attentionEverywhere(c.get('user').email, c.get('now'), c.req.valid('query').except), 200));
}

/**
 * Public auth routes: the built-in sign-in exists only in local mode. A set-password link is
 * answered by the partnership whose person it names (`auth` finds it).
 */
export function authRoutes(auth: AuthService | null, deps: Pick<ServiceDeps, 'config' | 'localIssuer'>) {
  const routes = apiRoutes();
  // Without the built-in sign-in the route names nothing: 404 before its body is read.
  if (!auth) {
    for (const r of [login, loginWithCode, checkInvitation, setPassword]) routes.use(r.getRoutingPath(), () => Promise.reject(new NotFound(SIGN_IN_ELSEWHERE)));
  }
  return routes
    .openapi(login, async (c) => {
      if (!auth) throw new NotFound(SIGN_IN_ELSEWHERE);
      return c.json(await auth.login(c.req.valid('json'), { requestId: c.get('requestId'), now: c.get('now'), clientKey: clientAddress(c, deps.config.trustProxy) }), 200);
    })
    .openapi(loginWithCode, async (c) => {
      if (!auth) throw new NotFound(SIGN_IN_ELSEWHERE);
      return c.json(await auth.loginWithCode(c.req.valid('json'), { requestId: c.get('requestId'), now: c.get('now'), clientKey: clientAddress(c, deps.config.trustProxy) }), 200);
    })
    .openapi(checkInvitation, async (c) => {
      if (!auth) throw new NotFound(SIGN_IN_ELSEWHERE);
      return c.json(await auth.checkInvitation(c.req.valid('json').token, c.get('now')), 200);
    })
    .openapi(setPassword, async (c) => {
      if (!auth) throw new NotFound(SIGN_IN_ELSEWHERE);
      return c.json(await auth.setPassword(c.req.valid('json'), { requestId: c.get('requestId'), now: c.get('now') }), 200);
    })
    .openapi(jwks, (c) => {
      if (!deps.localIssuer) throw new NotFound();
      return c.json(deps.localIssuer.jwks() as z.infer<typeof Jwks>, 200);
    });
}

/** Nobody needs a second step: what the typed client's description of the routes is built with. */
const NOT_REQUIRED: SecondFactorOf = async () => ({ required: false, reasons: [] });

/**
 * Routes about the signed-in user (behind authentication). `/me` answers whoever needs a second
 * step and has none yet too: it is how the web app learns to send them to set one up.
 */
export function meRoutes(secondFactorOf: SecondFactorOf = NOT_REQUIRED) {
  return apiRoutes().openapi(me, async (c) => {
    const user = c.get('user');
    const { required, enrolled } = await secondFactorOf(user, c.get('now'));
    return c.json({ ...user, secondFactor: required ? { required, enrolled: enrolled === true } : { required } }, 200);
  });
}
