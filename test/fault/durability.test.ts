import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { superviseDynamoDbLocal, type SupervisedDynamoDbLocal } from '../../functions/local/dynamodb-supervisor.js';
import { USERS, type TestApp } from '../support/api.js';
import { createTestAppOn, kinshipDraft, report } from './support.js';

/** Whether a process is still running (signal 0 checks without sending anything). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Fault injection: the Java process of a supervised, on-disk DynamoDB Local is killed with SIGKILL
 * while several writers are saving. Every write that was answered 2xx must still be there once the
 * supervisor has restarted DynamoDB Local on the same data, and the same app must answer again
 * without a restart.
 */
describe('when DynamoDB Local is killed during a burst of writes', () => {
  const dbPath = mkdtempSync(join(tmpdir(), 'portal-durability-'));
  const lines: string[] = [];
  let db: SupervisedDynamoDbLocal;
  let t: TestApp;

  beforeAll(async () => {
    db = await superviseDynamoDbLocal({ dbPath, log: (line) => lines.push(line) });
    t = await createTestAppOn(db.endpoint);
  });
  afterAll(async () => {
    await db?.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  it('when Java is killed mid-burst, every write answered 2xx is there after the supervisor restarts it on the same data, and the API answers again', async () => {
    const killed = db.current()!;
    const acknowledged: { id: string; title: string }[] = [];
    const failed: number[] = [];
    let stop = false;
    let recovered = false;
    let acknowledgedAfterRecovery = 0;

    // Four writers save new items back to back, through the whole outage.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const title = `Burst ${w}-${i}`;
        const res = await t.as(USERS.health).post('/api/kinship-offer/items', kinshipDraft(title));
        if (res.status >= 200 && res.status < 300) {
          acknowledged.push({ id: ((await res.json()) as { id: string }).id, title });
          if (recovered) acknowledgedAfterRecovery++;
        } else {
          failed.push(res.status);
          // A short breath between refused attempts, so the writers do not starve the restart.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);

    try {
      // Kill once the burst is under way (some writes acknowledged, others in flight).
      await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(20), { timeout: 30_000, interval: 20 });
      const acknowledgedBeforeKill = acknowledged.length;
      const killedAt = performance.now();
      process.kill(killed.javaPid, 'SIGKILL');

      // The supervisor restarts it; the same app (same client, same endpoint) answers 200 again.
      await vi.waitFor(async () => expect((await t.app.request('/api/health')).status).toBe(200), { timeout: 60_000, interval: 50 });
      const killToRecoveryMs = Math.round(performance.now() - killedAt);
      recovered = true;
      expect(db.current()?.javaPid).not.toBe(killed.javaPid);
      expect(alive(killed.javaPid)).toBe(false);

      // Writes succeed again after the restart, then the burst ends.
      await vi.waitFor(() => expect(acknowledgedAfterRecovery).toBeGreaterThanOrEqual(8), { timeout: 30_000, interval: 20 });
      stop = true;
      await Promise.all(writers);

      // Every acknowledged write is there, read back through the API from the restarted database.
      for (const { id, title } of acknowledged) {
        const res = await t.as(USERS.health).get(`/api/kinship-offer/items/${id}`);
        expect(res.status, `acknowledged item ${title} (${id})`).toBe(200);
        expect(((await res.json()) as { title: string }).title).toBe(title);
      }
      // Writes refused during the outage were refused as "unavailable", never as a server error.
      for (const status of failed) expect([409, 503]).toContain(status);

      expect(lines.join('\n')).toMatch(/DynamoDB Local stopped unexpectedly \(signal SIGKILL\); restarting it on the same data/);
      expect(lines.join('\n')).toMatch(/DynamoDB Local is back/);
      report('kill-to-recovery', {
        killToRecoveryMs,
        acknowledgedBeforeKill,
        acknowledgedTotal: acknowledged.length,
        refusedDuringOutage: failed.length,
        supervisor: lines,
      });
    } finally {
      stop = true;
      await Promise.allSettled(writers);
    }
  }, 180_000);

  it('when DynamoDB Local keeps dying, the supervisor stops restarting it and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-crashloop-'));
    const said: string[] = [];
    let gaveUp: Error | undefined;
    const flaky = await superviseDynamoDbLocal({ dbPath: dir, log: (l) => said.push(l), maxRestarts: 1, windowMs: 60_000, onGiveUp: (e) => (gaveUp = e) });
    try {
      const first = flaky.current()!;
      process.kill(first.javaPid, 'SIGKILL');
      await vi.waitFor(() => expect(flaky.current()?.javaPid ?? first.javaPid).not.toBe(first.javaPid), { timeout: 60_000, interval: 50 });
      process.kill(flaky.current()!.javaPid, 'SIGKILL');
      await vi.waitFor(() => expect(gaveUp).toBeDefined(), { timeout: 30_000, interval: 50 });
      expect(gaveUp!.message).toMatch(/stopped 2 times within 60 seconds, so it is not restarted again/);
      expect(said.at(-1)).toBe(gaveUp!.message);
      expect(flaky.current()).toBeUndefined();
      await expect(flaky.ready()).rejects.toThrow(/gave up/);
    } finally {
      await flaky.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
