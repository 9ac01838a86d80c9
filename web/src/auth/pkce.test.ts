import { describe, expect, it } from 'vitest';
import { base64Url, codeChallenge, decodeJwtPayload, randomToken } from './pkce.js';

describe('PKCE helpers', () => {
  it('when given the RFC 7636 appendix B verifier, it computes the published S256 challenge', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('when making a verifier, it is 43 unreserved characters and different each time', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it('when encoding bytes, it uses the URL alphabet without padding', () => {
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('when reading a JWT payload, it decodes it, and returns null for junk', () => {
    const payload = base64Url(new TextEncoder().encode(JSON.stringify({ exp: 1_900_000_000, name: 'Zoë' })));
    expect(decodeJwtPayload(`x.${payload}.y`)).toEqual({ exp: 1_900_000_000, name: 'Zoë' });
    expect(decodeJwtPayload('nonsense')).toBeNull();
    expect(decodeJwtPayload('a.!!!.b')).toBeNull();
  });
});
