import { ServiceUnavailable } from '../domain/errors.js';
import { onFirstUse } from '../on-first-use.js';
import type { IdentityDirectory } from './directory.js';
import type { AuthenticatorLookup } from './second-factor.js';

/**
 * Cognito, loaded on first use: the SDK's Cognito client stays off the API's start-up path (most
 * requests never change anyone's account). Same behaviour as `CognitoDirectory` (cognito-directory.ts).
 */
export function lazyCognitoDirectory(opts: { region: string; userPoolId: string; timeoutMs?: number }): IdentityDirectory & AuthenticatorLookup {
  const cognito = onFirstUse(
    () => import('./cognito-directory.js').then((m): IdentityDirectory & AuthenticatorLookup => m.CognitoDirectory.create(opts)),
    (err) => Object.assign(new ServiceUnavailable(), { cause: err }),
  );
  return {
    portalInvitations: false,
    createAccount: async (person, o) => (await cognito()).createAccount(person, o),
    sync: async (person) => (await cognito()).sync(person),
    hasAuthenticator: async (email) => (await cognito()).hasAuthenticator(email),
  };
}
