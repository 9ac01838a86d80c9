import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * cognito-local, the Cognito user-pool API emulator, run as a child process of this one: its CLI
 * is the only way to start it with its own services, and it keeps its pools in `.cognito/` under
 * its working directory, so it runs in a new temporary directory (removed on `stop()`), never in
 * the repository. It listens on 127.0.0.1 only, on a port the system picks (no race for a free
 * one); the port is read from the line it prints once listening.
 */
export interface CognitoLocal {
  /** The endpoint for the Cognito client. */
  endpoint: string;
  port: number;
  /** The last lines it printed (for messages when a test fails). */
  output(): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const LISTENING = /Cognito Local running on http:\/\/127\.0\.0\.1:(\d+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes of its log lines.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs the CLI inside a small guard: when this process exits for any reason, even SIGKILL, the
 * pipe to the child's standard input closes and the emulator exits too, so none is left behind.
 */
const GUARD = "process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume(); require(process.argv[1]);";

/**
 * Starts cognito-local and resolves once it answers on `/health`. `config` is written to its
 * `.cognito/config.json` (its own settings file: `UserPoolDefaults`, `TokenConfig` …).
 */
export async function startCognitoLocal(opts: { config?: object; startTimeoutMs?: number } = {}): Promise<CognitoLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  if (opts.config) {
    mkdirSync(join(dir, '.cognito'));
    writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify(opts.config));
  }
  const cli = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const child: ChildProcess = spawn(process.execPath, ['-e', GUARD, cli], {
    cwd: dir,
    env: { ...process.env, HOST, PORT: '0', DEBUG: '', COGNITO_LOCAL_DEVMODE: '', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString().replace(ANSI, '')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let hasExited = false;
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      hasExited = true;
      process.removeListener('exit', killOnExit);
      done();
    });
  });
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const stop = async () => {
    if (!hasExited) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    }
    removeDir();
  };

  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  let port: number | undefined;
  for (;;) {
    port ??= Number(LISTENING.exec(output)?.[1]) || undefined;
    if (port && (await answers(`http://${HOST}:${port}/health`))) break;
    if (hasExited) {
      removeDir();
      throw new Error(`cognito-local stopped while starting:\n${output.slice(-2000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`cognito-local did not answer within ${startTimeoutMs / 1000} seconds:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { endpoint: `http://${HOST}:${port}`, port, output: () => output.slice(-2000), stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}
