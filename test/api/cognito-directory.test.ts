import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  CreateGroupCommand,
  CreateUserPoolCommand,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoDirectory } from '../../functions/auth/cognito-directory.js';
import { DIRECTORY_UNAVAILABLE, type DirectoryPerson } from '../../functions/auth/directory.js';
import { ServiceUnavailable } from '../../functions/domain/errors.js';
import { freePort } from '../../functions/local/dynamodb-local.js';
import { ROLES } from '../../shared/auth/roles.js';
import { type CognitoLocal, startCognitoLocal } from '../support/cognito-local.js';

/**
 * The Cognito directory through the real SDK client against cognito-local, a Cognito user-pool
 * emulator: the pool, its custom attributes and its groups are made as infra/constructs/auth.ts
 * makes them, the directory changes the accounts, and what the emulator then holds is read back
 * through the SDK (AdminGetUser, AdminListGroupsForUser).
 *
 * Two things differ from the pool in AWS, both because of the emulator:
 * - AdminUserGlobalSignOut is not implemented by cognito-local, so that one command is answered by
 *   a client middleware, which records it; every other command reaches the emulator.
 * - The pool in AWS signs in by email (`UsernameAttributes: ['email']`: Cognito names each user by
 *   a generated id and accepts the email wherever a username is asked for). cognito-local gets this
 *   wrong for AdminListGroupsForUser, which matches group members against the email as given and
 *   so lists no groups. The emulator's pool therefore names each user by their email, which is
 *   what the directory sends as the username in every call either way.
 */
const SIGN_OUT = 'AdminUserGlobalSignOutCommand';

let cognito: CognitoLocal;
/** The directory's own client, pointed at the emulator, with the one interception. */
let client: CognitoIdentityProviderClient;
/** A plain client for setting up the pool and reading back what the emulator holds. */
let inspector: CognitoIdentityProviderClient;
let poolId: string;
/** Every command the directory's client sent, in order, and the users it signed out. */
const sent: string[] = [];
const signedOut: string[] = [];

const newClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    region: 'eu-west-2',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // As CognitoDirectory.create configures it in AWS.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 15_000 },
  });

beforeAll(async () => {
  // The emulator's pools sign in by username (see above); its other settings are its defaults.
  cognito = await startCognitoLocal({ config: { UserPoolDefaults: { UsernameAttributes: [] } } });
  inspector = newClient(cognito.endpoint);
  client = newClient(cognito.endpoint);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '');
      if (context.commandName !== SIGN_OUT) return next(args);
      signedOut.push(String((args.input as { Username?: string }).Username));
      return { output: { $metadata: {} } as ServiceOutputTypes, response: {} };
    },
    { step: 'initialize', name: 'cognitoLocalHasNoGlobalSignOut' },
  );
  const pool = await inspector.send(
    new CreateUserPoolCommand({
      PoolName: 'portal-test',
      AutoVerifiedAttributes: ['email'],
      // infra/constructs/auth.ts: email (required), name, and the two custom attributes.
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
        { Name: 'name', AttributeDataType: 'String', Required: false, Mutable: true },
        { Name: 'agency', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '64' } },
        { Name: 'signatory', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '4', MaxLength: '5' } },
      ],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    }),
  );
  poolId = pool.UserPool!.Id!;
  for (const [precedence, role] of ROLES.entries()) await inspector.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: role, Precedence: precedence }));
}, 120_000);

afterAll(async () => {
  client?.destroy();
  inspector?.destroy();
  await cognito?.stop();
});

const directory = () => new CognitoDirectory(client, poolId, 15_000);

/** A partner with an email of their own, so each test has its own account. */
const partner = (local: string): DirectoryPerson => ({
  email: `${local}@police.example`,
  name: 'Dana Fox',
  role: 'partner',
  agencyId: 'kent-police',
  signatory: true,
  active: true,
});

/** The account as the emulator holds it. */
async function account(email: string) {
  const user = await inspector.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
  const groups = await inspector.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: email }));
  return {
    attributes: Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name!, a.Value])),
    enabled: user.Enabled,
    status: user.UserStatus,
    groups: (groups.Groups ?? []).map((g) => g.GroupName).sort(),
  };
}

describe('CognitoDirectory against cognito-local', () => {
  it('when a partner is invited, it creates the account with their email, name, agency and signatory in the partner group', async () => {
    const dana = partner('dana.fox');
    await directory().createAccount(dana, { resend: false });

    const held = await account(dana.email);
    expect(held.attributes).toMatchObject({
      email: dana.email,
      email_verified: 'true',
      name: 'Dana Fox',
      'custom:agency': 'kent-police',
      'custom:signatory': 'true',
    });
    expect(held.groups).toEqual(['partner']);
    expect(held.enabled).toBe(true);
    // Cognito's own invitation: a temporary password to change at first sign-in.
    expect(held.status).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('when an invitation is retried after a failure part-way (the account exists), it finishes the sync without error', async () => {
    const sam = { ...partner('sam.reid'), signatory: false };
    // The first attempt created the bare account, then stopped before attributes and groups.
    await inspector.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: sam.email, UserAttributes: [{ Name: 'email', Value: sam.email }], MessageAction: 'SUPPRESS' }));

    await directory().createAccount(sam, { resend: false });
    await directory().createAccount(sam, { resend: false });

    const held = await account(sam.email);
    expect(held.attributes).toMatchObject({ name: 'Dana Fox', 'custom:agency': 'kent-police', 'custom:signatory': 'false' });
    expect(held.groups).toEqual(['partner']);
    expect(held.enabled).toBe(true);
  });

  it('when a partner becomes an executive, it moves them to the executive group and deletes their agency', async () => {
    const lee = partner('lee.hart');
    await directory().createAccount(lee, { resend: false });
    expect((await account(lee.email)).groups).toEqual(['partner']);

    await directory().sync({ ...lee, role: 'executive', agencyId: null, signatory: false });

    const held = await account(lee.email);
    expect(held.groups).toEqual(['executive']);
    expect(held.attributes).not.toHaveProperty('custom:agency');
    expect(held.attributes).toMatchObject({ email: lee.email, 'custom:signatory': 'false' });
    expect(held.enabled).toBe(true);
  });

  it('when someone is deactivated, it disables the account and signs them out everywhere', async () => {
    const kim = partner('kim.ojo');
    await directory().createAccount(kim, { resend: false });
    expect(signedOut).not.toContain(kim.email);

    const from = sent.length;
    await directory().sync({ ...kim, active: false });

    const held = await account(kim.email);
    expect(held.enabled).toBe(false);
    expect(held.groups).toEqual(['partner']);
    expect(signedOut).toContain(kim.email);
    // Signed out after the account is disabled, so no new session can start in between.
    const order = sent.slice(from);
    expect(order.indexOf(SIGN_OUT)).toBeGreaterThan(order.indexOf('AdminDisableUserCommand'));
  });

  it('when someone is reactivated, it enables the account again', async () => {
    const ash = partner('ash.bell');
    await directory().createAccount(ash, { resend: false });
    await directory().sync({ ...ash, active: false });
    expect((await account(ash.email)).enabled).toBe(false);
    const signOuts = signedOut.filter((u) => u === ash.email).length;

    await directory().sync(ash);

    const held = await account(ash.email);
    expect(held.enabled).toBe(true);
    expect(held.groups).toEqual(['partner']);
    expect(signedOut.filter((u) => u === ash.email)).toHaveLength(signOuts);
  });

  // cognito-local refuses an unknown person with NotAuthorized where Cognito says UserNotFound (that answer is
  // tested against the mocked client in functions/auth/directory.test.ts): an unexpected refusal is a 503.
  it('when the sign-in service refuses the person unexpectedly, it answers with the 503 saying the change is saved, and creates no account', async () => {
    const nobody = partner('no.account');
    const err = await directory()
      .sync(nobody)
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ServiceUnavailable);
    expect((err as ServiceUnavailable).message).toBe(DIRECTORY_UNAVAILABLE);
    // The emulator answered (refusing the unknown user): not a network failure.
    expect((err as { cause?: unknown }).cause).toBeInstanceOf(CognitoIdentityProviderServiceException);
    await expect(inspector.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: nobody.email }))).rejects.toThrow();
  });

  it('when the sign-in service is not running, it answers with the 503 saying the change is saved and how to finish it', async () => {
    // A loopback port that nothing listens on.
    const down = newClient(`http://127.0.0.1:${await freePort()}`);
    try {
      for (const attempt of [
        () => new CognitoDirectory(down, poolId, 15_000).createAccount(partner('down.invite'), { resend: false }),
        () => new CognitoDirectory(down, poolId, 15_000).sync(partner('down.sync')),
      ]) {
        const err = await attempt().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ServiceUnavailable);
        expect((err as ServiceUnavailable).message).toMatch(/Try the same action again/);
        expect((err as { cause?: unknown }).cause).not.toBeInstanceOf(CognitoIdentityProviderServiceException);
      }
    } finally {
      down.destroy();
    }
  });
});
