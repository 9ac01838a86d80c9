import { TOTP_ISSUER } from '../../../shared/auth/second-factor.js';
import { ApiError } from '../api/client.js';
import { confirmLocalSetup, removeLocal, startLocalSetup } from '../api/second-factor.js';

/**
 * Setting up an authenticator app: one port, two implementations. Locally the portal's own API
 * keeps the key; in AWS Cognito does, through its public API called with the signed-in person's
 * access token (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference). Either way the
 * page shows the same thing and, after a confirmed code, asks the portal afresh whether it is on.
 */
export interface AuthenticatorKey {
  /** Base32, to type into an app. */
  secret: string;
  /** `otpauth://totp/...`, what apps read from a link or QR code. */
  uri: string;
  account: string;
}

export interface Authenticator {
  /** A new key for the person's authenticator app. */
  start(): Promise<AuthenticatorKey>;
  /** Turns two-step sign-in on with a code from that key; a wrong code is an ApiError naming `code`. */
  confirm(code: string): Promise<void>;
  /** Turns it off (only offered to people whose role does not need it). */
  remove(): Promise<void>;
}

export const localAuthenticator: Authenticator = {
  start: () => startLocalSetup(),
  confirm: async (code) => {
    await confirmLocalSetup(code);
  },
  remove: async () => {
    await removeLocal();
  },
};

/** The otpauth:// link for a key Cognito made (Cognito gives the key alone). */
export function otpauthUri(account: string, secret: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer: TOTP_ISSUER, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${params}`;
}

const CODE_WRONG = 'The code is not right. Enter the 6 digits your authenticator app shows now.';

/** Cognito's public user-pool API (no IAM: the access token authorises each call). */
export function cognitoAuthenticator(opts: { region: string; accessToken: string; account: string; fetch?: typeof fetch }): Authenticator {
  const endpoint = `https://cognito-idp.${opts.region}.amazonaws.com/`;
  const send = async <T>(action: string, body: Record<string, unknown>): Promise<T> => {
    let res: Response;
    try {
      res = await (opts.fetch ?? fetch)(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}` },
        body: JSON.stringify({ AccessToken: opts.accessToken, ...body }),
      });
    } catch {
      throw new ApiError(0, {});
    }
    const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return answer as T;
    const type = String(answer.__type ?? '')
      .split('#')
      .pop();
    if (type === 'CodeMismatchException' || type === 'EnableSoftwareTokenMFAException')
      throw new ApiError(422, { detail: CODE_WRONG, errors: [{ path: 'code', message: CODE_WRONG }] });
    if (type === 'NotAuthorizedException')
      throw new ApiError(403, { detail: 'Your sign-in has ended for setting this up. Sign out, sign in again, then set up two-step sign-in.' });
    if (type === 'TooManyRequestsException' || type === 'LimitExceededException') throw new ApiError(429, { detail: 'Too many tries. Wait a minute, then try again.' });
    throw new ApiError(res.status >= 500 ? 503 : res.status, {});
  };
  return {
    async start() {
      const { SecretCode } = await send<{ SecretCode?: string }>('AssociateSoftwareToken', {});
      if (!SecretCode) throw new ApiError(503, {});
      return { secret: SecretCode, uri: otpauthUri(opts.account, SecretCode), account: opts.account };
    },
    async confirm(code) {
      const { Status } = await send<{ Status?: string }>('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: 'Authenticator app' });
      if (Status !== 'SUCCESS') throw new ApiError(422, { detail: CODE_WRONG, errors: [{ path: 'code', message: CODE_WRONG }] });
      await send('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    },
    async remove() {
      await send('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } });
    },
  };
}
