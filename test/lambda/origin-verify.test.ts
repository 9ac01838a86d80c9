import { readFileSync } from 'node:fs';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import { createLambdaHandler } from '../../functions/lambda-handler.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

type Result = Exclude<APIGatewayProxyResultV2, string>;
type Event = Parameters<ReturnType<typeof createLambdaHandler>>[0];

const HEADER = 'x-portal-origin-verify';
const SECRET = 'a'.repeat(20) + 'b'.repeat(28);

function event(name: string, headers: Record<string, string>, token = ''): Event {
  const e = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8').replaceAll('{{TOKEN}}', token)) as Event;
  return { ...e, headers: { ...(e.headers as Record<string, string>), ...headers } } as Event;
}
const context = { awsRequestId: 'req-ov', functionName: 'portal-api', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

let t: TestApp;
let handler: ReturnType<typeof createLambdaHandler>;
beforeAll(async () => {
  t = await createTestApp();
  handler = createLambdaHandler({ config: { ...t.config, originVerify: { header: HEADER, secret: SECRET } }, doc: t.doc, verifier: t.issuer.verifier(), localIssuer: t.issuer });
});
afterAll(async () => {
  await t.drop();
});
const invoke = async (e: Event) => (await handler(e, context)) as Result;

describe('requests that did not come through CloudFront', () => {
  it('when a request reaches the API without the header CloudFront adds, it answers 403 problem+json and runs nothing else', async () => {
    const wrong: Record<string, string>[] = [{}, { [HEADER]: '' }, { [HEADER]: SECRET.slice(1) }, { [HEADER]: `${SECRET}x` }, { [HEADER]: SECRET.toUpperCase() }];
    for (const headers of wrong) {
      const res = await invoke(event('get-me', headers, await t.tokenFor(USERS.police)));
      expect(res.statusCode).toBe(403);
      expect(res.headers?.['content-type']).toContain('application/problem+json');
      expect(JSON.parse(res.body ?? '{}')).toMatchObject({ status: 403, detail: expect.stringContaining("portal's own address") });
    }
  });

  it('when the request carries the header, it is answered as usual (health and a signed-in read)', async () => {
    expect((await invoke(event('get-health', { [HEADER]: SECRET }))).statusCode).toBe(200);
    const res = await invoke(event('get-me', { [HEADER]: SECRET }, await t.tokenFor(USERS.police)));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ email: USERS.police });
  });

  it('when the settings come from the environment, both the header name and a long secret are needed', () => {
    expect(loadConfig({ ORIGIN_VERIFY_HEADER: HEADER, ORIGIN_VERIFY_SECRET: SECRET }).originVerify).toEqual({ header: HEADER, secret: SECRET });
    expect(loadConfig({ ORIGIN_VERIFY_HEADER: HEADER }).originVerify).toBeUndefined();
    expect(() => loadConfig({ ORIGIN_VERIFY_HEADER: HEADER, ORIGIN_VERIFY_SECRET: 'short' })).toThrow(/ORIGIN_VERIFY_SECRET/);
  });
});
