import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { principalFromClaims } from './tokens.js';

describe('passwords', () => {
  it('when the password matches the stored scrypt hash, it verifies; otherwise it does not', async () => {
    const hash = await hashPassword('demo-password');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('demo-password', hash)).toBe(true);
    expect(await verifyPassword('demo-passworD', hash)).toBe(false);
  });

  it('when there is no stored hash (unknown user), it never verifies', async () => {
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });

  it('when the same password is hashed twice, the salts differ', async () => {
    expect(await hashPassword('x-password')).not.toBe(await hashPassword('x-password'));
  });
});

describe('login throttle', () => {
  it('when failures pass the free allowance, each further attempt waits twice as long', () => {
    const t = new LoginThrottle(3, 60_000);
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) t.recordFailure('k', now);
    expect(t.waitFor('k', now)).toBe(1000);
    t.recordFailure('k', now + 1000);
    expect(t.waitFor('k', now + 1000)).toBe(2000);
  });

  it('when the window has passed or a sign-in succeeds, the count starts again', () => {
    const t = new LoginThrottle(1, 60_000);
    t.recordFailure('k', 0);
    expect(t.waitFor('k', 10)).toBeGreaterThan(0);
    expect(t.waitFor('k', 61_000)).toBe(0);
    t.recordFailure('j', 0);
    t.recordSuccess('j');
    expect(t.waitFor('j', 1)).toBe(0);
  });
});

describe('claims to principal', () => {
  const base = { sub: 'u1', email: 'a@b.example', 'custom:agency': 'kent-police' };
  it('when a user is in several groups, the most powerful role applies', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['executive', 'lead'] }).role).toBe('lead');
  });
  it('when the signatory flag is set on a non-partner, it is ignored', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['lead'], 'custom:signatory': 'true' }).signatory).toBe(false);
    expect(principalFromClaims({ ...base, 'cognito:groups': ['partner'], 'custom:signatory': 'true' }).signatory).toBe(true);
  });
  it('when an executive token carries an agency, the executive still has none', () => {
    expect(principalFromClaims({ ...base, 'cognito:groups': ['executive'] }).agencyId).toBeNull();
  });
});
