import { ukDate } from '../../shared/periods/period.js';

/**
 * Runs a job once for each UK calendar day while `npm start` runs: at start, then whenever the day
 * changes (checked every few minutes). EventBridge Scheduler does this in AWS. A failed run is
 * reported and tried again at the next check; the job itself must be safe to run twice.
 */
export function runDaily(job: (date: string) => Promise<void>, opts: { now?: () => Date; checkEveryMs?: number; onError?: (err: unknown) => void } = {}): { stop(): void } {
  const now = opts.now ?? (() => new Date());
  let done: string | null = null;
  let running = false;
  const tick = async () => {
    const today = ukDate(now());
    if (running || today === done) return;
    running = true;
    try {
      await job(today);
      done = today;
    } catch (err) {
      opts.onError?.(err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.checkEveryMs ?? 5 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Runs a job every `everyMs` while `npm start` runs (the notification outbox, which EventBridge
 * Scheduler runs each minute in AWS). A run never overlaps the one before; a failure is reported
 * and the next run tries again.
 */
export function runEvery(job: () => Promise<void>, everyMs: number, onError?: (err: unknown) => void): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      onError?.(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
