import { Hono } from 'hono';
import { LoginRequest, LoginResponse, Me } from '../../shared/auth/roles.js';
import { clientAddress } from '../auth/client-address.js';
import type { AppDeps, Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson } from '../http/validate.js';

describeRoute({ method: 'post', path: '/api/auth/login', summary: 'Sign in (local mode only; in AWS, Cognito signs users in)', tag: 'Auth', body: LoginRequest, response: LoginResponse, statuses: [401, 404, 429] });
describeRoute({ method: 'get', path: '/api/auth/.well-known/jwks.json', summary: 'Public keys of the local sign-in (local mode only)', tag: 'Auth', statuses: [404] });
describeRoute({ method: 'get', path: '/api/me', summary: 'The signed-in user', tag: 'Auth', roles: ['lead', 'executive', 'partner'], response: Me });

/** Public auth routes: the built-in sign-in exists only in local mode. */
export function authRoutes(deps: AppDeps, services: Services) {
  return new Hono<AppEnv>()
    .post('/api/auth/login', async (c) => {
      const auth = services.auth;
      if (!auth) throw new NotFound('Sign in through the partnership sign-in page.');
      const input = await readJson(c, LoginRequest, { personalData: false /* credentials: an email by design, never stored */ });
      return c.json(await auth.login(input, { requestId: c.get('requestId'), now: c.get('now'), clientKey: clientAddress(c, deps.config.trustProxy) }));
    })
    .get('/api/auth/.well-known/jwks.json', (c) => {
      if (!deps.localIssuer) throw new NotFound();
      return c.json(deps.localIssuer.jwks());
    });
}

/** Routes about the signed-in user (behind authentication). */
export function meRoutes() {
  return new Hono<AppEnv>().get('/api/me', (c) => c.json(c.get('user')));
}
