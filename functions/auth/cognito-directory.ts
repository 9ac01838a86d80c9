import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { ROLES } from '../../shared/auth/roles.js';
import { Conflict, ServiceUnavailable } from '../domain/errors.js';
import { AUTHENTICATOR_UNKNOWN, DIRECTORY_UNAVAILABLE, type DirectoryPerson, type IdentityDirectory } from './directory.js';
import type { AuthenticatorLookup } from './second-factor.js';

/** The directory in AWS: Cognito holds the password (see directory.ts). Loaded on first use ({@link lazyCognitoDirectory}). */
export class CognitoDirectory implements IdentityDirectory, AuthenticatorLookup {
  readonly portalInvitations = false;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly timeoutMs = 5_000,
  ) {}

  static create(opts: { region: string; userPoolId: string; timeoutMs?: number }): CognitoDirectory {
    const timeoutMs = opts.timeoutMs ?? 5_000;
    const client = new CognitoIdentityProviderClient({ region: opts.region, maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: timeoutMs } });
    return new CognitoDirectory(client, opts.userPoolId, timeoutMs);
  }

  async createAccount(p: DirectoryPerson, opts: { resend: boolean }): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: p.email,
          UserAttributes: [{ Name: 'email', Value: p.email }, { Name: 'email_verified', Value: 'true' }, ...this.attributes(p)],
          DesiredDeliveryMediums: ['EMAIL'],
          ...(opts.resend ? { MessageAction: 'RESEND' as const } : {}),
        }),
        this.deadline,
      );
    } catch (err) {
      // A retry after a failure part-way: the account exists already, so finish the rest.
      if (!(err instanceof UsernameExistsException)) throw this.unavailable(err);
    }
    await this.sync(p);
  }

  async sync(p: DirectoryPerson): Promise<void> {
    try {
      await this.client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: p.email, UserAttributes: this.attributes(p) }), this.deadline);
      // Cognito refuses an empty custom attribute: an executive has none at all.
      if (p.agencyId === null)
        await this.client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: this.userPoolId, Username: p.email, UserAttributeNames: ['custom:agency'] }), this.deadline);
      const groups = await this.client.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: p.email }), this.deadline);
      const current = new Set((groups.Groups ?? []).map((g) => g.GroupName));
      for (const role of ROLES) {
        if (role !== p.role && current.has(role))
          await this.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: p.email, GroupName: role }), this.deadline);
      }
      if (!current.has(p.role)) await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: p.email, GroupName: p.role }), this.deadline);
      if (p.active) {
        await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: p.email }), this.deadline);
      } else {
        await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: p.email }), this.deadline);
        // Refresh tokens stop working at once; ID tokens already issued are refused by the portal's own check.
        await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: p.email }), this.deadline);
      }
    } catch (err) {
      // No sign-in account (removed in the console, say): someone deactivated cannot sign in, which
      // is all deactivation asks; anyone else needs one, which resending the invitation creates.
      if (err instanceof UserNotFoundException) {
        if (!p.active) return;
        throw new Conflict(`The change is saved, but ${p.name} has no sign-in account. Resend their invitation to create one.`);
      }
      throw err instanceof ServiceUnavailable ? err : this.unavailable(err);
    }
  }

  /**
   * Whether the person has an authenticator app (TOTP) turned on: AdminGetUser lists the MFA the
   * user has set up. Someone Cognito does not know has none. A Cognito that does not answer within
   * the deadline gives a 503.
   */
  async hasAuthenticator(email: string): Promise<boolean> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }), this.deadline);
      return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    } catch (err) {
      if (err instanceof UserNotFoundException) return false;
      const e = new ServiceUnavailable(AUTHENTICATOR_UNKNOWN);
      (e as { cause?: unknown }).cause = err;
      throw e;
    }
  }

  private attributes(p: DirectoryPerson) {
    return [
      { Name: 'name', Value: p.name },
      ...(p.agencyId ? [{ Name: 'custom:agency', Value: p.agencyId }] : []),
      { Name: 'custom:signatory', Value: p.signatory ? 'true' : 'false' },
    ];
  }

  /** Each call's deadline: a Cognito that does not answer gives a 503 within seconds. */
  private get deadline() {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  private unavailable(err: unknown): ServiceUnavailable {
    const e = new ServiceUnavailable(DIRECTORY_UNAVAILABLE);
    (e as { cause?: unknown }).cause = err;
    return e;
  }
}
