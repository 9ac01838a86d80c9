import { describe, expect, it } from 'vitest';
import type { UserAccess } from '../repositories/user-repository.js';
import { ACCESS_CACHE_MS, UserAccessCheck } from './user-access.js';

/** A lookup over an in-memory status table that counts its reads. */
function store(initial: Record<string, UserAccess> = {}) {
  const status = new Map(Object.entries(initial));
  const reads: string[] = [];
  let failNext = false;
  return {
    status,
    reads,
    failOnce: () => {
      failNext = true;
    },
    lookup: async (email: string): Promise<UserAccess> => {
      reads.push(email);
      if (failNext) {
        failNext = false;
        throw new Error('database unavailable');
      }
      return status.get(email) ?? 'removed';
    },
  };
}
const at = (ms: number) => new Date(Date.UTC(2026, 10, 22, 12) + ms);

describe('user access check', () => {
  it('when the status was read less than 60 s ago, it answers from the cache; at 60 s it reads again', async () => {
    const s = store({ 'a@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup);
    expect(await check.access('a@x.example', at(0))).toBe('active');
    s.status.set('a@x.example', 'deactivated');
    expect(await check.access('a@x.example', at(ACCESS_CACHE_MS - 1))).toBe('active');
    expect(s.reads).toHaveLength(1);
    expect(await check.access('a@x.example', at(ACCESS_CACHE_MS))).toBe('deactivated');
    expect(s.reads).toHaveLength(2);
  });

  it('when there is no record, it answers removed', async () => {
    const check = new UserAccessCheck(store().lookup);
    expect(await check.access('gone@x.example', at(0))).toBe('removed');
  });

  it('when the email differs only in case, it is the same person and one read', async () => {
    const s = store({ 'a@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup);
    await check.access('A@X.example', at(0));
    expect(await check.access('a@x.example', at(1))).toBe('active');
    expect(s.reads).toEqual(['a@x.example']);
  });

  it('when the clock goes backwards, the cached answer is not trusted', async () => {
    const s = store({ 'a@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup);
    await check.access('a@x.example', at(10_000));
    await check.access('a@x.example', at(0));
    expect(s.reads).toHaveLength(2);
  });

  it('when the lookup fails, the failure reaches the caller and nothing is cached', async () => {
    const s = store({ 'a@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup);
    s.failOnce();
    await expect(check.access('a@x.example', at(0))).rejects.toThrow('database unavailable');
    expect(await check.access('a@x.example', at(1))).toBe('active');
    expect(s.reads).toHaveLength(2);
  });

  it('when several requests of one person arrive together, one read answers them all', async () => {
    const s = store({ 'a@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup);
    const answers = await Promise.all([1, 2, 3, 4].map(() => check.access('a@x.example', at(0))));
    expect(answers).toEqual(['active', 'active', 'active', 'active']);
    expect(s.reads).toHaveLength(1);
  });

  it('when more people are seen than the cache holds, the least recently read are forgotten', async () => {
    const s = store({ 'a@x.example': 'active', 'b@x.example': 'active', 'c@x.example': 'active' });
    const check = new UserAccessCheck(s.lookup, ACCESS_CACHE_MS, 2);
    await check.access('a@x.example', at(0));
    await check.access('b@x.example', at(0));
    await check.access('c@x.example', at(0)); // evicts a
    await check.access('b@x.example', at(1)); // still cached
    await check.access('a@x.example', at(1)); // read again
    expect(s.reads).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'a@x.example']);
  });
});
