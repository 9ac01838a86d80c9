import { describe, expect, it, vi } from 'vitest';
import { runDaily, runEvery } from './daily.js';

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

  it('when a repeated job is still running at its next turn, the turn is skipped; a failure is reported and the next turn runs', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let release: () => void = () => {};
      const errors: unknown[] = [];
      const job = runEvery(
        async () => {
          runs += 1;
          if (runs === 1) await new Promise<void>((r) => (release = r));
          if (runs === 2) throw new Error('mail down');
        },
        1_000,
        (e) => errors.push(e),
      );
      await vi.advanceTimersByTimeAsync(3_000);
      expect(runs).toBe(1);
      release();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(2);
      expect(errors).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(3);
      job.stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(runs).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
