import { resolve } from 'node:path';
import { describeExit, freePort, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';

export interface SuperviseOptions {
  /** The data directory; every restart opens the same one. */
  dbPath: string;
  /** Fixed port (every restart reuses it, so clients keep their endpoint); default: a free one. */
  port?: number;
  /** Where to say what happened (default: the console). */
  log?: (line: string) => void;
  /** Give up after this many restarts within `windowMs` (default 5 in a minute). */
  maxRestarts?: number;
  windowMs?: number;
  /** Called once when supervision gives up, with the reason to show. */
  onGiveUp?: (err: Error) => void;
}

export interface SupervisedDynamoDbLocal {
  endpoint: string;
  port: number;
  /** The DynamoDB Local running now (a new one after each restart); undefined while restarting. */
  current(): DynamoDbLocal | undefined;
  /** Resolves once DynamoDB Local is up after the most recent restart (at once if it is up). */
  ready(): Promise<void>;
  /** Stops DynamoDB Local and the supervision; no Java is left running. */
  stop(): Promise<void>;
}

/**
 * Runs DynamoDB Local on `dbPath` and keeps it running: when the Java process dies (crash, OOM,
 * kill -9), it is started again on the same data directory and the same port, so the portal's
 * DynamoDB client keeps working without a restart. What happened is said on the console.
 *
 * Restarts back off (at once, then 0.5 s, 1 s, 2 s, ...) and stop after `maxRestarts` within
 * `windowMs`: a DynamoDB Local that dies on every start (a full disk, a broken data file) is
 * reported instead of restarted forever.
 */
export async function superviseDynamoDbLocal(opts: SuperviseOptions): Promise<SupervisedDynamoDbLocal> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const maxRestarts = opts.maxRestarts ?? 5;
  const windowMs = opts.windowMs ?? 60_000;
  const dbPath = resolve(opts.dbPath);
  const port = opts.port ?? (await freePort());

  let current: DynamoDbLocal | undefined = await startDynamoDbLocal({ dbPath, port });
  let stopping = false;
  let gaveUp = false;
  let restarting: Promise<void> | undefined;
  let cancelDelay: (() => void) | undefined;
  const restarts: number[] = [];

  const watch = (db: DynamoDbLocal) => {
    void db.exited.then((exit) => {
      if (stopping || db !== current) return;
      current = undefined;
      restarting = restart(`DynamoDB Local stopped unexpectedly (${describeExit(exit)})`, db.output());
    });
  };

  async function restart(reason: string, lastOutput: string): Promise<void> {
    const diedAt = Date.now();
    for (;;) {
      const now = Date.now();
      while (restarts.length && restarts[0]! <= now - windowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        gaveUp = true;
        const err = new Error(
          `${reason}. It has stopped ${restarts.length + 1} times within ${Math.round(windowMs / 1000)} seconds, so it is not restarted again. Check the output below and the free disk space, then start the portal again.` +
            (lastOutput.trim() ? `\nIts last output:\n${lastOutput.trim()}` : ''),
        );
        log(err.message);
        opts.onGiveUp?.(err);
        return;
      }
      const delay = restarts.length === 0 ? 0 : Math.min(500 * 2 ** (restarts.length - 1), 8000);
      restarts.push(now);
      log(`${reason}; restarting it on the same data (${dbPath}) and port ${port}${delay ? ` in ${delay / 1000} s` : ''}...`);
      if (delay) {
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, delay);
          cancelDelay = () => {
            clearTimeout(timer);
            wake();
          };
        });
        cancelDelay = undefined;
      }
      if (stopping) return;
      try {
        const db = await startDynamoDbLocal({ dbPath, port });
        if (stopping) {
          await db.stop();
          return;
        }
        current = db;
        watch(db);
        log(`DynamoDB Local is back (${Date.now() - diedAt} ms after it stopped).`);
        return;
      } catch (err) {
        reason = 'DynamoDB Local did not start again';
        lastOutput = err instanceof Error ? err.message : String(err);
      }
    }
  }

  watch(current);
  return {
    endpoint: current.endpoint,
    port,
    current: () => current,
    ready: async () => {
      await restarting;
      if (gaveUp || !current) throw new Error('DynamoDB Local is not running: its supervisor gave up.');
    },
    stop: async () => {
      stopping = true;
      cancelDelay?.();
      await restarting;
      await current?.stop();
    },
  };
}
