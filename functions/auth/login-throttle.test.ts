import { describe, expect, it } from 'vitest';
import { LoginThrottle, SignInThrottle } from './login-throttle.js';

const MIN = 60_000;
const T0 = 1_000_000_000;

describe('sign-in throttle across emails (password spraying)', () => {
  it('when one address fails against 20 different emails, its next attempt waits, whatever the email', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 19; i++) t.recordFailure(`person${i}@x.example`, '203.0.113.7', T0 + i);
    expect(t.check('someone@x.example', '203.0.113.7', T0 + 19)).toBeNull();
    t.recordFailure('person19@x.example', '203.0.113.7', T0 + 19);
    expect(t.check('lead@x.example', '203.0.113.7', T0 + 20)).toEqual({ waitMs: 999, reason: 'address' });
  });

  it('when one address is being throttled, another address is not', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 30; i++) t.recordFailure(`person${i}@x.example`, '203.0.113.7', T0);
    expect(t.check('person1@x.example', '198.51.100.9', T0)).toBeNull();
  });

  it('when failures go on, each wait doubles up to 5 minutes', () => {
    const t = new SignInThrottle();
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      t.recordFailure(`person${i}@x.example`, '203.0.113.7', T0);
      waits.push(t.check('x@x.example', '203.0.113.7', T0)?.waitMs ?? 0);
    }
    expect(waits.slice(18, 30)).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('when the wait is over the address may try again, and after the window its count starts again: nobody is locked out for good', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 40; i++) t.recordFailure(`person${i}@x.example`, '203.0.113.7', T0);
    expect(t.check('lead@x.example', '203.0.113.7', T0 + 5 * MIN - 1)?.reason).toBe('address');
    expect(t.check('lead@x.example', '203.0.113.7', T0 + 5 * MIN)).toBeNull();
    t.recordFailure('person40@x.example', '203.0.113.7', T0 + 5 * MIN);
    expect(t.check('lead@x.example', '203.0.113.7', T0 + 5 * MIN)?.waitMs).toBe(5 * MIN);
    t.recordFailure('person41@x.example', '203.0.113.7', T0 + 15 * MIN + 1);
    expect(t.check('lead@x.example', '203.0.113.7', T0 + 15 * MIN + 1)).toBeNull();
  });

  it("when a sign-in succeeds, it clears that email's count but not the address's", () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 5; i++) t.recordFailure('lead@x.example', '203.0.113.7', T0);
    for (let i = 0; i < 20; i++) t.recordFailure(`person${i}@x.example`, '203.0.113.7', T0);
    expect(t.check('lead@x.example', '203.0.113.7', T0)?.reason).toBe('address');
    t.recordSuccess('lead@x.example', '203.0.113.7');
    expect(t.check('lead@x.example', '203.0.113.7', T0)?.reason).toBe('address');
    // The email's own count is gone: from another address the person is not slowed down.
    expect(t.check('lead@x.example', '198.51.100.9', T0)).toBeNull();
  });

  it('when one email fails five times from one address, that email waits there (the per-email limit stays), in any letter case', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < 5; i++) t.recordFailure(i % 2 ? 'Lead@X.example' : 'lead@x.example', '203.0.113.7', T0);
    expect(t.check('LEAD@x.example', '203.0.113.7', T0)).toEqual({ waitMs: 1000, reason: 'account' });
    expect(t.check('other@x.example', '203.0.113.7', T0)).toBeNull();
  });

  it('when more keys fail within one window than it holds, memory stays bounded by forgetting the oldest', () => {
    const t = new LoginThrottle(1, 15 * MIN, 5 * MIN, 3);
    for (const k of ['a', 'b', 'c', 'd']) t.recordFailure(k, T0);
    expect(t.waitFor('a', T0)).toBe(0);
    expect(t.waitFor('d', T0)).toBeGreaterThan(0);
  });
});
