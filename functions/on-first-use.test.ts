import { describe, expect, it } from 'vitest';
import { onFirstUse } from './on-first-use.js';

describe('onFirstUse', () => {
  it('when called, it loads once and keeps what loaded', async () => {
    let loads = 0;
    const get = onFirstUse(
      async () => ({ n: ++loads }),
      (err) => new Error(String(err)),
    );
    expect(await get()).toEqual({ n: 1 });
    expect(await get()).toEqual({ n: 1 });
    expect(loads).toBe(1);
  });

  it('when a load fails, the failure is given as the caller’s error and not kept: the next call loads again', async () => {
    let loads = 0;
    const get = onFirstUse(
      async () => {
        loads += 1;
        if (loads === 1) throw new Error('chunk missing');
        return 'ready';
      },
      (err) => new RangeError(`unavailable: ${(err as Error).message}`),
    );
    await expect(get()).rejects.toThrow(new RangeError('unavailable: chunk missing'));
    expect(await get()).toBe('ready');
    expect(loads).toBe(2);
  });
});
