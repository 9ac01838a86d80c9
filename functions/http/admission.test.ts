import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../domain/errors.js';
import { admission } from './admission.js';

/** An app whose one route waits until the test lets each request finish, in the order asked. */
function appWith(limits: { maxInFlight: number; maxQueued: number; maxWaitMs: number }) {
  const queue = admission(limits);
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  const app = new Hono();
  app.use('*', queue);
  app.get('/work/:n', async (c) => {
    const n = Number(c.req.param('n'));
    started.push(n);
    await new Promise<void>((resolve) => gates.set(n, resolve));
    return c.text(`done ${n}`);
  });
  app.onError((err, c) => (err instanceof AppError ? c.json({ status: err.status }, err.status as 503, err.headers) : c.text('error', 500)));
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setImmediate(r));
  };
  return { app, queue, started, finish: (n: number) => gates.get(n)!(), until };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the bounded queue in front of the API', () => {
  it('when more requests come than may run at once, the others wait and run in the order they came as places free', async () => {
    const { app, queue, started, finish, until } = appWith({ maxInFlight: 2, maxQueued: 10, maxWaitMs: 60_000 });
    const answers = [1, 2, 3, 4].map((n) => app.request(`/work/${n}`));
    await until(() => started.length === 2 && queue.state().queued === 2);
    expect(started).toEqual([1, 2]);
    finish(2);
    await until(() => started.length === 3);
    expect(started).toEqual([1, 2, 3]);
    finish(1);
    await until(() => started.length === 4);
    finish(3);
    finish(4);
    expect(await Promise.all(answers.map(async (a) => (await a).text()))).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
    expect(queue.state()).toEqual({ inFlight: 0, queued: 0 });
  });

  it('when the queue is full, one more request is answered 503 with Retry-After at once, and the others still run', async () => {
    const { app, queue, started, finish, until } = appWith({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 60_000 });
    const first = app.request('/work/1');
    const second = app.request('/work/2');
    await until(() => started.length === 1 && queue.state().queued === 1);
    const refused = await app.request('/work/3');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('2');
    finish(1);
    await until(() => started.length === 2);
    finish(2);
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    expect(started).toEqual([1, 2]);
  });

  it('when a request waits longer than its deadline, it is answered 503 and leaves the queue; the place it had goes to the next', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { app, queue, started, finish, until } = appWith({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 1_000 });
    const first = app.request('/work/1');
    const late = app.request('/work/2');
    await until(() => started.length === 1 && queue.state().queued === 1);
    vi.advanceTimersByTime(1_000);
    expect((await late).status).toBe(503);
    expect(queue.state()).toEqual({ inFlight: 1, queued: 0 });
    const third = app.request('/work/3');
    await until(() => queue.state().queued === 1);
    finish(1);
    await until(() => started.length === 2);
    expect(started).toEqual([1, 3]);
    finish(3);
    expect([(await first).status, (await third).status]).toEqual([200, 200]);
  });
});
