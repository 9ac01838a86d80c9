import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import { ROLES, type Me, type Role } from '../../shared/auth/roles.js';
import { Forbidden, Unauthorized } from '../http/errors.js';

/** The signed-in user, built only from a verified token's claims. */
export type Principal = Me;

/** Claims in Cognito's ID-token shape: the same for tokens issued locally and by Cognito. */
export interface PortalClaims extends JWTPayload {
  email: string;
  name?: string;
  token_use: 'id';
  'cognito:groups': string[];
  'cognito:username'?: string;
  'custom:agency'?: string;
  /** Cognito custom attributes are strings: "true" or "false". */
  'custom:signatory'?: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

// When a user is in several groups the most powerful one applies; the order is deliberate.
const ROLE_PRIORITY: Role[] = ['lead', 'partner', 'executive'];

/** Maps verified claims to the portal's user, refusing tokens that carry no usable role. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const c = claims as Partial<PortalClaims>;
  const groups = Array.isArray(c['cognito:groups']) ? c['cognito:groups'] : [];
  const role = ROLE_PRIORITY.find((r) => groups.includes(r));
  if (!role || !ROLES.includes(role)) throw new Forbidden('Your account has no role in this portal. Ask the programme lead to add you to a group.');
  const agencyId = c['custom:agency'] ? String(c['custom:agency']) : null;
  if ((role === 'partner' || role === 'lead') && !agencyId) {
    throw new Forbidden('Your account is not linked to an agency. Ask the programme lead to set it.');
  }
  if (typeof c.sub !== 'string' || typeof c.email !== 'string') throw new Unauthorized('The sign-in token is missing claims.');
  return {
    id: c.sub,
    email: c.email,
    name: typeof c.name === 'string' ? c.name : c.email,
    role,
    agencyId: role === 'executive' ? null : agencyId,
    signatory: c['custom:signatory'] === 'true' && role === 'partner',
    // Only the server's record makes someone an agency administrator (see `authenticate`).
    agencyAdmin: false,
  };
}

/**
 * Verifies RS256 ID tokens against a key set, issuer and audience. Used unchanged for Cognito
 * (remote JWKS) and for the local sign-in (local JWKS).
 */
export function createTokenVerifier(opts: { issuer: string; audience: string; keys: JWTVerifyGetKey }): TokenVerifier {
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, opts.keys, {
          issuer: opts.issuer,
          audience: opts.audience,
          algorithms: ['RS256'],
          clockTolerance: 5,
          requiredClaims: ['sub', 'exp', 'iat'],
        }));
      } catch (err) {
        const code = (err as { code?: string }).code;
        throw new Unauthorized(code === 'ERR_JWT_EXPIRED' ? 'Your session has ended. Sign in again.' : 'Your sign-in could not be verified. Sign in again.');
      }
      if ((payload as Partial<PortalClaims>).token_use !== 'id') throw new Unauthorized('Use an ID token.');
      return principalFromClaims(payload);
    },
  };
}

/** Verifier for Cognito: keys from the user pool's JWKS endpoint (cached by jose). */
export function cognitoVerifier(issuer: string, clientId: string): TokenVerifier {
  return createTokenVerifier({ issuer, audience: clientId, keys: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)) });
}

export interface LocalKeys {
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
  kid: string;
}

/** Generates a fresh RS256 key pair (tests) . */
export async function generateLocalKeys(kid = `local-${Date.now().toString(36)}`): Promise<LocalKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwks: { keys: [jwk] }, kid };
}

/**
 * Loads the local signing key from `<dataDir>/keys`, creating it on first run, so that sessions
 * survive restarts of `npm start`. Never used in AWS, where Cognito signs tokens.
 */
export async function loadOrCreateLocalKeys(dataDir: string): Promise<LocalKeys> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'local-signing-key.json');
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { pkcs8: string; jwk: Record<string, unknown>; kid: string };
    const privateKey = await importPKCS8(saved.pkcs8, 'RS256', { extractable: true });
    await importJWK(saved.jwk, 'RS256'); // fail early on a corrupt file
    return { privateKey, jwks: { keys: [saved.jwk] }, kid: saved.kid };
  } catch {
    const keys = await generateLocalKeys();
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify({ pkcs8: await exportPKCS8(keys.privateKey), jwk: keys.jwks.keys[0], kid: keys.kid }), { mode: 0o600 });
    return keys;
  }
}

/** Issues local ID tokens in Cognito's claim shape. */
export class LocalTokenIssuer {
  constructor(
    private readonly keys: LocalKeys,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  jwks(): JSONWebKeySet {
    return this.keys.jwks;
  }

  verifier(): TokenVerifier {
    return createTokenVerifier({ issuer: this.issuer, audience: this.audience, keys: createLocalJWKSet(this.keys.jwks) });
  }

  async issue(user: { id: string; email: string; name: string; role: Role; agencyId: string | null; signatory: boolean }, now = new Date()) {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims: PortalClaims = {
      email: user.email,
      name: user.name,
      token_use: 'id',
      'cognito:groups': [user.role],
      'cognito:username': user.email,
      ...(user.agencyId ? { 'custom:agency': user.agencyId } : {}),
      'custom:signatory': user.signatory ? 'true' : 'false',
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.keys.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(crypto.randomUUID())
      .sign(this.keys.privateKey);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }
}
