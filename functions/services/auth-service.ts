import type { LoginRequest, LoginResponse, Me } from '../../shared/auth/roles.js';
import { CODE_WRONG, type LoginCodeRequest, type LoginStep } from '../../shared/auth/second-factor.js';
import { SignInChallenges, totpStep, UsedCodes } from '../auth/second-factor.js';
import type { SetPasswordRequest } from '../../shared/users/schema.js';
import { verifyPassword } from '../auth/passwords.js';
import { LoginThrottle, SignInThrottle } from '../auth/login-throttle.js';
import { ACCESS_ENDED } from '../auth/user-access.js';
import type { LocalTokenIssuer } from '../auth/tokens.js';
import type { Writer } from '../db/transact.js';
import { AccessEnded, TooManyRequests, Unauthorized } from '../http/errors.js';
import type { UserRecord, UserRepository } from '../repositories/user-repository.js';
import type { PeopleService } from './people-service.js';

/**
 * An account the local sign-in checks a password against: a person in a partnership
 * ({@link partnershipAccount}) or a platform administrator (platform-service.ts).
 */
export interface SignInAccount {
  /** Absent on records written before invitations and deactivation existed: absent means active. */
  status: 'invited' | 'active' | 'deactivated' | undefined;
  /** Absent until an invited person sets a password. */
  passwordHash: string | undefined;
  /** Who the token and the answer name. */
  me: Me;
  /** A platform administrator's account (they work in no partnership). */
  platformAdmin?: boolean;
  /** Records the sign-in with its audit event; refused ({@link AccessEnded}) if the account was deactivated since it was read. */
  recordSignIn(ctx: { requestId: string; now: Date }): Promise<void>;
}

/** A person's account as one partnership keeps it (its people and its audit writer). */
export function partnershipAccount(place: { users: UserRepository; writer: Writer }, user: UserRecord): SignInAccount {
  const me: Me = { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId, signatory: user.signatory, agencyAdmin: user.agencyAdmin === true };
  return {
    status: user.status,
    passwordHash: user.passwordHash,
    me,
    async recordSignIn(ctx) {
      await place.writer.write(
        [place.users.recordSignInOp(user.email, ctx.now.toISOString(), () => new AccessEnded(ACCESS_ENDED))],
        { action: 'auth.sign-in', entityType: 'user', entityId: user.id, summary: `Signed in as ${user.role}` },
        { actor: { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId }, requestId: ctx.requestId, now: ctx.now },
      );
    },
  };
}

/** What a set-password link needs: the invitations of the partnership whose person it names. */
export type Invitations = Pick<PeopleService, 'checkInvitation' | 'setPassword'>;

export interface AuthDeps {
  /** Finds the account to sign in with (the deployment's own partnership first, then the others, then platform administrators), or null. */
  locate(email: string): Promise<SignInAccount | null>;
  /** The invitations of the partnership whose person a set-password link's token names (the deployment's own when none does). */
  invitationsFor(token: string): Promise<Invitations>;
  /** The person's authenticator secret when they have turned two-step sign-in on, else null. */
  totpSecretOf?(email: string): Promise<string | null>;
}

/** What the second step (the code) keeps between the password and the code, in this one process. */
export interface CodeStep {
  challenges: SignInChallenges;
  /** Wrong codes slow down like wrong passwords, per email and address and per address. */
  throttle: SignInThrottle;
  /**
   * And per person, whatever the address: someone who has the password could otherwise guess codes
   * from many addresses at once. Only a password holder can reach this step, so its limit cannot be
   * used to keep anyone else out.
   */
  perPerson: LoginThrottle;
  used: UsedCodes;
}

const CHALLENGE_ENDED = 'Your sign-in has timed out. Enter your email address and password again.';

/**
 * Local-mode sign-in: checks the stored scrypt hash and issues a Cognito-shaped ID token. One
 * sign-in for every partnership, and for platform administrators, who belong to none; and the
 * set-password links of every partnership's invitations.
 */
export class AuthService {
  constructor(
    private readonly d: AuthDeps,
    private readonly issuer: LocalTokenIssuer,
    private readonly throttle = new SignInThrottle(),
    private readonly codes: CodeStep = { challenges: new SignInChallenges(), throttle: new SignInThrottle(), perPerson: new LoginThrottle(10), used: new UsedCodes() },
  ) {}

  /**
   * Checks the password; someone with an authenticator is then asked for its code (a challenge to
   * send it with), anyone else signed in. `clientKey` is the caller's address (see `clientAddress`):
   * it keys the per-address limit.
   */
  async login(input: LoginRequest, ctx: { requestId: string; now: Date; clientKey: string }): Promise<LoginStep> {
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
    const account = await this.d.locate(input.email);
    // The hash is always checked, so the answer takes as long whether or not the account exists.
    const ok = await verifyPassword(input.password, account?.passwordHash);
    if (account?.status === 'deactivated') {
      // The same answer whether or not the password was right, and it counts as a failure, so a
      // deactivated account can be neither used nor used to test passwords.
      this.throttle.recordFailure(input.email, ctx.clientKey, now);
      throw new AccessEnded(ACCESS_ENDED);
    }
    if (!ok || !account) {
      this.throttle.recordFailure(input.email, ctx.clientKey, now);
      throw new Unauthorized('The email address or password is not right. Check them and try again.');
    }
    this.throttle.recordSuccess(input.email, ctx.clientKey);
    // Nothing is recorded and no token issued until the code is right too.
    if (await this.d.totpSecretOf?.(input.email)) {
      const { challenge, expiresAt } = this.codes.challenges.issue(input.email, ctx.now);
      return { codeRequired: true, challenge, expiresAt: expiresAt.toISOString() };
    }
    return this.signIn(account, ctx);
  }

  /**
   * The second step: the code from the authenticator app, sent with the challenge the password
   * earned. A wrong code is 401 (after a few on one challenge, the password is asked for again);
   * wrong codes slow down like wrong passwords (429); a code signs in once.
   */
  async loginWithCode(input: LoginCodeRequest, ctx: { requestId: string; now: Date; clientKey: string }): Promise<LoginResponse> {
    const challenge = this.codes.challenges.find(input.challenge, ctx.now);
    const email = challenge?.email ?? '';
    const person = email.toLowerCase();
    const waitMs = Math.max(this.codes.throttle.check(email, ctx.clientKey, ctx.now.getTime())?.waitMs ?? 0, email ? this.codes.perPerson.waitFor(person, ctx.now.getTime()) : 0);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new TooManyRequests(seconds, `Too many wrong codes. Wait ${seconds} seconds, then try again.`);
    }
    if (!challenge) throw new Unauthorized(CHALLENGE_ENDED);
    const [secret, account] = await Promise.all([this.d.totpSecretOf?.(email) ?? null, this.d.locate(email)]);
    if (!account || account.status === 'deactivated') {
      this.codes.challenges.close(input.challenge);
      throw new AccessEnded(ACCESS_ENDED);
    }
    const step = secret ? totpStep(email, secret, input.code, ctx.now) : null;
    if (step === null || !this.codes.used.use(email, step)) {
      this.codes.throttle.recordFailure(email, ctx.clientKey, ctx.now.getTime());
      this.codes.perPerson.recordFailure(person, ctx.now.getTime());
      throw new Unauthorized(this.codes.challenges.failed(input.challenge) ? `${CODE_WRONG} ${CHALLENGE_ENDED}` : CODE_WRONG);
    }
    this.codes.challenges.close(input.challenge);
    this.codes.throttle.recordSuccess(email, ctx.clientKey);
    this.codes.perPerson.recordSuccess(person);
    return this.signIn(account, ctx);
  }

  private async signIn(account: SignInAccount, ctx: { requestId: string; now: Date }): Promise<LoginResponse> {
    await account.recordSignIn(ctx);
    const { me } = account;
    const { token, expiresAt } = await this.issuer.issue(me, ctx.now);
    const partner = me.role === 'partner';
    return {
      token,
      expiresAt,
      user: { ...me, signatory: me.signatory && partner, agencyAdmin: me.agencyAdmin && partner },
      ...(account.platformAdmin ? { platformAdmin: true } : {}),
    };
  }

  /** Whose invitation a set-password link is, in whichever partnership invited them. */
  async checkInvitation(token: string, now: Date): Promise<{ name: string; email: string; expiresAt: string }> {
    return (await this.d.invitationsFor(token)).checkInvitation(token, now);
  }

  /** Sets the password of an invited person from their link, in whichever partnership invited them. */
  async setPassword(input: SetPasswordRequest, ctx: { requestId: string; now: Date }): Promise<{ email: string }> {
    return (await this.d.invitationsFor(input.token)).setPassword(input, ctx);
  }
}
