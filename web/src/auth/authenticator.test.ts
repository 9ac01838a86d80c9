import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.js';
import { cognitoAuthenticator, otpauthUri } from './authenticator.js';

vi.hoisted(() => {
  Object.assign(globalThis, { location: { pathname: '/p/mscp/settings/two-step-sign-in' } });
});

/**
 * Setting up an authenticator with Cognito's public API from the browser (AWS): what is sent
 * (the action, the access token, the code) and how Cognito's refusals read. Cognito itself is
 * faked here: its answers are the documented shapes of AssociateSoftwareToken, VerifySoftwareToken
 * and SetUserMFAPreference.
 */
function fakeCognito(answers: Record<string, { status?: number; body: object }>) {
  const sent: { url: string; target: string; body: Record<string, unknown> }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const target = new Headers(init.headers).get('X-Amz-Target') ?? '';
    sent.push({ url, target, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const a = answers[target.split('.').pop() ?? ''] ?? { body: {} };
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' } });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

describe('the Cognito authenticator', () => {
  const opts = { region: 'eu-west-2', accessToken: 'access-1', account: 'lead@x.example' };

  it('when set up, Cognito makes the key with the access token, and a right code verifies it and turns TOTP on as preferred', async () => {
    const cognito = fakeCognito({ AssociateSoftwareToken: { body: { SecretCode: 'ABCDEFGHIJKLMNOP' } }, VerifySoftwareToken: { body: { Status: 'SUCCESS' } } });
    const a = cognitoAuthenticator({ ...opts, fetch: cognito.fetch });
    const key = await a.start();
    expect(key).toEqual({ secret: 'ABCDEFGHIJKLMNOP', account: 'lead@x.example', uri: otpauthUri('lead@x.example', 'ABCDEFGHIJKLMNOP') });
    await a.confirm('123456');
    expect(cognito.sent.map((s) => s.target)).toEqual([
      'AWSCognitoIdentityProviderService.AssociateSoftwareToken',
      'AWSCognitoIdentityProviderService.VerifySoftwareToken',
      'AWSCognitoIdentityProviderService.SetUserMFAPreference',
    ]);
    expect(new Set(cognito.sent.map((s) => s.url))).toEqual(new Set(['https://cognito-idp.eu-west-2.amazonaws.com/']));
    expect(cognito.sent[1]!.body).toMatchObject({ AccessToken: 'access-1', UserCode: '123456' });
    expect(cognito.sent[2]!.body).toEqual({ AccessToken: 'access-1', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
  });

  it('when the code is wrong, the refusal names the code field (and TOTP is not turned on)', async () => {
    const cognito = fakeCognito({ VerifySoftwareToken: { status: 400, body: { __type: 'CodeMismatchException', message: 'Invalid code received for user' } } });
    const err = await cognitoAuthenticator({ ...opts, fetch: cognito.fetch })
      .confirm('000000')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).errors).toEqual([{ path: 'code', message: expect.stringMatching(/not right/) }]);
    expect(cognito.sent.map((s) => s.target)).not.toContain('AWSCognitoIdentityProviderService.SetUserMFAPreference');
  });

  it('when it is turned off, TOTP is no longer enabled', async () => {
    const cognito = fakeCognito({});
    await cognitoAuthenticator({ ...opts, fetch: cognito.fetch }).remove();
    expect(cognito.sent[0]!.body).toEqual({ AccessToken: 'access-1', SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } });
  });

  it('when the link is made for a key, authenticator apps read the issuer, the account and the key from it', () => {
    const uri = new URL(otpauthUri('lead@x.example', 'ABCD'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Partnership Reform Portal:lead@x.example');
    expect(uri.searchParams.get('secret')).toBe('ABCD');
    expect(uri.searchParams.get('issuer')).toBe('Partnership Reform Portal');
  });
});
