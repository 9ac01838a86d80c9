import type { LoginRequest, LoginResponse } from '../../shared/auth/roles.js';
import { verifyPassword } from '../auth/passwords.js';
import { SignInThrottle } from '../auth/login-throttle.js';
import { ACCESS_ENDED } from '../auth/user-access.js';
import type { LocalTokenIssuer } from '../auth/tokens.js';
import type { Writer } from '../db/transact.js';
import { AccessEnded, TooManyRequests, Unauthorized } from '../http/errors.js';
import type { UserRecord, UserRepository } from '../repositories/user-repository.js';

/** Where a person's account is kept (a partnership's people and its audit writer), and the account as read there. */
export interface AccountPlace {
  users: UserRepository;
  writer: Writer;
  user: UserRecord | null;
}

/**
 * Local-mode sign-in: checks the stored scrypt hash and issues a Cognito-shaped ID token. One
 * sign-in for every partnership: `locate` finds where the person's account is kept (the
 * deployment's own partnership first, else the first other one they work in).
 */
export class AuthService {
  constructor(
    private readonly locate: (email: string) => Promise<AccountPlace>,
    private readonly issuer: LocalTokenIssuer,
    private readonly throttle = new SignInThrottle(),
  ) {}

  /** `clientKey` is the caller's address (see `clientAddress`): it keys the per-address limit. */
  async login(input: LoginRequest, ctx: { requestId: string; now: Date; clientKey: string }): Promise<LoginResponse> {
    const now = ctx.now.getTime();
    const refusal = this.throttle.check(input.email, ctx.clientKey, now);
    if (refusal) {
      const seconds = Math.ceil(refusal.waitMs / 1000);
      throw new TooManyRequests(
        seconds,
        refusal.reason === 'address'
          ? `Too many failed sign-ins from your network. Wait ${seconds} seconds, then try again.`
          : `Too many failed sign-ins for this email address. Wait ${seconds} seconds, then try again.`,
      );
    }
    const place = await this.locate(input.email);
    const user = place.user;
    // The hash is always checked, so the answer takes as long whether or not the account exists.
    const ok = await verifyPassword(input.password, user?.passwordHash);
    if (user?.status === 'deactivated') {
      // The same answer whether or not the password was right, and it counts as a failure, so a
      // deactivated account can be neither used nor used to test passwords.
      this.throttle.recordFailure(input.email, ctx.clientKey, now);
      throw new AccessEnded(ACCESS_ENDED);
    }
    if (!ok || !user) {
      this.throttle.recordFailure(input.email, ctx.clientKey, now);
      throw new Unauthorized('The email address or password is not right. Check them and try again.');
    }
    this.throttle.recordSuccess(input.email, ctx.clientKey);
    const at = ctx.now.toISOString();
    const me = { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, signatory: user.signatory, agencyAdmin: user.agencyAdmin === true };
    await place.writer.write(
      [place.users.recordSignInOp(user.email, at, () => new AccessEnded(ACCESS_ENDED))],
      { action: 'auth.sign-in', entityType: 'user', entityId: user.id, summary: `Signed in as ${user.role}` },
      { actor: { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId }, requestId: ctx.requestId, now: ctx.now },
    );
    const { token, expiresAt } = await this.issuer.issue(me, ctx.now);
    const partner = me.role === 'partner';
    return { token, expiresAt, user: { ...me, signatory: me.signatory && partner, agencyAdmin: me.agencyAdmin && partner } };
  }
}
