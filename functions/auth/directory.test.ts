import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, ServiceUnavailable } from '../domain/errors.js';
import { CognitoDirectory } from './cognito-directory.js';
import { type DirectoryPerson, LocalDirectory } from './directory.js';

/**
 * The Cognito side of people administration, through the real SDK client with its transport
 * mocked: Cognito has no local stand-in here. What is checked is what the portal asks Cognito to
 * do (and in what order), and that a Cognito that fails gives a 503 saying how to finish the job.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-west-2_TEST';
const directory = () => new CognitoDirectory(new CognitoIdentityProviderClient({ region: 'eu-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), POOL, 2000);
const officer: DirectoryPerson = { email: 'dana.fox@police.example', name: 'Dana Fox', role: 'partner', agencyId: 'kent-police', signatory: true, active: true };
const sent = () => cognito.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name);

beforeEach(() => {
  cognito.reset();
  cognito.onAnyCommand().resolves({});
  cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
});

describe('CognitoDirectory', () => {
  it('when Cognito has no account for the person (UserNotFoundException), deactivating them is done, and any other change says to resend the invitation', async () => {
    const gone = new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
    cognito.on(AdminUpdateUserAttributesCommand).rejects(gone);
    await expect(directory().sync({ ...officer, active: false })).resolves.toBeUndefined();
    const err = await directory()
      .sync(officer)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).message).toBe('The change is saved, but Dana Fox has no sign-in account. Resend their invitation to create one.');
  });

  it('when someone is invited, Cognito creates the account with its invitation email, the attributes and the role group', async () => {
    await directory().createAccount(officer, { resend: false });
    const create = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
    expect(create).toMatchObject({ UserPoolId: POOL, Username: officer.email, DesiredDeliveryMediums: ['EMAIL'] });
    expect(create.MessageAction).toBeUndefined();
    expect(create.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: officer.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Dana Fox' },
        { Name: 'custom:agency', Value: 'kent-police' },
        { Name: 'custom:signatory', Value: 'true' },
      ]),
    );
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toMatchObject({ GroupName: 'partner' });
  });

  it('when an invitation is resent, Cognito is asked to RESEND', async () => {
    await directory().createAccount(officer, { resend: true });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.MessageAction).toBe('RESEND');
  });

  it('when the account already exists (a retry after a failure), the rest is finished instead of failing', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    await directory().createAccount(officer, { resend: false });
    expect(sent()).toContain('AdminAddUserToGroupCommand');
  });

  it('when a partner becomes an executive, their groups and agency follow the record', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'partner' }] });
    await directory().sync({ ...officer, role: 'executive', agencyId: null, signatory: false });
    expect(cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]!.args[0].input.UserAttributeNames).toEqual(['custom:agency']);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]!.args[0].input.GroupName).toBe('partner');
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('executive');
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
  });

  it('when someone is deactivated, the account is disabled and signed out everywhere', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'partner' }] });
    await directory().sync({ ...officer, active: false });
    const names = sent();
    expect(names).toContain('AdminDisableUserCommand');
    expect(names.indexOf('AdminUserGlobalSignOutCommand')).toBeGreaterThan(names.indexOf('AdminDisableUserCommand'));
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]!.args[0].input.Username).toBe(officer.email);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
  });

  it('when Cognito fails, the answer is a 503 that says the change is saved and how to finish it', async () => {
    cognito.on(AdminUpdateUserAttributesCommand).rejects(new Error('Rate exceeded'));
    const err = await directory()
      .sync(officer)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailable);
    expect((err as ServiceUnavailable).message).toMatch(/Try the same action again/);
  });
});

describe('LocalDirectory', () => {
  it('when used, it holds nothing of its own: the portal sends set-password links itself', async () => {
    const local = new LocalDirectory();
    expect(local.portalInvitations).toBe(true);
    await expect(local.createAccount()).resolves.toBeUndefined();
    await expect(local.sync()).resolves.toBeUndefined();
  });
});
