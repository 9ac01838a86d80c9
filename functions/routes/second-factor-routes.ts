import { ConfirmSecondFactorRequest, SecondFactorSetup, SecondFactorStatus } from '../../shared/auth/second-factor.js';
import { clientAddress } from '../auth/client-address.js';
import { ALL_ROLES, apiRoutes, declareRoute, json } from '../http/route.js';
import type { ServiceDeps } from '../services/index.js';
import type { SecondFactorService } from '../services/second-factor-service.js';

/*
 * Two-step sign-in of the signed-in person, outside any one partnership (one sign-in serves them
 * all, and a platform administrator works in none). Mounted behind `authenticate` only: these are
 * what someone who must set up an authenticator can still reach. Setting up and removing are the
 * local sign-in's; in AWS the web app sets the authenticator up with Cognito itself, and these
 * answer 404.
 */

const status = declareRoute({
  method: 'get',
  path: '/api/second-factor',
  operationId: 'getSecondFactor',
  summary: 'Whether the signed-in person has two-step sign-in on, and whether their role needs it',
  description: 'Read afresh each time (after setting up an authenticator with Cognito, this is what the portal checks).',
  tag: 'Auth',
  roles: ALL_ROLES,
  response: json(SecondFactorStatus, 'Two-step sign-in: the rule, why it applies, and whether it is on'),
});

const setUp = declareRoute({
  method: 'post',
  path: '/api/second-factor/setup',
  operationId: 'startSecondFactorSetup',
  summary: 'Start setting up an authenticator app: a new key to add to it (local mode only)',
  description:
    'The key is shown here once and kept for 10 minutes until a code from it confirms it (`POST /api/second-factor/confirm`). Starting again gives a new key. Already on: 409.',
  tag: 'Auth',
  response: json(SecondFactorSetup, 'The key, as text and as an otpauth:// link'),
  roles: ALL_ROLES,
  errors: [404, 409],
});

const confirm = declareRoute({
  method: 'post',
  path: '/api/second-factor/confirm',
  operationId: 'confirmSecondFactor',
  summary: 'Turn two-step sign-in on with a code from the new key (local mode only)',
  description:
    'A wrong code is 422 naming `code`; wrong codes slow down like wrong passwords (429). Audited in the same transaction; the key is never in an answer or the audit trail after this.',
  tag: 'Auth',
  roles: ALL_ROLES,
  // Six digits: nothing about anyone.
  body: { schema: ConfirmSecondFactorRequest, personalData: false },
  response: json(SecondFactorStatus, 'Two-step sign-in is on'),
  errors: [404, 409, 422, 429],
});

const remove = declareRoute({
  method: 'delete',
  path: '/api/second-factor',
  operationId: 'removeSecondFactor',
  summary: 'Turn two-step sign-in off, for someone whose role does not need it (local mode only)',
  description: 'Refused (403) to anyone whose role needs it. Audited in the same transaction.',
  tag: 'Auth',
  roles: ALL_ROLES,
  response: json(SecondFactorStatus, 'Two-step sign-in is off'),
  errors: [404, 409],
});

/** The person's own two-step sign-in, mounted at `/` behind `authenticate`. */
export function secondFactorRoutes(secondFactor: SecondFactorService, deps: Pick<ServiceDeps, 'config'>) {
  return apiRoutes()
    .openapi(status, async (c) => c.json(await secondFactor.status(c.get('user').email, c.get('now')), 200))
    .openapi(setUp, async (c) => c.json(await secondFactor.begin(c.get('user').email, c.get('now')), 200))
    .openapi(confirm, async (c) =>
      c.json(
        await secondFactor.confirm(c.get('user').email, c.req.valid('json').code, {
          requestId: c.get('requestId'),
          now: c.get('now'),
          clientKey: clientAddress(c, deps.config.trustProxy),
        }),
        200,
      ),
    )
    .openapi(remove, async (c) => c.json(await secondFactor.remove(c.get('user').email, { requestId: c.get('requestId'), now: c.get('now') }), 200));
}
