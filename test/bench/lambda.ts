/**
 * `npm run bench:lambda`: builds the three Lambda bundles as CDK builds them (infra/bundle/bundle-lambda.mjs:
 * the API, the mail jobs, the SES events) and prints their sizes, minified and gzipped: the init
 * path (the entry and every chunk it imports statically, what a cold start loads) and the total
 * (what the zip holds, chunks loaded on first use included). Then the module init time (the
 * `import()` of the entry) median and p95 over fresh Node.js processes (BENCH_LAMBDA_RUNS, default
 * 15), and for the API the first invocation after it (an unknown route: no I/O, but the tracer
 * chunk is loaded as in Lambda). "Before" is the same API code bundled as NodejsFunction bundled it
 * before issue 14: one file, the AWS SDK left to the runtime (here: node_modules), every zod locale,
 * a linked source map read at load time (NODE_OPTIONS=--enable-source-maps).
 * The runs of each variant are interleaved, so load on the machine affects them alike; the CPU time
 * of the import is printed too, as it changes less than wall time when other work shares the machine.
 * Not a test: figures for the closing notes, against the targets (init path <= 300 KB, init median <= 150 ms).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { type BundleReport, bundleLambda, ESM_REQUIRE_BANNER } from '../../infra/bundle/bundle-lambda.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
/** Inside the repository, so the "before" bundle finds the AWS SDK in node_modules as Lambda's runtime provides it. */
const OUT = join(ROOT, '.reports/bench-lambda');
const RUNS = Number(process.env.BENCH_LAMBDA_RUNS ?? 15);
const TARGET = { initKb: 300, initMs: 150 };

const ENV = {
  PATH: process.env.PATH ?? '',
  PORTAL_MODE: 'aws',
  TABLE_NAME: 'bench-main',
  AUDIT_TABLE_NAME: 'bench-audit',
  COGNITO_USER_POOL_ID: 'eu-west-2_bench',
  COGNITO_CLIENT_ID: 'bench-client',
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  PORTAL_URL: 'https://portal.example',
  LOG_LEVEL: 'info',
  // As in Lambda: Powertools sees a function, and the tracer chunk loads on the first invocation.
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** An API Gateway HTTP API event for a route that does not exist: the app answers 404 without I/O. */
const UNKNOWN_ROUTE_EVENT = {
  version: '2.0',
  routeKey: 'ANY /api/{proxy+}',
  rawPath: '/api/bench-no-such-route',
  rawQueryString: '',
  headers: { host: 'bench.execute-api.eu-west-2.amazonaws.com' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'bench',
    domainName: 'bench.execute-api.eu-west-2.amazonaws.com',
    domainPrefix: 'bench',
    http: { method: 'GET', path: '/api/bench-no-such-route', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'bench' },
    requestId: 'bench-request',
    routeKey: 'ANY /api/{proxy+}',
    stage: '$default',
    time: '01/Jan/2027:00:00:00 +0000',
    timeEpoch: 1798761600000,
  },
  isBase64Encoded: false,
};

/** Imports the bundle in this fresh process, then (with BENCH_EVENT) invokes it once; prints the times. */
const PROBE = `
const c0 = process.cpuUsage();
const t0 = performance.now();
const mod = await import(process.env.BENCH_BUNDLE);
const init = performance.now() - t0;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1000;
let invoke = null;
if (process.env.BENCH_EVENT) {
  const t1 = performance.now();
  await mod.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench', functionName: 'bench', memoryLimitInMB: '1024' });
  invoke = performance.now() - t1;
}
process.stdout.write('\\nBENCH ' + JSON.stringify({ init, cpu, invoke }) + '\\n');`;

interface Variant {
  name: string;
  entryFile: string;
  nodeArgs: string[];
  event?: unknown;
  init: number[];
  /** CPU time of the import (user + system, all threads): less sensitive than wall time to other work on the machine. */
  cpu: number[];
  invoke: number[];
}

function probe(v: Variant): void {
  const out = execFileSync(process.execPath, [...v.nodeArgs, '--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    env: { ...ENV, BENCH_BUNDLE: pathToFileURL(v.entryFile).href, ...(v.event ? { BENCH_EVENT: JSON.stringify(v.event) } : {}) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`${v.name}: the probe printed no timing`);
  const t = JSON.parse(line.slice('BENCH '.length)) as { init: number; cpu: number; invoke: number | null };
  v.init.push(t.init);
  v.cpu.push(t.cpu);
  if (t.invoke !== null) v.invoke.push(t.invoke);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The API as it was bundled before (NodejsFunction: one file, SDK external, source map linked). */
async function bundleBefore(): Promise<{ file: string; bytes: number; gzipBytes: number; mapBytes: number }> {
  const dir = join(OUT, 'before-api');
  rmSync(dir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { index: join(ROOT, 'functions/lambda.ts') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  const file = join(dir, 'index.mjs');
  const code = readFileSync(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code).length, mapBytes: statSync(`${file}.map`).size };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const functions = [
    { name: 'api', entry: 'functions/lambda.ts' },
    { name: 'reminders', entry: 'functions/reminders-lambda.ts' },
    { name: 'ses-events', entry: 'functions/ses-events-lambda.ts' },
  ];
  const reports = new Map<string, BundleReport>();
  for (const f of functions) {
    reports.set(f.name, await bundleLambda({ entry: join(ROOT, f.entry), outdir: join(OUT, f.name), sourcemapDir: join(OUT, 'sourcemaps', f.name), root: ROOT }));
  }
  const before = await bundleBefore();

  const variants: Variant[] = [
    ...functions.map((f) => ({
      name: f.name,
      entryFile: join(OUT, f.name, 'index.mjs'),
      nodeArgs: [],
      ...(f.name === 'api' ? { event: UNKNOWN_ROUTE_EVENT } : {}),
      init: [],
      cpu: [],
      invoke: [],
    })),
    { name: 'api (before)', entryFile: before.file, nodeArgs: ['--enable-source-maps'], event: UNKNOWN_ROUTE_EVENT, init: [], cpu: [], invoke: [] },
  ];
  process.stdout.write(`Timing ${RUNS} fresh Node.js ${process.version} processes per bundle`);
  for (let i = 0; i < RUNS; i++) {
    for (const v of variants) probe(v);
    process.stdout.write('.');
  }
  process.stdout.write('\n\n');

  const rows = [['bundle', 'init path (files)', 'init gzip', 'total (files)', 'total gzip', 'init median', 'init p95', 'init CPU median', '1st invoke median']];
  for (const f of functions) {
    const r = reports.get(f.name)!;
    const v = variants.find((x) => x.name === f.name)!;
    rows.push([
      f.name,
      `${kb(r.init.bytes)} (${r.init.files})`,
      kb(r.init.gzipBytes),
      `${kb(r.total.bytes)} (${r.total.files})`,
      kb(r.total.gzipBytes),
      ms(pct(v.init, 50)),
      ms(pct(v.init, 95)),
      ms(pct(v.cpu, 50)),
      v.invoke.length ? ms(pct(v.invoke, 50)) : '',
    ]);
  }
  const vb = variants.find((x) => x.name === 'api (before)')!;
  rows.push([
    'api (before)',
    `${kb(before.bytes)} (1)`,
    kb(before.gzipBytes),
    `${kb(before.bytes)} + ${kb(before.mapBytes)} map`,
    '',
    ms(pct(vb.init, 50)),
    ms(pct(vb.init, 95)),
    ms(pct(vb.cpu, 50)),
    ms(pct(vb.invoke, 50)),
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));

  const api = reports.get('api')!;
  const apiInit = pct(variants.find((x) => x.name === 'api')!.init, 50);
  const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `\nTargets (api): init path ${kb(api.init.bytes)} <= ${TARGET.initKb} KB: ${check(api.init.bytes <= TARGET.initKb * 1024)}; init median ${ms(apiInit)} <= ${TARGET.initMs} ms: ${check(apiInit <= TARGET.initMs)}`,
  );
  const sdkExternal = [...reports.values()].flatMap((r) => r.external).filter((x) => x.startsWith('@aws-sdk/'));
  console.log(`AWS SDK bundled in every function (no @aws-sdk import left to the runtime): ${sdkExternal.length === 0 ? 'yes' : `no: ${sdkExternal.join(', ')}`}`);
  console.log('\nLargest packages on the API init path (minified KB):');
  const byPackage = new Map<string, number>();
  for (const file of api.files.filter((f) => f.init)) {
    const output = Object.entries(api.outputs).find(([path]) => path.endsWith(file.path))![1];
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? input.match(/^((?:functions|shared)\/[^/]+)/);
      const key = m?.[1] ?? input;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  console.log(
    [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `  ${k.padEnd(44)} ${(v / 1024).toFixed(1).padStart(6)}`)
      .join('\n'),
  );
  const json = {
    node: process.version,
    runs: RUNS,
    targets: TARGET,
    bundles: Object.fromEntries(
      [...reports].map(([name, r]) => {
        const v = variants.find((x) => x.name === name)!;
        return [
          name,
          {
            init: r.init,
            total: r.total,
            initMs: { median: pct(v.init, 50), p95: pct(v.init, 95) },
            initCpuMs: { median: pct(v.cpu, 50) },
            firstInvokeMs: v.invoke.length ? { median: pct(v.invoke, 50) } : undefined,
          },
        ];
      }),
    ),
    before: {
      bytes: before.bytes,
      gzipBytes: before.gzipBytes,
      mapBytes: before.mapBytes,
      initMs: { median: pct(vb.init, 50), p95: pct(vb.init, 95) },
      initCpuMs: { median: pct(vb.cpu, 50) },
      firstInvokeMs: { median: pct(vb.invoke, 50) },
    },
  };
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nBundles, source maps and report.json in ${OUT}`);
}

await main();
