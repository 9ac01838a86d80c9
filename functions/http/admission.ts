import { createMiddleware } from 'hono/factory';
import { ServiceUnavailable } from '../domain/errors.js';

export interface AdmissionLimits {
  /** Requests worked on at once; more wait their turn. */
  maxInFlight: number;
  /** Requests that may wait; one more is answered 503 at once. */
  maxQueued: number;
  /** How long a request may wait for its turn before it is answered 503. */
  maxWaitMs: number;
}

const BUSY = 'The portal is busy. Try again in a few seconds.';

/**
 * A bounded queue in front of the API (issue 16 part 4). Under a burst, requests wait their turn
 * in order instead of all reaching DynamoDB at once and failing together for want of a
 * connection; the wait is bounded twice (the queue's length and each request's deadline), so an
 * overloaded portal still answers quickly and clearly: 503 with Retry-After, never a hang. In
 * Lambda each instance works on one request at a time, so it never queues there.
 */
export function admission(limits: AdmissionLimits) {
  let inFlight = 0;
  const waiting: { admit: () => void }[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next.admit();
    else inFlight--;
  };

  const turn = () =>
    new Promise<void>((resolve, reject) => {
      const waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(waiter);
        if (i >= 0) waiting.splice(i, 1);
        reject(new ServiceUnavailable(BUSY, 2));
      }, limits.maxWaitMs);
      waiting.push(waiter);
    });

  const middleware = createMiddleware(async (_c, next) => {
    if (inFlight < limits.maxInFlight) inFlight++;
    else if (waiting.length >= limits.maxQueued) throw new ServiceUnavailable(BUSY, 2);
    // Admitted by `release`, which hands its place straight to the first in the queue.
    else await turn();
    try {
      await next();
    } finally {
      release();
    }
  });
  return Object.assign(middleware, { state: () => ({ inFlight, queued: waiting.length }) });
}
