import { describe, expect, it, vi } from 'vitest';
import { runDaily } from './daily.js';

describe('the local daily job runner', () => {
  it('when the UK day changes, the job runs once for the new day; a failed run is tried again at the next check', async () => {
    vi.useFakeTimers();
    try {
      let now = new Date('2027-01-24T23:30:00Z');
      const days: string[] = [];
      let fail = false;
      const errors: unknown[] = [];
      const daily = runDaily(
        async (date) => {
          if (fail) throw new Error('down');
          days.push(date);
        },
        { now: () => now, checkEveryMs: 60_000, onError: (e) => errors.push(e) },
      );
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(days).toEqual(['2027-01-24']);
      now = new Date('2027-01-25T00:10:00Z');
      fail = true;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(errors).toHaveLength(1);
      fail = false;
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(days).toEqual(['2027-01-24', '2027-01-25']);
      daily.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
