import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { withAwsEntry } from '../support/aws-entry.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLambdaHandler } from '../../functions/lambda-handler.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

type Result = Exclude<APIGatewayProxyResultV2, string>;

type Event = Parameters<ReturnType<typeof createLambdaHandler>>[0];

function fixture(name: string, token = ''): Event {
  const text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8').replaceAll('{{TOKEN}}', token);
  return JSON.parse(text) as Event;
}
const context = { awsRequestId: 'req-1', functionName: 'portal-api', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

let t: TestApp;
let handler: ReturnType<typeof createLambdaHandler>;
beforeAll(async () => {
  t = await createTestApp();
  handler = createLambdaHandler({ config: t.config, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer });
});
afterAll(async () => {
  await t.drop();
});

const invoke = async (event: Event) => (await handler(event, context)) as Result;

describe('the Lambda handler with API Gateway HTTP API v2 events', () => {
  it('when the health event arrives, it answers 200 from DynamoDB Local', async () => {
    const res = await invoke(fixture('get-health'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ status: 'ok' });
    expect(res.headers?.['content-security-policy']).toContain("default-src 'self'");
  });

  it('when a signed-in event arrives, the user comes from the verified token, not the event', async () => {
    const res = await invoke(fixture('get-me', await t.tokenFor(USERS.police)));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ email: USERS.police, role: 'partner', agencyId: 'kent-police' });
  });

  it('when the token is missing, it answers 401 problem+json even if the event claims an authorizer', async () => {
    const res = await invoke(fixture('get-me', 'not.a.jwt'));
    expect(res.statusCode).toBe(401);
    expect(res.headers?.['content-type']).toContain('application/problem+json');
  });

  it('when a query string and cookies are present, the route still answers from DynamoDB', async () => {
    const res = await invoke(fixture('get-partnership', await t.tokenFor(USERS.exec)));
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body ?? '{}') as { agencies: unknown[]; workstreams: { id: string }[] };
    expect(body.agencies).toHaveLength(4);
    expect(body.workstreams.map((w) => w.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers']);
  });

  it('when a browser that accepts gzip reads the tracker, the stored gzipped JSON goes back base64-encoded with Content-Encoding gzip, as API Gateway needs a binary body', async () => {
    const token = await t.tokenFor(USERS.exec);
    // The first read works the tracker out and stores it; the second is served as stored.
    expect((await invoke(fixture('get-tracker-gzip', token))).statusCode).toBe(200);
    const res = await invoke(fixture('get-tracker-gzip', token));
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers?.['content-encoding']).toBe('gzip');
    const tracker = JSON.parse(gunzipSync(Buffer.from(res.body ?? '', 'base64')).toString('utf8')) as { period: { id: string } };
    expect(tracker.period.id).toBe('2026-27-Q3');
  });

  it('when a base64-encoded body is malformed JSON, it answers 400 problem+json, not 500', async () => {
    const res = await invoke(fixture('post-base64-body'));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ status: 400, title: expect.any(String) });
  });
});

describe('the deployed entry point (functions/lambda.ts)', () => {
  it('when configured for AWS, it cold-starts and answers health from the configured table', async () => {
    await withAwsEntry(
      () => import('../../functions/lambda.js'),
      t.config.tables,
      async (mod) => {
        const res = (await mod.handler(fixture('get-health'), context)) as Result;
        expect(res.statusCode).toBe(200);
        const login = (await mod.handler(fixture('post-base64-body'), context)) as Result;
        expect(login.statusCode).toBe(404); // no built-in sign-in in AWS: Cognito signs users in
        const me = (await mod.handler(fixture('get-me', 'a.b.c'), context)) as Result;
        expect(me.statusCode).toBe(401);
      },
    );
  });

  it('when a Cognito setting is missing, the cold start fails naming it', async () => {
    vi.resetModules();
    vi.stubEnv('PORTAL_MODE', 'aws');
    vi.stubEnv('TABLE_NAME', 'x');
    vi.stubEnv('AUDIT_TABLE_NAME', 'y');
    vi.stubEnv('COGNITO_USER_POOL_ID', '');
    vi.stubEnv('COGNITO_CLIENT_ID', '');
    try {
      await expect(import('../../functions/lambda.js')).rejects.toThrow(/COGNITO_USER_POOL_ID/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
