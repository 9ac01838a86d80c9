import type { LoginRequest, LoginResponse } from '../../shared/auth/roles.js';
import { verifyPassword } from '../auth/passwords.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import type { LocalTokenIssuer } from '../auth/tokens.js';
import type { Writer } from '../db/transact.js';
import { TooManyRequests, Unauthorized } from '../http/errors.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** Local-mode sign-in: checks the stored scrypt hash and issues a Cognito-shaped ID token. */
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly users: UserRepository,
    private readonly issuer: LocalTokenIssuer,
    private readonly writer: Writer,
  ) {}

  async login(input: LoginRequest, ctx: { requestId: string; now: Date; clientKey: string }): Promise<LoginResponse> {
    const key = `${input.email}|${ctx.clientKey}`;
    const wait = this.throttle.waitFor(key, ctx.now.getTime());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new TooManyRequests(seconds, `Too many failed sign-ins for this email address. Wait ${seconds} seconds, then try again.`);
    }
    const user = await this.users.getUserByEmail(input.email);
    const ok = await verifyPassword(input.password, user?.passwordHash);
    if (!ok || !user) {
      this.throttle.recordFailure(key, ctx.now.getTime());
      throw new Unauthorized('The email address or password is not right. Check them and try again.');
    }
    this.throttle.recordSuccess(key);
    const at = ctx.now.toISOString();
    const me = { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, signatory: user.signatory };
    await this.writer.write(
      [this.users.recordSignInOp(user.email, at)],
      { action: 'auth.sign-in', entityType: 'user', entityId: user.id, summary: `Signed in as ${user.role}` },
      { actor: { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId }, requestId: ctx.requestId, now: ctx.now },
    );
    const { token, expiresAt } = await this.issuer.issue(me, ctx.now);
    return { token, expiresAt, user: { ...me, signatory: me.signatory && me.role === 'partner' } };
  }
}
