import {
  CODE_WRONG,
  secondFactorReasons,
  type SecondFactorPolicy,
  type SecondFactorReason,
  type SecondFactorSetup,
  type SecondFactorStatus,
  TOTP_ISSUER,
} from '../../shared/auth/second-factor.js';
import { PLATFORM_ADMIN_ROLE } from '../../shared/platform/schema.js';
import { SignInThrottle } from '../auth/login-throttle.js';
import { type EnrolmentCheck, type PendingSetups, totpStep, totpUri } from '../auth/second-factor.js';
import { ACCESS_ENDED } from '../auth/user-access.js';
import type { Actor, Writer } from '../db/transact.js';
import { AccessEnded, Conflict, Forbidden, NotFound, TooManyRequests, Unprocessable } from '../domain/errors.js';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { MemberRecord, PlatformAdminAccess } from '../repositories/platform-repository.js';

/** Said by the enrolment routes in AWS, where the web app sets up the authenticator with Cognito itself. */
export const SET_UP_WITH_COGNITO = 'Set up two-step sign-in from the portal’s “Set up two-step sign-in” page: your organisation’s sign-in service keeps the authenticator.';

const ALREADY_ON = 'Two-step sign-in is already on for your account.';
const SET_UP_EXPIRED = 'Setting up took too long, so the key has changed. Start again and add the new key to your authenticator app.';

export interface SecondFactorDeps {
  policy: SecondFactorPolicy;
  mode: 'local' | 'cognito';
  check: EnrolmentCheck;
  /** Where the person works, as each partnership's record has them (their flags included). */
  memberRecordsOf(email: string): Promise<MemberRecord[]>;
  adminAccess(email: string): Promise<PlatformAdminAccess>;
  /** The audit trail of a partnership, or the platform's (`null`). */
  writerFor(pid: string | null): Writer;
  /** The partnership a person's events go to first when they work there (the deployment's own). */
  homePartnershipId: string;
  /** Local sign-in only: the credential that holds the secret, and the secrets being set up. */
  local?: { accounts: AccountRepository; pending: PendingSetups; throttle?: SignInThrottle };
}

/** Who is acting, and whose record, in the trail their sign-ins go to. */
interface Place {
  writer: Writer;
  actor: Actor;
  entityType: 'user' | 'platform-admin';
  entityId: string;
}

export interface SecondFactorContext {
  requestId: string;
  now: Date;
  /** The caller's address: it keys the per-address limit on wrong codes. */
  clientKey: string;
}

/**
 * Two-step sign-in of the signed-in person: whether they need it (any place they work in that signs
 * off or administers, or platform administration), whether they have it, and, with the local
 * sign-in, setting it up and taking it off. Turning it on or off is audited in the same transaction,
 * in the trail their sign-ins go to; the secret is in neither the answer nor the audit event.
 */
export class SecondFactorService {
  private readonly throttle: SignInThrottle;

  constructor(private readonly d: SecondFactorDeps) {
    this.throttle = d.local?.throttle ?? new SignInThrottle();
  }

  /** The reasons the person needs a second step anywhere (none when the deployment leaves it optional). */
  async reasonsFor(email: string): Promise<SecondFactorReason[]> {
    if (this.d.policy !== 'required-for-roles') return [];
    const [records, admin] = await Promise.all([this.d.memberRecordsOf(email), this.d.adminAccess(email)]);
    const reasons = new Set<SecondFactorReason>(records.flatMap((r) => secondFactorReasons(r.person)));
    if (admin.access === 'active') reasons.add('platform-admin');
    return [...reasons];
  }

  /** Whether the person needs an authenticator and has one, read afresh (after setting one up with Cognito, say). */
  async status(email: string, now: Date): Promise<SecondFactorStatus> {
    const [reasons, enrolled] = await Promise.all([this.reasonsFor(email), this.d.check.fresh(email, now)]);
    return { policy: this.d.policy, mode: this.d.mode, required: reasons.length > 0, enrolled, reasons };
  }

  /** Local sign-in: a new secret to add to an authenticator app, kept until a code confirms it. */
  async begin(email: string, now: Date): Promise<SecondFactorSetup> {
    const local = this.localOnly();
    if (await this.d.check.fresh(email, now)) throw new Conflict(ALREADY_ON);
    const { secret, expiresAt } = local.pending.start(email, now);
    return { secret, uri: totpUri(email.toLowerCase(), secret), issuer: TOTP_ISSUER, account: email.toLowerCase(), expiresAt: expiresAt.toISOString() };
  }

  /** Local sign-in: turns two-step sign-in on once a code from the new secret is right (wrong: 422 naming `code`). */
  async confirm(email: string, code: string, ctx: SecondFactorContext): Promise<SecondFactorStatus> {
    const local = this.localOnly();
    this.refuseWhileThrottled(email, ctx);
    const secret = local.pending.secretOf(email, ctx.now);
    if (!secret) throw new Unprocessable(SET_UP_EXPIRED, [{ path: 'code', message: SET_UP_EXPIRED }]);
    if (totpStep(email.toLowerCase(), secret, code, ctx.now) === null) {
      this.throttle.recordFailure(email, ctx.clientKey, ctx.now.getTime());
      throw new Unprocessable(CODE_WRONG, [{ path: 'code', message: CODE_WRONG }]);
    }
    this.throttle.recordSuccess(email, ctx.clientKey);
    const place = await this.placeOf(email);
    await place.writer.write(
      [local.accounts.enrolAuthenticatorOp(email, secret, ctx.now.toISOString(), () => new Conflict(ALREADY_ON))],
      { action: 'auth.second-factor-on', entityType: place.entityType, entityId: place.entityId, summary: 'Turned on two-step sign-in with an authenticator app' },
      { actor: place.actor, requestId: ctx.requestId, now: ctx.now },
    );
    local.pending.end(email);
    return this.status(email, ctx.now);
  }

  /** Local sign-in: turns two-step sign-in off, for someone whose role does not need it. */
  async remove(email: string, ctx: Omit<SecondFactorContext, 'clientKey'>): Promise<SecondFactorStatus> {
    const local = this.localOnly();
    if ((await this.reasonsFor(email)).length > 0) throw new Forbidden('Your role needs two-step sign-in, so it cannot be turned off.');
    const place = await this.placeOf(email);
    await place.writer.write(
      [local.accounts.removeAuthenticatorOp(email, () => new Conflict('Two-step sign-in is already off for your account.'))],
      { action: 'auth.second-factor-off', entityType: place.entityType, entityId: place.entityId, summary: 'Turned off two-step sign-in' },
      { actor: place.actor, requestId: ctx.requestId, now: ctx.now },
    );
    this.d.check.forget(email);
    return this.status(email, ctx.now);
  }

  private localOnly() {
    if (!this.d.local) throw new NotFound(SET_UP_WITH_COGNITO);
    return this.d.local;
  }

  private refuseWhileThrottled(email: string, ctx: SecondFactorContext) {
    const refusal = this.throttle.check(email, ctx.clientKey, ctx.now.getTime());
    if (!refusal) return;
    const seconds = Math.ceil(refusal.waitMs / 1000);
    throw new TooManyRequests(seconds, `Too many wrong codes. Wait ${seconds} seconds, then try again.`);
  }

  /** The trail the person's sign-ins go to: the deployment's partnership if they work there, else their first, else the platform's. */
  private async placeOf(email: string): Promise<Place> {
    const records = await this.d.memberRecordsOf(email);
    const home = records.find((r) => r.id === this.d.homePartnershipId) ?? records[0];
    if (home) {
      const p = home.person;
      return { writer: this.d.writerFor(home.id), entityType: 'user', entityId: p.id, actor: { userId: p.id, email: p.email, name: p.name, role: p.role, agencyId: p.agencyId } };
    }
    const admin = await this.d.adminAccess(email);
    if (admin.access !== 'active') throw new AccessEnded(ACCESS_ENDED);
    const a = admin.admin;
    return {
      writer: this.d.writerFor(null),
      entityType: 'platform-admin',
      entityId: a.id,
      actor: { userId: a.id, email: a.email, name: a.name, role: PLATFORM_ADMIN_ROLE, agencyId: null },
    };
  }
}
