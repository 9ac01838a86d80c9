import { createServer, type Server, type Socket } from 'node:net';
import { AdminGetUserCommand, CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secondFactorReasons } from '../../shared/auth/second-factor.js';
import { loadConfig } from '../config.js';
import { ServiceUnavailable } from '../domain/errors.js';
import { CognitoDirectory } from './cognito-directory.js';
import { AUTHENTICATOR_UNKNOWN } from './directory.js';
import { ENROLMENT_CACHE_MS, EnrolmentCheck, newTotpSecret, PendingSetups, SignInChallenges, totpStep, totpUri, UsedCodes } from './second-factor.js';

/**
 * Two-step sign-in's parts that need neither DynamoDB nor the app: asking Cognito whether someone
 * has an authenticator (its SDK client with the transport mocked, as directory.test.ts does, and a
 * Cognito that never answers, which the local stand-ins cannot be), the short-lived cache of the
 * answer, and the TOTP codes of the local sign-in.
 */

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-west-2_TEST';
const directory = () => new CognitoDirectory(new CognitoIdentityProviderClient({ region: 'eu-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), POOL, 2000);

describe('CognitoDirectory.hasAuthenticator (AdminGetUser)', () => {
  beforeEach(() => cognito.reset());
  afterAll(() => cognito.restore());

  it('when Cognito lists SOFTWARE_TOKEN_MFA for the user, they have one; otherwise not', async () => {
    cognito.on(AdminGetUserCommand, { Username: 'lead@x.example' }).resolves({ Username: 'lead@x.example', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    cognito.on(AdminGetUserCommand, { Username: 'sms@x.example' }).resolves({ Username: 'sms@x.example', UserMFASettingList: ['SMS_MFA'] });
    cognito.on(AdminGetUserCommand, { Username: 'none@x.example' }).resolves({ Username: 'none@x.example' });
    expect(await directory().hasAuthenticator('lead@x.example')).toBe(true);
    expect(await directory().hasAuthenticator('sms@x.example')).toBe(false);
    expect(await directory().hasAuthenticator('none@x.example')).toBe(false);
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: 'lead@x.example' });
  });

  it('when Cognito has no such user, they have none', async () => {
    cognito.on(AdminGetUserCommand).rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    expect(await directory().hasAuthenticator('gone@x.example')).toBe(false);
  });

  it('when Cognito fails, the answer is a 503 (never "no authenticator", never "yes")', async () => {
    cognito.on(AdminGetUserCommand).rejects(new Error('Rate exceeded'));
    const err = await directory()
      .hasAuthenticator('lead@x.example')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailable);
    expect((err as ServiceUnavailable).message).toBe(AUTHENTICATOR_UNKNOWN);
  });
});

describe('CognitoDirectory.hasAuthenticator against a Cognito that never answers', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts connections and never says a word: the deadline must end the wait.
    server = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((done) => server.close(done));
  });

  it('when the deadline passes, it is a 503 within the deadline (not a hang)', async () => {
    const client = new CognitoIdentityProviderClient({
      region: 'eu-west-2',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    const started = performance.now();
    const err = await new CognitoDirectory(client, POOL, 300).hasAuthenticator('lead@x.example').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailable);
    expect(performance.now() - started).toBeLessThan(5_000);
    client.destroy();
  });
});

describe('EnrolmentCheck', () => {
  const counting = (answers: boolean[]) => {
    const calls: string[] = [];
    return {
      calls,
      lookup: {
        hasAuthenticator: async (email: string) => {
          calls.push(email);
          return answers.shift() ?? false;
        },
      },
    };
  };
  const t0 = new Date('2026-11-30T10:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it('when the answer is yes, it is kept for five minutes per person (one read per warm container)', async () => {
    const { calls, lookup } = counting([true, true]);
    const check = new EnrolmentCheck(lookup);
    expect(await check.enrolled('Lead@x.example', t0)).toBe(true);
    expect(await check.enrolled('lead@x.example', later(ENROLMENT_CACHE_MS - 1))).toBe(true);
    expect(calls).toEqual(['lead@x.example']);
    expect(await check.enrolled('lead@x.example', later(ENROLMENT_CACHE_MS))).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('when the answer is no, it is not kept: setting one up with Cognito counts at the next request', async () => {
    const { calls, lookup } = counting([false, true]);
    const check = new EnrolmentCheck(lookup);
    expect(await check.enrolled('lead@x.example', t0)).toBe(false);
    expect(await check.enrolled('lead@x.example', later(1))).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('when the lookup fails, the failure is the answer (503) and nothing is kept; concurrent reads share one', async () => {
    let fail = true;
    const calls: string[] = [];
    const check = new EnrolmentCheck({
      hasAuthenticator: async (email) => {
        calls.push(email);
        if (fail) throw new ServiceUnavailable(AUTHENTICATOR_UNKNOWN);
        return true;
      },
    });
    await expect(check.enrolled('lead@x.example', t0)).rejects.toBeInstanceOf(ServiceUnavailable);
    fail = false;
    const both = await Promise.all([check.enrolled('lead@x.example', t0), check.enrolled('lead@x.example', t0)]);
    expect(both).toEqual([true, true]);
    expect(calls).toHaveLength(2);
  });

  it('when it is told to forget or to read afresh, the kept yes does not answer', async () => {
    const { calls, lookup } = counting([true, false, false]);
    const check = new EnrolmentCheck(lookup);
    await check.enrolled('lead@x.example', t0);
    expect(await check.fresh('lead@x.example', t0)).toBe(false);
    expect(await check.enrolled('lead@x.example', t0)).toBe(false);
    expect(calls).toHaveLength(3);
  });
});

describe('TOTP for the local sign-in', () => {
  const at = new Date('2026-11-30T10:00:10Z');
  const code = (secret: string, when: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: when.getTime() });

  it('when a secret is made, it is 160 random bits in base32, and its link is what authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri('lead@x.example', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Partnership Reform Portal');
  });

  it('when a code is from now or 30 seconds either side, it is right; older or made up, it is not', () => {
    const secret = newTotpSecret();
    const step = Math.floor(at.getTime() / 30_000);
    expect(totpStep('a@x', secret, code(secret, at), at)).toBe(step);
    expect(totpStep('a@x', secret, code(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(totpStep('a@x', secret, code(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(totpStep('a@x', secret, code(secret, new Date(at.getTime() - 90_000)), at)).toBeNull();
    expect(totpStep('a@x', newTotpSecret(), code(secret, at), at)).toBeNull();
  });

  it('when a code has signed someone in, it (and any older one) does not again', () => {
    const used = new UsedCodes();
    expect(used.use('a@x', 100)).toBe(true);
    expect(used.use('A@x', 100)).toBe(false);
    expect(used.use('a@x', 99)).toBe(false);
    expect(used.use('b@x', 100)).toBe(true);
    expect(used.use('a@x', 101)).toBe(true);
  });

  it('when a challenge is used, expires or takes five wrong codes, it is gone', () => {
    const c = new SignInChallenges(60_000, 5);
    const { challenge } = c.issue('A@x.example', at);
    expect(c.find(challenge, at)?.email).toBe('a@x.example');
    expect(c.find(challenge, new Date(at.getTime() + 60_000))).toBeNull();
    const second = c.issue('a@x.example', at).challenge;
    for (let i = 0; i < 4; i++) expect(c.failed(second)).toBe(false);
    expect(c.failed(second)).toBe(true);
    expect(c.find(second, at)).toBeNull();
  });

  it('when a set-up is not confirmed in time, its key is gone; starting again gives a new key', () => {
    const p = new PendingSetups(60_000);
    const first = p.start('a@x', at).secret;
    expect(p.secretOf('A@x', at)).toBe(first);
    expect(p.secretOf('a@x', new Date(at.getTime() + 60_000))).toBeNull();
    expect(p.start('a@x', at).secret).not.toBe(first);
  });
});

describe('who needs a second step', () => {
  it('when a person leads, signs off or administers their agency, they need one; an executive or an officer does not', () => {
    expect(secondFactorReasons({ role: 'lead' })).toEqual(['lead']);
    expect(secondFactorReasons({ role: 'partner', signatory: true, agencyAdmin: true })).toEqual(['signatory', 'agency-admin']);
    expect(secondFactorReasons({ role: 'partner' })).toEqual([]);
    expect(secondFactorReasons({ role: 'executive', signatory: true })).toEqual([]);
  });

  it('when SECOND_FACTOR is not set, AWS requires it for those roles and local mode (the demo) leaves it optional', () => {
    const aws = { PORTAL_MODE: 'aws', COGNITO_USER_POOL_ID: 'p', COGNITO_CLIENT_ID: 'c', TABLE_NAME: 't', AUDIT_TABLE_NAME: 'a' };
    expect(loadConfig(aws).secondFactor).toBe('required-for-roles');
    expect(loadConfig({}).secondFactor).toBe('optional');
    expect(loadConfig({ SECOND_FACTOR: 'required-for-roles' }).secondFactor).toBe('required-for-roles');
    expect(() => loadConfig({ SECOND_FACTOR: 'sometimes' })).toThrow(/SECOND_FACTOR/);
  });
});
