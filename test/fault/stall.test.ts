import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { USERS, type TestApp } from '../support/api.js';
import { createTestAppOn, kinshipDraft, report, timed } from './support.js';

/** Whether every thread of a process is stopped (state T in /proc/<pid>/task/<tid>/stat). */
function allThreadsStopped(pid: number): boolean {
  const tids = readdirSync(`/proc/${pid}/task`);
  return (
    tids.length > 0 &&
    tids.every((tid) => {
      try {
        // The state follows the command name in parentheses, which may itself contain spaces.
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'T';
      } catch {
        return true; // the thread has gone
      }
    })
  );
}

/**
 * Fault injection: DynamoDB Local is paused with SIGSTOP, so it accepts connections (the kernel
 * completes them) but never answers: the worst kind of failure, a stall rather than a refusal.
 */
describe('when DynamoDB stalls', () => {
  let db: DynamoDbLocal;
  let t: TestApp;
  let paused = false;
  const resume = () => {
    if (paused) process.kill(db.javaPid, 'SIGCONT');
    paused = false;
  };

  beforeAll(async () => {
    db = await startDynamoDbLocal();
    t = await createTestAppOn(db.endpoint);
  });
  afterAll(async () => {
    resume();
    await db?.stop();
  });

  const read = () => t.as(USERS.lead).get('/api/partnership');
  const write = () => t.as(USERS.health).post('/api/kinship-offer/items', kinshipDraft('Stall test drop-in'));
  const health = () => t.app.request('/api/health');

  it('when DynamoDB stops answering, a read, a write and health answer 503 problem+json with Retry-After within 5 s, and all recover when it answers again', async () => {
    // Everything works first (and the person's access is cached, as in normal use).
    expect((await read()).status).toBe(200);
    expect((await health()).status).toBe(200);

    process.kill(db.javaPid, 'SIGSTOP');
    paused = true;
    // kill() returns once the signal is queued; on a busy machine a Java thread may still answer a
    // request before it stops. Wait until every thread is stopped, then measure.
    await expect.poll(() => allThreadsStopped(db.javaPid), { timeout: 10_000, interval: 20 }).toBe(true);
    try {
      const answers = await Promise.all([timed(read), timed(write), timed(health)]);
      for (const { value: res, ms } of answers) {
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.json()).toMatchObject({ status: 503, title: expect.any(String), detail: expect.any(String) });
        // The bound: an answer within 5 s of the request, retries included.
        expect(ms).toBeLessThan(5000);
      }
      report('stall-to-503', {
        readMs: answers[0].ms,
        writeMs: answers[1].ms,
        healthMs: answers[2].ms,
        maxMs: Math.max(...answers.map((a) => a.ms)),
        deadlineMs: t.config.dynamodb.timeoutMs,
      });
    } finally {
      resume();
    }

    // The same app recovers without a restart once DynamoDB answers again.
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 20_000, interval: 200 });
    expect((await read()).status).toBe(200);
    expect((await write()).status).toBe(201);
  }, 60_000);
});
