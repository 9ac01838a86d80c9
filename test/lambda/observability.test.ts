import { readFileSync } from 'node:fs';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLambdaHandler } from '../../functions/lambda-handler.js';
import type { Logger, RequestRecord } from '../../functions/logger.js';
import { lambdaObservability } from '../../functions/observability/lambda.js';
import { METRICS_NAMESPACE, REMINDER_JOB_FAILURES, SERVICES } from '../../functions/observability/metric-names.js';
import { createTestApp, type TestApp, USERS } from '../support/api.js';
import { withAwsEntry } from '../support/aws-entry.js';

type Result = Exclude<APIGatewayProxyResultV2, string>;
type Event = Parameters<ReturnType<typeof createLambdaHandler>>[0];

const fixture = (name: string, token = ''): Event => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8').replaceAll('{{TOKEN}}', token)) as Event;
const context = (awsRequestId: string) =>
  ({ awsRequestId, functionName: 'portal-api', invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:portal-api', memoryLimitInMB: '1024' }) as unknown as Context;

/** Every line written to stdout and stderr while `run` runs (Powertools writes through its own Console on them). */
async function output(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run().catch(() => undefined);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
const emf = (lines: Record<string, unknown>[]) => lines.filter((l) => '_aws' in l);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('what the request-logging middleware reports for metrics', () => {
  const records: RequestRecord[] = [];
  const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, request: (r) => records.push(r) };

  it('when requests arrive, each is reported once with its route pattern (not the raw path) and its status class', async () => {
    const handler = createLambdaHandler({ config: t.config, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer, logger: quiet });
    const ctx = context('req-1');
    expect(((await handler(fixture('get-partnership', await t.tokenFor(USERS.exec)), ctx)) as Result).statusCode).toBe(200);
    expect(((await handler(fixture('get-me', 'not.a.jwt'), ctx)) as Result).statusCode).toBe(401);
    const unknown = JSON.parse(JSON.stringify(fixture('get-health')).replaceAll('/api/health', '/api/no-such-thing')) as Event;
    expect(((await handler(unknown, ctx)) as Result).statusCode).toBe(404);
    expect(records.map(({ route, outcome, status }) => ({ route, outcome, status }))).toEqual([
      { route: 'GET /api/p/:partnershipId/partnership', outcome: '2xx', status: 200 },
      { route: 'GET /api/p/:partnershipId/me', outcome: '4xx', status: 401 },
      { route: 'unmatched', outcome: '4xx', status: 404 },
    ]);
    for (const r of records) expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('the Lambda observability (Powertools)', () => {
  it('when an API event is handled, every log line carries the Lambda and API Gateway request ids, and one EMF record has the route and outcome', async () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const observability = lambdaObservability({ service: SERVICES.api, logLevel: 'info' });
    const handler = createLambdaHandler({ config: t.config, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer }, observability);
    const lines = await output(() => handler(fixture('get-health'), context('lambda-req-1')));
    const logs = lines.filter((l) => !('_aws' in l));
    expect(logs.map((l) => l.message)).toContain('request');
    for (const l of logs) expect(l).toMatchObject({ service: 'portal-api', function_request_id: 'lambda-req-1', correlation_id: 'KQ1aBhWpLPEEMvA=' });
    expect(logs.find((l) => l.message === 'request')).toMatchObject({ route: 'GET /api/health', status: 200, cold_start: true });

    const [coldStart, request] = emf(lines);
    expect(coldStart).toMatchObject({ service: 'portal-api', function_name: 'portal-api', ColdStart: 1 });
    expect(request).toMatchObject({ service: 'portal-api', route: 'GET /api/health', outcome: '2xx', Latency: expect.any(Number) });
    // One metric per request (its SampleCount counts requests): no separate count metrics to pay for.
    expect(request).not.toHaveProperty('Requests');
    expect(request).not.toHaveProperty('ServerErrors');
    expect(request?._aws).toMatchObject({
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [['service', 'route', 'outcome'], ['service']],
          Metrics: [{ Name: 'Latency', Unit: 'Milliseconds' }],
        },
      ],
    });

    // The next invocation's lines carry its own ids only.
    const next = await output(() => handler(fixture('get-me', 'not.a.jwt'), context('lambda-req-2')));
    for (const l of next.filter((x) => !('_aws' in x))) expect(l).toMatchObject({ function_request_id: 'lambda-req-2', correlation_id: 'KQ1aCiWpLPEEMvB=', cold_start: false });
    expect(emf(next)).toEqual([expect.objectContaining({ route: 'GET /api/p/:partnershipId/me', outcome: '4xx', Latency: expect.any(Number) })]);
  });

  it('when the log level is silent (the tests), nothing is written: no log lines and no metrics', async () => {
    const observability = lambdaObservability({ service: SERVICES.api, logLevel: 'silent' });
    const handler = createLambdaHandler({ config: t.config, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer }, observability);
    expect(await output(() => handler(fixture('get-health'), context('lambda-req-3')))).toEqual([]);
  });
});

describe('the mail jobs entry point (functions/reminders-lambda.ts)', () => {
  const run = (main: string, event: { job?: 'reminders' | 'outbox' }) =>
    output(() =>
      withAwsEntry(
        () => import('../../functions/reminders-lambda.js'),
        { main, audit: 'unused-by-reminders' },
        async (mod) => {
          await mod.handler(event, context('job-1'));
        },
        { LOG_LEVEL: 'info', PORTAL_URL: 'https://portal.example' },
      ),
    );
  const failures = (lines: Record<string, unknown>[]) => emf(lines).filter((l) => REMINDER_JOB_FAILURES in l);

  it('when a run goes well, it records ReminderJobFailures 0 for its job, by job and in total', async () => {
    const lines = await run(t.config.tables.main, { job: 'outbox' });
    const [record] = failures(lines);
    expect(record).toMatchObject({ service: SERVICES.reminders, job: 'outbox', [REMINDER_JOB_FAILURES]: 0 });
    expect(record?._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['service', 'job'], ['service']] }] });
    expect(lines.find((l) => l.message === 'mail job done')).toMatchObject({ job: 'outbox', function_request_id: 'job-1' });
  });

  it('when a run fails before reaching any partnership (the table is not there), it records 1 and the error is logged and rethrown', async () => {
    const lines = await run(`${t.config.tables.main}-missing`, {});
    expect(failures(lines)).toEqual([expect.objectContaining({ job: 'reminders', [REMINDER_JOB_FAILURES]: 1 })]);
    expect(lines.find((l) => l.message === 'invocation failed')).toMatchObject({ level: 'ERROR', function_request_id: 'job-1' });
  });
});
