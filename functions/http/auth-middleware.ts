import { createMiddleware } from 'hono/factory';
import { ROLE_LABELS, type Role } from '../../shared/auth/roles.js';

const WHO: Record<Role, string> = { lead: 'the programme lead', partner: 'partner agency officers', executive: 'partnership executives' };
import { secondFactorReasons, type SecondFactorPolicy, type SecondFactorReason } from '../../shared/auth/second-factor.js';
import { type EnrolmentCheck, SecondFactorRequired } from '../auth/second-factor.js';
import type { Principal, TokenVerifier } from '../auth/tokens.js';
import { ACCESS_ENDED, type UserAccessCheck } from '../auth/user-access.js';
import type { AccountState } from '../repositories/user-repository.js';
import type { Actor, WriteContext } from '../db/transact.js';
import type { ConfirmedFinding } from '../../shared/pii/policy.js';
import { AccessEnded, Forbidden, NotFound, Unauthorized } from '../domain/errors.js';
import { Slug } from '../../shared/partnership/schema.js';
import type { ServiceRegistry } from '../services/index.js';
import type { AppEnv } from './app-env.js';

/** Verifies the bearer token and puts the principal on the context. Roles come only from here and {@link asMember}. */
export const authenticate = (verifier: TokenVerifier) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)$/.exec(header);
    if (!match) throw new Unauthorized(header ? 'The Authorization header is not a bearer token.' : 'Sign in to continue.');
    c.set('user', await verifier.verify(match[1]!));
    await next();
  });

/**
 * The partnership the path names (`/api/p/{partnershipId}/...`): one that does not exist is a 404
 * like any other missing thing. Its services go on the context for the routes.
 */
export const inPartnership = (registry: ServiceRegistry) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const pid = c.req.param('partnershipId') ?? '';
    if (!Slug.safeParse(pid).success || !(await registry.exists(pid, c.get('now')))) throw new NotFound(`There is no partnership ${pid.slice(0, 40)}.`);
    c.set('partnershipId', pid);
    c.set('services', registry.for(pid));
    await next();
  });

/** The key {@link asMember} reads a person's access under: their email within a partnership. */
export const memberKey = (partnershipId: string, email: string) => `${partnershipId} ${email.toLowerCase()}`;

/**
 * A valid token is not enough: the person must still be active in the partnership's own records
 * (read through `access`, at most 60 s old), so someone removed or deactivated is refused on every
 * route even while their token has not expired; their role, agency and flags come from that record.
 */
export const asMember = (access: UserAccessCheck<AccountState>, worksElsewhere: UserAccessCheck<boolean>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user');
    const pid = c.get('partnershipId');
    const account = await access.access(memberKey(pid, user.email), c.get('now'));
    // Someone with no place in this partnership (never had one, or deactivated here) who works in
    // another is told it does not exist: nothing reveals another partnership, and their session,
    // which their other partnerships still honour, is not ended. Someone with no place anywhere is
    // told their access ended.
    if (account.access !== 'active' && (await worksElsewhere.access(user.email, c.get('now')))) throw new NotFound(`There is no partnership ${pid}.`);
    if (account.access !== 'active') throw new AccessEnded(ACCESS_ENDED);
    c.set('user', withRecord(user, account));
    await next();
  });

/**
 * The person as the server's record has them now: a change of role, agency or flags applies within
 * the access check's 60 s, not when their token expires. Flags only a partner can hold stay off for others.
 */
export function withRecord(user: Principal, account: AccountState): Principal {
  const role = account.role ?? user.role;
  const partner = role === 'partner';
  return {
    ...user,
    role,
    agencyId: role === 'executive' ? null : account.agencyId !== undefined ? account.agencyId : user.agencyId,
    signatory: partner && (account.signatory ?? user.signatory),
    agencyAdmin: partner && account.agencyAdmin === true,
  };
}

/**
 * Refuses the request unless the signed-in user has one of the roles. Derived from a route's
 * declaration (http/route.ts), never added by hand. A route declared with roles but mounted where
 * nobody is signed in answers 401, never 500.
 */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user') as Principal | undefined;
    if (!user) throw new Unauthorized('Sign in to continue.');
    if (!roles.includes(user.role)) {
      throw new Forbidden(`Only ${roles.map((r) => WHO[r]).join(' or ')} can do this. You are signed in as ${ROLE_LABELS[user.role].toLowerCase()}.`);
    }
    await next();
  });

/** Whether the signed-in person needs a second step where they are, and (when they do) whether they have one. */
export interface SecondFactorState {
  required: boolean;
  /** Known when required (read through the enrolment check); left out otherwise. */
  enrolled?: boolean;
  reasons: SecondFactorReason[];
}
export type SecondFactorOf = (user: Principal, now: Date) => Promise<SecondFactorState>;

/**
 * A partnership member's state, from the record {@link asMember} put on the context: a lead, a
 * signatory or an agency administrator needs a second step when the deployment requires it.
 * Nobody else is asked about (no read for them).
 */
export function memberSecondFactor(policy: SecondFactorPolicy, check: EnrolmentCheck): SecondFactorOf {
  return async (user, now) => {
    const reasons = policy === 'required-for-roles' ? secondFactorReasons(user) : [];
    if (!reasons.length) return { required: false, reasons };
    return { required: true, enrolled: await check.enrolled(user.email, now), reasons };
  };
}

/**
 * Refuses (403 `second-factor-required`) a person who needs a second step and has not set one up,
 * on every route it guards but those `exempt` names (what they need to see who they are and set
 * it up). Runs after the person's record is known, so someone removed or deactivated still hears
 * that first (404/401), never that they should set up an authenticator.
 */
export const requireSecondFactor = (stateOf: SecondFactorOf, exempt: (c: { req: { path: string; method: string } }) => boolean = () => false) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!exempt(c)) {
      const state = await stateOf(c.get('user'), c.get('now'));
      if (state.required && !state.enrolled) throw new SecondFactorRequired(state.reasons);
    }
    await next();
  });

export function actorOf(user: Principal): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId };
}

/** Everything a write needs to audit itself. */
export function writeContext(c: {
  get(key: 'user'): Principal;
  get(key: 'requestId'): string;
  get(key: 'now'): Date;
  get(key: 'personalDataConfirmed'): ConfirmedFinding[] | undefined;
}): WriteContext {
  const confirmed = c.get('personalDataConfirmed');
  return { actor: actorOf(c.get('user')), requestId: c.get('requestId'), now: c.get('now'), ...(confirmed?.length ? { personalDataConfirmed: confirmed } : {}) };
}
