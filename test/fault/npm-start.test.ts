import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../functions/local/dynamodb-local.js';
import { USERS } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';
import { report } from './support.js';

/** Processes whose parent is `pid`, with their command names (Linux /proc). */
function children(pid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push({ pid: Number(entry), comm });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}
const descendants = (pid: number): { pid: number; comm: string }[] => children(pid).flatMap((c) => [c, ...descendants(c.pid)]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `npm start` as a person runs it (functions/local/start.ts in its own process, data in a fresh
 * folder): DynamoDB Local is killed under it, and Ctrl-C stops everything.
 */
describe.runIf(process.platform === 'linux')('when npm start is running', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-start-'));
  let portal: ChildProcess | undefined;
  let output = '';
  afterAll(() => {
    if (portal && portal.exitCode === null) portal.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when DynamoDB Local dies, npm start says so, restarts it on the same data and the portal answers again; Ctrl-C leaves no Java behind', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    portal = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    portal.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    portal.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((done) => portal!.once('exit', (code) => done(code)));

    await vi.waitFor(() => expect(output).toContain(`is running at http://localhost:${port}`), { timeout: 120_000, interval: 100 });
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const java = () => descendants(portal!.pid!).filter((p) => p.comm === 'java');
    expect(java()).toHaveLength(1);
    const first = java()[0]!.pid;

    const killedAt = performance.now();
    process.kill(first, 'SIGKILL');
    await vi.waitFor(() => expect(output).toMatch(/DynamoDB Local stopped unexpectedly \(signal SIGKILL\); restarting it on the same data/), { timeout: 30_000, interval: 50 });
    await vi.waitFor(async () => expect((await fetch(`${base}/api/health`)).status).toBe(200), { timeout: 60_000, interval: 50 });
    const killToRecoveryMs = Math.round(performance.now() - killedAt);
    expect(output).toMatch(/DynamoDB Local is back/);

    // Same portal process, same data: the demo users saved before the crash still sign in.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: USERS.lead, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const [second] = java();
    expect(second?.pid).toBeDefined();
    expect(second!.pid).not.toBe(first);
    report('npm-start-kill-to-recovery', { killToRecoveryMs, console: output.split('\n').filter((l) => l.includes('DynamoDB Local')) });

    // Ctrl-C: the portal stops and takes DynamoDB Local with it.
    const tree = descendants(portal.pid!);
    portal.kill('SIGINT');
    expect(await exited).toBe(0);
    await vi.waitFor(() => expect(tree.filter((p) => alive(p.pid))).toEqual([]), { timeout: 15_000, interval: 100 });
  }, 300_000);
});
