import type { Role } from '../../shared/auth/roles.js';

/**
 * Where people sign in: one interface, two implementations. The portal's own record of each
 * person (role, agency, flags, status) is what every route checks; the directory holds the
 * credentials and is kept in step with the record after each change.
 *
 * - Locally (`LocalDirectory`) the record is the directory: the password hash lives in it, and the
 *   portal itself emails a single-use set-password link. Nothing else to keep in step.
 * - In AWS (`CognitoDirectory`) Cognito holds the password: AdminCreateUser sends Cognito's own
 *   invitation with a temporary password; groups and custom attributes mirror the record, so new
 *   tokens agree with it; deactivation disables the account and signs it out everywhere.
 */
export interface DirectoryPerson {
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  active: boolean;
}

export interface IdentityDirectory {
  /** True when the portal holds passwords and sends set-password links itself (local sign-in). */
  readonly portalInvitations: boolean;
  /** Creates the sign-in account and its invitation; `resend` sends the invitation again. */
  createAccount(person: DirectoryPerson, opts: { resend: boolean }): Promise<void>;
  /** Makes the account match the record. Safe to repeat: a retry after a failure finishes the job. */
  sync(person: DirectoryPerson): Promise<void>;
}

/** Local sign-in: the record is the directory. */
export class LocalDirectory implements IdentityDirectory {
  readonly portalInvitations = true;
  async createAccount(): Promise<void> {}
  async sync(): Promise<void> {}
}

/** Said when Cognito does not answer: the record is saved, and repeating the action finishes it. */
export const DIRECTORY_UNAVAILABLE =
  'The change is saved, but the sign-in service did not answer, so it may not apply to signing in yet. Try the same action again in a minute to finish it.';

/** Said when Cognito does not answer whether someone has an authenticator: nothing was changed. */
export const AUTHENTICATOR_UNKNOWN = 'The sign-in service did not answer, so the portal cannot check your two-step sign-in. Try again in a minute.';
