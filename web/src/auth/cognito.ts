import type { Session } from '../api/session.js';
import { codeChallenge, decodeJwtPayload, randomToken } from './pkce.js';

/**
 * Cognito hosted sign-in: OAuth 2.0 authorization code with PKCE, a public client (no secret).
 * The ID token is what the API's JWT authorizer checks (its `aud` is the app client id). The access
 * token is kept too, for Cognito's own API only: with the `aws.cognito.signin.user.admin` scope it
 * lets the person set up their authenticator app (web/src/auth/authenticator.ts).
 * Note for deployments: the token exchange is a browser fetch to the Cognito domain, so the CSP
 * `connect-src` there must list `https://<domain>` as well as 'self'.
 */
export interface CognitoSettings {
  clientId: string;
  domain: string;
}

const PENDING_KEY = 'prp.oauth';

interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
}

function origin(domain: string): string {
  return domain.startsWith('https://') ? domain.replace(/\/+$/, '') : `https://${domain.replace(/\/+$/, '')}`;
}

export function redirectUri(): string {
  return `${location.origin}/auth/callback`;
}

/** Builds the authorize URL and remembers state + verifier for the callback. */
export async function startCognitoSignIn(settings: CognitoSettings, returnTo = '/'): Promise<string> {
  const pending: Pending = { state: randomToken(16), verifier: randomToken(32), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile aws.cognito.signin.user.admin',
    state: pending.state,
    code_challenge_method: 'S256',
    code_challenge: await codeChallenge(pending.verifier),
  });
  return `${origin(settings.domain)}/oauth2/authorize?${params}`;
}

/** Exchanges the callback's code for tokens; throws an Error with a user-facing message on failure. */
export async function finishCognitoSignIn(settings: CognitoSettings, search: URLSearchParams): Promise<{ session: Session; returnTo: string }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (search.get('error')) throw new Error('Sign-in was cancelled or refused. Try again.');
  const code = search.get('code');
  if (!pending || !code || search.get('state') !== pending.state) {
    throw new Error('The sign-in link has expired or was already used. Start again.');
  }
  const res = await fetch(`${origin(settings.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: settings.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error('Sign-in could not be completed. Start again.');
  const body = (await res.json()) as { id_token?: string; access_token?: string; expires_in?: number };
  if (!body.id_token) throw new Error('Sign-in could not be completed. Start again.');
  const exp = decodeJwtPayload(body.id_token)?.exp;
  const expiresAt = typeof exp === 'number' ? new Date(exp * 1000) : new Date(Date.now() + (body.expires_in ?? 3600) * 1000);
  return {
    session: { token: body.id_token, expiresAt: expiresAt.toISOString(), ...(body.access_token ? { accessToken: body.access_token } : {}) },
    returnTo: safeReturnTo(pending.returnTo),
  };
}

/** Only same-app paths: never let a crafted link send people to another site after sign-in. */
export function safeReturnTo(path: string | null | undefined): string {
  // "//host" and "/\host" are protocol-relative to browsers: both would leave the portal.
  return path && /^\/(?![/\\])/.test(path) && !path.startsWith('/sign-in') ? path : '/';
}
