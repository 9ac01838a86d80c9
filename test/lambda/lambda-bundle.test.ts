import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BundleReport, bundleLambda } from '../../infra/bundle/bundle-lambda.mjs';
import { createTestApp, type TestApp } from '../support/api.js';

/**
 * The API's real bundle (functions/lambda.ts built by infra/bundle/bundle-lambda.mjs, as CDK builds
 * it), loaded in a fresh Node.js process as Lambda loads it, answering API Gateway HTTP API events
 * from DynamoDB Local. The bundle is built in the system's temporary folder, where no node_modules
 * can be found (as in Lambda): what it needs must be inside the asset.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let dir: string;
let report: BundleReport;
let t: TestApp;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-bundle-'));
  [report, t] = await Promise.all([
    bundleLambda({ entry: join(ROOT, 'functions/lambda.ts'), outdir: join(dir, 'asset'), sourcemapDir: join(dir, 'maps'), root: ROOT }),
    createTestApp(),
  ]);
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const files = (folder: string) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const SWAGGER_UI = ['swagger-ui/swagger-ui-bundle.js', 'swagger-ui/swagger-ui.css'];

type LambdaResult = { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded?: boolean };
const HEALTH_EVENT = JSON.parse(readFileSync(join(ROOT, 'test/lambda/fixtures/get-health.json'), 'utf8')) as { requestContext: Record<string, unknown> };
/** The health fixture, sent to another public route (`GET <path>`, matched by API Gateway's `routeKey`). */
const getEvent = (path: string, routeKey: string) => ({
  ...HEALTH_EVENT,
  routeKey,
  rawPath: path,
  requestContext: { ...HEALTH_EVENT.requestContext, routeKey, http: { ...(HEALTH_EVENT.requestContext.http as object), path } },
});

let invocations = 0;
/**
 * Loads the bundle in a fresh Node.js process (working directory: the temporary folder; no
 * NODE_PATH) and invokes its handler with each event in turn, as one Lambda instance would.
 * Returns the results and the JSON log lines.
 */
async function invokeBundle(events: unknown[]): Promise<{ results: LambdaResult[]; logs: Record<string, unknown>[] }> {
  const eventsFile = join(dir, `events-${++invocations}.json`);
  writeFileSync(eventsFile, JSON.stringify(events));
  const script = `
    const { readFileSync } = await import('node:fs');
    const mod = await import(process.env.BUNDLE);
    const events = JSON.parse(readFileSync(process.env.EVENTS, 'utf8'));
    for (const [i, event] of events.entries()) {
      const context = { awsRequestId: 'lambda-req-' + (i + 1), functionName: 'portal-api', memoryLimitInMB: '1024', invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:portal-api' };
      const res = await mod.handler(event, context);
      process.stdout.write('RESULT ' + JSON.stringify(res) + '\\n');
    }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      BUNDLE: pathToFileURL(join(dir, 'asset/index.mjs')).href,
      EVENTS: eventsFile,
      PORTAL_MODE: 'aws',
      TABLE_NAME: t.config.tables.main,
      AUDIT_TABLE_NAME: t.config.tables.audit,
      COGNITO_USER_POOL_ID: 'eu-west-2_testpool',
      COGNITO_CLIENT_ID: 'test-client',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      AWS_REGION: 'eu-west-2',
      LOG_LEVEL: 'info',
      // As in Lambda: the tracer chunk is loaded on the first invocation (no X-Ray daemon here: nothing is sent).
      AWS_LAMBDA_FUNCTION_NAME: 'portal-api',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    timeout: 60_000,
    // Swagger UI's script is 1.7 MB.
    maxBuffer: 32 * 1024 * 1024,
  });
  const lines = stdout.split('\n').filter(Boolean);
  return {
    results: lines.filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice('RESULT '.length)) as LambdaResult),
    logs: lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('the API bundle', () => {
  it('when built, it imports nothing but Node.js built-ins: the AWS SDK and everything else is inside', () => {
    expect(report.external.filter((name) => !isBuiltin(name))).toEqual([]);
    expect(Object.keys(report.inputs).some((input) => input.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
  });

  it('when built, zod brings English only, not its other languages', () => {
    // Files read from zod's locales folder (its index is replaced by a module exporting `en` alone).
    const locales = Object.keys(report.inputs).filter((input) => /^node_modules\/zod\/.*locales\//.test(input));
    expect(locales.map((input) => input.replace(/.*\//, ''))).toEqual(['en.js']);
    expect(Object.keys(report.inputs).filter((input) => input.startsWith('zod-english-only:'))).toHaveLength(1);
  });

  it('when built, the folder to deploy has no source map and its code points to none; the maps are kept beside it', () => {
    const deployed = files(join(dir, 'asset')).map((f) => relative(join(dir, 'asset'), join(f.parentPath, f.name)).split('\\').join('/'));
    // The code, and Swagger UI's files for the API reference page (not code the Lambda runs).
    expect(deployed.filter((f) => !f.endsWith('.mjs')).sort()).toEqual(SWAGGER_UI);
    for (const f of deployed.filter((f) => f.endsWith('.mjs'))) expect(readFileSync(join(dir, 'asset', f), 'utf8')).not.toContain('sourceMappingURL');
    expect(existsSync(join(dir, 'maps/index.mjs.map'))).toBe(true);
    const listed = JSON.parse(readFileSync(join(dir, 'maps/files.json'), 'utf8')) as { files: { path: string }[] };
    expect(listed.files.map((f) => f.path).sort()).toEqual(report.files.map((f) => f.path).sort());
  });

  it('when built, the clients some routes use (S3) and the tracer are chunks loaded on first use, not at the cold start', () => {
    const lazy = (input: string) =>
      report.files
        .filter((f) => !f.init)
        .some((f) => Object.keys(report.outputs[Object.keys(report.outputs).find((o) => o.endsWith(f.path))!]!.inputs).some((i) => i.includes(input)));
    expect(lazy('node_modules/@aws-sdk/client-s3/')).toBe(true);
    expect(lazy('node_modules/aws-xray-sdk-core/')).toBe(true);
    expect(report.init.bytes).toBeLessThan(report.total.bytes);
  });

  it('when a fresh Node.js process loads it and gets the health event, it answers 200 from DynamoDB Local, logging and measuring the invocation', async () => {
    const {
      results: [result],
      logs,
    } = await invokeBundle([HEALTH_EVENT]);
    expect(result!.statusCode).toBe(200);
    expect(JSON.parse(result!.body)).toMatchObject({ status: 'ok' });
    expect(logs.find((l) => l.message === 'request')).toMatchObject({
      function_request_id: 'lambda-req-1',
      correlation_id: 'KQ1aBhWpLPEEMvA=',
      route: 'GET /api/health',
      cold_start: true,
    });
    expect(logs.find((l) => typeof l.Latency === 'number')).toMatchObject({ service: 'portal-api', route: 'GET /api/health', outcome: '2xx' });
  });

  it('when built, Swagger UI is copied beside index.mjs; with no node_modules to be found, the Lambda serves the API reference page and its script from it', async () => {
    expect([...report.copied].sort()).toEqual(SWAGGER_UI);
    // The test is only worth something if the bundle cannot reach the repository's node_modules.
    expect(() => createRequire(join(dir, 'asset/index.mjs')).resolve('swagger-ui-dist/package.json')).toThrow();
    const { results } = await invokeBundle([
      getEvent('/api/docs', 'GET /api/docs'),
      getEvent('/api/docs/swagger-ui-bundle.js', 'GET /api/docs/{proxy+}'),
      getEvent('/api/docs/swagger-ui.css', 'GET /api/docs/{proxy+}'),
    ]);
    const [page, script, styles] = results;
    expect(page).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^text\/html/) } });
    expect(page!.body).toContain('<script src="/api/docs/swagger-ui-bundle.js"></script>');
    expect(page!.headers['content-security-policy']).toContain("script-src 'self'");
    expect(script).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^text\/javascript/) } });
    expect(script!.body).toBe(readFileSync(join(ROOT, 'node_modules/swagger-ui-dist/swagger-ui-bundle.js'), 'utf8'));
    expect(styles).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringMatching(/^text\/css/) } });
  });
});
