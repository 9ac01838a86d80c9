import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ROLE_LABELS } from '../../shared/auth/roles.js';
import type { Me } from '../../shared/auth/roles.js';
import {
  INVITATION_DAYS,
  type InvitePersonRequest,
  matchesPeopleQuery,
  type PeopleQuery,
  type PersonView,
  managesPeople,
  personProblems,
  type SetPasswordRequest,
  type UpdatePersonRequest,
} from '../../shared/users/schema.js';
import { isRetired } from '../../shared/partnership/period-scope.js';
import { hashPassword } from '../auth/passwords.js';
import type { DirectoryPerson, IdentityDirectory } from '../auth/directory.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, Unprocessable, ValidationFailed } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/mailer.js';
import { accessChanged, addedToPartnership, invitation } from '../mail/templates.js';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { AuditRepository } from '../repositories/audit-repository.js';
import type { MailStopRepository } from '../repositories/mail-stop-repository.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import { type UserRecord, type UserRepository, personView } from '../repositories/user-repository.js';
import { assertVersion } from '../repositories/version-guard.js';

/** Who may manage whom: the lead everyone; an agency administrator the partners of their own agency. */
type Scope = { all: true } | { all: false; agencyId: string };

export interface PeopleDeps {
  users: UserRepository;
  mailStops: MailStopRepository;
  partnership: PartnershipRepository;
  audit: AuditRepository;
  writer: Writer;
  directory: IdentityDirectory;
  mailer: Mailer;
  portalUrl: string;
  /** Sign-in credentials, one per person for the whole service (local sign-in). */
  accounts: AccountRepository;
  /** The other partnerships the person works in (active there), by id: one account serves them all. */
  worksElsewhere: (email: string) => Promise<{ id: string }[]>;
  logger?: Logger;
}

/** A set-password link's token (given once, in the email) and what is stored of it. */
export interface InvitationToken {
  token: string;
  hash: string;
  expiresAt: string;
}

/**
 * A person about to be invited: their record, and the set-password link's token with the local
 * sign-in (null with Cognito, and for someone who has an account already: they are added, active,
 * and told so, with no new password).
 */
export interface NewInvitation {
  user: UserRecord;
  token: InvitationToken | null;
  hasAccount: boolean;
}

/** What an invitation did: the person, and whether the portal's own email went (local sign-in). */
export interface InviteResult {
  person: PersonView;
  invitationSent: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const DAY_MS = 86_400_000;

/**
 * People of the partnership: the lead invites, changes, deactivates and reactivates anyone; an
 * agency administrator does the same for the partners of their own agency. Every change is one
 * transaction with its audit event and a check that the person acting still holds the power they
 * act with; then the sign-in directory is brought in step (Cognito in AWS) and the person told.
 */
export class PeopleService {
  constructor(private readonly d: PeopleDeps) {}

  async list(actor: Me, q: PeopleQuery, now: Date): Promise<{ people: PersonView[] }> {
    const scope = scopeOf(actor);
    const [all, stops] = await Promise.all([this.d.users.listPersons(), this.stops()]);
    const people = all
      .map((p) => ({ ...p, emailStopped: stops.get(p.email) ?? null }))
      .filter((p) => inScope(scope, p) && matchesPeopleQuery(p, q, now))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.email.localeCompare(b.email));
    return { people };
  }

  async get(actor: Me, id: string): Promise<{ person: PersonView; history: { at: string; action: string; summary: string; by: string }[] }> {
    const user = await this.target(actor, id);
    // Sign-ins are recorded against the person too: the account's history leaves them out.
    const read = await this.d.audit.listEventsOfRecord('user', user.id, { newestFirst: true, limit: 200 });
    const history = read.hits
      .map((h) => h.event)
      .filter((e) => e.action !== 'auth.sign-in')
      .slice(0, 50)
      .map((e) => ({ at: e.at, action: e.action, summary: e.summary, by: e.actor.name }));
    return { person: { ...personView(user), emailStopped: (await this.stops()).get(user.email) ?? null }, history };
  }

  /** Addresses mail no longer goes to (bounced or complained), by address. */
  private async stops() {
    return new Map((await this.d.mailStops.list()).map((s) => [s.email, { reason: s.reason, at: s.at }]));
  }

  async invite(actor: Me, input: InvitePersonRequest, ctx: WriteContext): Promise<InviteResult> {
    const scope = scopeOf(actor);
    if (!scope.all && (input.role !== 'partner' || input.agencyId !== scope.agencyId || input.agencyAdmin)) {
      throw new Forbidden(`As an agency administrator you can invite partner agency officers of your own agency only. Ask the programme lead for anything else.`);
    }
    const agencies = await this.checkPerson(input);
    if (await this.d.users.getUserByEmail(input.email)) throw new Conflict(`${input.email} already has an account. Find them in the list of people instead.`);
    const invitation = await this.newInvitation(input, actor.name, ctx.now);
    const { user } = invitation;
    const conflict = () => new Conflict(`${input.email} already has an account. Find them in the list of people instead.`);
    const summary = invitation.hasAccount
      ? `Added ${user.name}, who has an account in another partnership, as ${describeRole(user, agencies)}`
      : `Invited ${user.name} as ${describeRole(user, agencies)}`;
    await this.d.writer.write(
      [...this.d.users.createOps(user, conflict), this.actorHolds(actor, scope)],
      { action: 'user.invite', entityType: 'user', entityId: user.id, summary, after: personView(user) },
      ctx,
    );
    return { person: personView(user), invitationSent: await this.sendNewInvitation(invitation, agencies) };
  }

  /**
   * A new person's record, invited by `invitedBy` (a name), and with the local sign-in the token of
   * their set-password link: what {@link invite} writes, and what creating a partnership writes for
   * its first lead (platform-service.ts), each in its own transaction. Nothing is written here.
   */
  async newInvitation(
    person: Pick<UserRecord, 'name' | 'email' | 'role' | 'agencyId' | 'signatory'> & { agencyAdmin: boolean },
    invitedBy: string,
    now: Date,
  ): Promise<NewInvitation> {
    const id = randomUUID();
    const hasAccount = await this.hasAccount(person.email);
    const token = this.d.directory.portalInvitations && !hasAccount ? newInvitationToken(now, id) : null;
    const user: UserRecord = {
      id,
      email: person.email,
      name: person.name,
      role: person.role,
      agencyId: person.agencyId,
      signatory: person.signatory,
      agencyAdmin: person.agencyAdmin,
      // Someone with an account already signs in with it: active here at once.
      status: hasAccount ? 'active' : 'invited',
      invitedAt: now.toISOString(),
      invitedBy,
      ...(token ? { invitation: { tokenHash: token.hash, expiresAt: token.expiresAt } } : {}),
      version: 1,
      unsubscribeKey: randomBytes(24).toString('base64url'),
    };
    return { user, token, hasAccount };
  }

  /** Whether the person can sign in already: a password of their own (local), or a place in another partnership. */
  private async hasAccount(email: string): Promise<boolean> {
    const [credential, elsewhere] = await Promise.all([this.d.directory.portalInvitations ? this.d.accounts.getCredential(email) : null, this.d.worksElsewhere(email)]);
    return credential !== null || elsewhere.length > 0;
  }

  /**
   * Once a {@link newInvitation}'s record is saved: the person's account in the sign-in directory
   * (Cognito in AWS, which sends its own invitation), then with the local sign-in the portal's own
   * email, whose link opens this partnership. False when that email could not be sent.
   */
  async sendNewInvitation({ user, token, hasAccount }: NewInvitation, agencies: { id: string; name: string }[]): Promise<boolean> {
    await this.d.directory.createAccount(directoryPerson(user), { resend: false });
    if (hasAccount) {
      const content = addedToPartnership({
        partnershipName: await this.partnershipName(),
        name: user.name,
        addedBy: user.invitedBy ?? 'The programme lead',
        roleDescription: describeRole(user, agencies),
        url: this.d.portalUrl,
      });
      return this.send(user.email, content, 'added');
    }
    return token ? this.sendInvitation(user, token, agencies) : true;
  }

  async update(actor: Me, id: string, input: UpdatePersonRequest, expected: number, ctx: WriteContext): Promise<PersonView> {
    const user = await this.target(actor, id);
    assertVersion({ version: user.version ?? 1 }, expected);
    const scope = scopeOf(actor);
    const changing = (k: keyof UpdatePersonRequest) => input[k] !== undefined && input[k] !== (k === 'agencyAdmin' ? user.agencyAdmin === true : user[k]);
    if (user.id === actor.id && (changing('role') || changing('agencyId') || changing('agencyAdmin'))) {
      throw new Unprocessable('You cannot change your own role, agency or administrator rights. Ask another programme lead.', [
        { path: 'role', message: 'You cannot change your own role' },
      ]);
    }
    if (!scope.all && (changing('role') || changing('agencyId') || changing('agencyAdmin'))) {
      throw new Forbidden('As an agency administrator you can change a person’s name and whether they sign for your agency. Ask the programme lead to change anything else.');
    }
    const next = {
      name: input.name ?? user.name,
      role: input.role ?? user.role,
      agencyId: input.agencyId !== undefined ? input.agencyId : user.agencyId,
      signatory: input.signatory ?? user.signatory,
      agencyAdmin: input.agencyAdmin ?? user.agencyAdmin === true,
    };
    // A new role takes only the flags it can hold: a partner made executive stops signing.
    if (next.role !== 'partner') Object.assign(next, { signatory: input.signatory ?? false, agencyAdmin: input.agencyAdmin ?? false });
    if (next.role === 'executive' && input.agencyId === undefined) next.agencyId = null;
    const agencies = await this.checkPerson(next, user.agencyId);
    const changes = diff(user, next);
    if (Object.keys(changes).length === 0) return personView(user);
    const after: UserRecord = { ...user, ...next, version: (user.version ?? 1) + 1 };
    await this.d.writer.write(
      [this.d.users.updateOp(user, next, [], expected, () => new PreconditionFailed()), this.actorHolds(actor, scope)],
      { action: 'user.update', entityType: 'user', entityId: user.id, summary: `Changed ${user.name}: ${changeWords(changes, agencies).join('; ')}`, changes },
      ctx,
    );
    await this.d.directory.sync(await this.directoryPerson(after));
    const told = accessWords(user, after, agencies);
    if (told.length) await this.tell(after, actor.name, told);
    return personView(after);
  }

  /** Deactivate (`active: false`) or reactivate. Repeating one finishes the directory's part. */
  async setActive(actor: Me, id: string, active: boolean, expected: number, ctx: WriteContext): Promise<PersonView> {
    const user = await this.target(actor, id);
    assertVersion({ version: user.version ?? 1 }, expected);
    if (user.id === actor.id) throw new Unprocessable(`You cannot ${active ? 'reactivate' : 'deactivate'} yourself. Ask another programme lead.`);
    const wasActive = user.status !== 'deactivated';
    if (wasActive === active) {
      await this.d.directory.sync(await this.directoryPerson(user));
      return personView(user);
    }
    // Reactivated: back to invited if they never set a password (local) and have no account, else active.
    const neverJoined = user.status === 'deactivated' && !user.passwordHash && !user.lastSignInAt && this.d.directory.portalInvitations && !(await this.hasAccount(user.email));
    const status = active ? (neverJoined ? 'invited' : 'active') : 'deactivated';
    const after: UserRecord = { ...user, status, version: (user.version ?? 1) + 1 };
    await this.d.writer.write(
      [this.d.users.updateOp(user, { status }, [], expected, () => new PreconditionFailed()), this.actorHolds(actor, scopeOf(actor))],
      {
        action: active ? 'user.reactivate' : 'user.deactivate',
        entityType: 'user',
        entityId: user.id,
        summary: `${active ? 'Reactivated' : 'Deactivated'} ${user.name}`,
        changes: { status: { from: personView(user).status, to: personView(after).status } },
      },
      ctx,
    );
    await this.d.directory.sync(await this.directoryPerson(after));
    await this.tell(after, actor.name, [
      active ? 'You can use the portal again.' : 'You can no longer use this partnership’s pages. Anyone signed in as you has been signed out of them.',
    ]);
    return personView(after);
  }

  /** A new invitation for someone who has not yet signed in: a fresh link (local) or Cognito's resend. */
  async resendInvitation(actor: Me, id: string, expected: number, ctx: WriteContext): Promise<InviteResult> {
    const user = await this.target(actor, id);
    assertVersion({ version: user.version ?? 1 }, expected);
    if (user.status !== 'invited') {
      throw new Unprocessable(
        user.status === 'deactivated'
          ? `${user.name} is deactivated. Reactivate them first.`
          : `${user.name} has already set a password and signed in, so there is no invitation to send.`,
      );
    }
    const token = this.d.directory.portalInvitations ? newInvitationToken(ctx.now, user.id) : null;
    const set: Partial<UserRecord> = token
      ? { invitation: { tokenHash: token.hash, expiresAt: token.expiresAt }, invitedAt: ctx.now.toISOString(), invitedBy: actor.name }
      : { invitedAt: ctx.now.toISOString(), invitedBy: actor.name };
    const after: UserRecord = { ...user, ...set, version: (user.version ?? 1) + 1 };
    await this.d.writer.write(
      [this.d.users.updateOp(user, set, [], expected, () => new PreconditionFailed()), this.actorHolds(actor, scopeOf(actor))],
      { action: 'user.resend-invitation', entityType: 'user', entityId: user.id, summary: `Sent ${user.name} a new invitation` },
      ctx,
    );
    await this.d.directory.createAccount(directoryPerson(after), { resend: true });
    const invitationSent = token ? await this.sendInvitation(after, token, (await this.d.partnership.getPartnershipData()).agencies) : true;
    return { person: personView(after), invitationSent };
  }

  /** The invitation a set-password link names, while it still works (local sign-in). */
  async checkInvitation(token: string, now: Date): Promise<{ name: string; email: string; expiresAt: string }> {
    const user = await this.invited(token, now);
    return { name: user.name, email: user.email, expiresAt: user.invitation!.expiresAt };
  }

  /** Sets the password of an invited person from their link; the link then stops working. */
  async setPassword(input: SetPasswordRequest, ctx: { requestId: string; now: Date }): Promise<{ email: string }> {
    const user = await this.invited(input.token, ctx.now);
    if (input.password.toLowerCase().includes(user.email.split('@')[0]!.toLowerCase())) {
      throw new ValidationFailed([{ path: 'password', message: 'Your password must not contain your email address' }]);
    }
    const passwordHash = await hashPassword(input.password);
    const version = user.version ?? 1;
    // One password for every partnership the person works in (a record's own hash, from before, goes).
    await this.d.writer.write(
      [
        this.d.users.updateOp(user, { status: 'active' }, ['invitation', 'passwordHash'], version, () => new NotFound(LINK_USED)),
        this.d.accounts.setCredentialOp({ email: user.email, passwordHash, setAt: ctx.now.toISOString() }),
      ],
      { action: 'user.set-password', entityType: 'user', entityId: user.id, summary: `${user.name} set their password and joined` },
      { actor: { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId }, requestId: ctx.requestId, now: ctx.now },
    );
    return { email: user.email };
  }

  private async invited(token: string, now: Date): Promise<UserRecord> {
    const [id, secret] = token.split('.');
    const user = id && secret ? await this.d.users.getById(id) : null;
    const stored = user?.invitation?.tokenHash;
    const given = secret ? sha256(secret) : '';
    if (!user || !stored || stored.length !== given.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(given)) || user.status !== 'invited') throw new NotFound(LINK_USED);
    if (Date.parse(user.invitation!.expiresAt) <= now.getTime()) throw new NotFound(LINK_EXPIRED);
    return user;
  }

  /**
   * The person as the sign-in directory should have them: one account serves every partnership
   * they work in, so deactivating them here leaves it enabled while they are active in another
   * (only Cognito asks; the local sign-in reads each partnership's record).
   */
  private async directoryPerson(u: UserRecord): Promise<DirectoryPerson> {
    const person = directoryPerson(u);
    if (person.active || this.d.directory.portalInvitations) return person;
    return { ...person, active: (await this.d.worksElsewhere(u.email)).length > 0 };
  }

  /** The person an action names, if the actor may manage them (404 for no such person). */
  private async target(actor: Me, id: string): Promise<UserRecord> {
    const scope = scopeOf(actor);
    const user = await this.d.users.getById(id);
    if (!user) throw new NotFound('There is no such person. They may have been removed: go back to the list of people.');
    if (!inScope(scope, personView(user))) throw new Forbidden('As an agency administrator you can manage the partner agency officers of your own agency only.');
    return user;
  }

  private actorHolds(actor: Me, scope: Scope) {
    return this.d.users.actorHoldsOp(
      actor.email,
      scope.all ? { role: 'lead' } : { agencyAdminOf: scope.agencyId },
      () => new Forbidden('Your own access has changed, so you can no longer manage people. Reload the page.'),
    );
  }

  /**
   * Role and agency rules, and that the agency exists and is in use (a retired one stays only for
   * someone already in it, `current`); the agencies, for words.
   */
  private async checkPerson(p: { role: UserRecord['role']; agencyId: string | null; signatory: boolean; agencyAdmin: boolean }, current?: string | null) {
    const problems = personProblems(p);
    const { agencies } = await this.d.partnership.getPartnershipData();
    const agency = p.agencyId ? agencies.find((a) => a.id === p.agencyId) : undefined;
    if (p.agencyId && !agency) problems.push({ path: 'agencyId', message: 'Choose one of the partnership’s agencies' });
    else if (agency && isRetired(agency) && agency.id !== current)
      problems.push({ path: 'agencyId', message: `${agency.name} is retired from the partnership. Choose an agency in use` });
    if (problems.length) throw new ValidationFailed(problems, 'Some answers do not fit together. Correct them and try again.');
    return agencies;
  }

  private async sendInvitation(user: UserRecord, token: { token: string; expiresAt: string }, agencies: { id: string; name: string }[]): Promise<boolean> {
    const name = await this.partnershipName();
    const content = invitation({
      partnershipName: name,
      name: user.name,
      invitedBy: user.invitedBy ?? 'The programme lead',
      roleDescription: describeRole(user, agencies),
      url: `${this.d.portalUrl}/set-password#token=${token.token}`,
      expiresOn: new Date(Date.parse(token.expiresAt) - 1).toISOString().slice(0, 10),
    });
    return this.send(user.email, content, 'invitation');
  }

  private async tell(user: UserRecord, by: string, changes: string[]): Promise<void> {
    if (user.status === 'invited') return;
    await this.send(user.email, accessChanged({ partnershipName: await this.partnershipName(), name: user.name, changedBy: by, changes, url: this.d.portalUrl }), 'access-changed');
  }

  /** Mail after the change is saved: a failure is logged and reported, never undoes the change. */
  private async send(to: string, content: { subject: string; text: string; html: string }, kind: string): Promise<boolean> {
    // Not to an address that bounced for good or complained: the person page says so instead.
    if ((await this.d.mailStops.addresses()).has(to.toLowerCase())) return false;
    try {
      await this.d.mailer.send({ to: [to], ...content });
      return true;
    } catch (err) {
      this.d.logger?.warn('email not sent', { kind, err: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }

  private async partnershipName(): Promise<string> {
    return (await this.d.partnership.getPartnership())?.name ?? 'safeguarding partnership';
  }
}

const LINK_USED = 'This link has already been used or is not right. If you have not set your password yet, ask whoever invited you to send a new invitation.';
const LINK_EXPIRED = 'This link has expired: invitations work for 7 days. Ask whoever invited you to send a new one.';

/** A set-password link's token, `<person id>.<secret>`; only the secret's hash is stored. */
function newInvitationToken(now: Date, id: string): InvitationToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${id}.${secret}`, hash: sha256(secret), expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString() };
}

function scopeOf(actor: Me): Scope {
  if (!managesPeople(actor)) throw new Forbidden('Only the programme lead and agency administrators can manage people.');
  return actor.role === 'lead' ? { all: true } : { all: false, agencyId: actor.agencyId! };
}

const inScope = (scope: Scope, p: Pick<PersonView, 'role' | 'agencyId'>) => scope.all || (p.role === 'partner' && p.agencyId === scope.agencyId);

function directoryPerson(u: UserRecord): DirectoryPerson {
  return { email: u.email, name: u.name, role: u.role, agencyId: u.agencyId, signatory: u.signatory, active: u.status !== 'deactivated' };
}

/** "a partner agency officer for Kent Police". */
function describeRole(p: { role: UserRecord['role']; agencyId: string | null }, agencies: { id: string; name: string }[]): string {
  const agency = agencies.find((a) => a.id === p.agencyId)?.name;
  const role = ROLE_LABELS[p.role].toLowerCase();
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}${agency ? ` for ${agency}` : ''}`;
}

type Shape = { name: string; role: UserRecord['role']; agencyId: string | null; signatory: boolean; agencyAdmin: boolean };

function diff(before: UserRecord, after: Shape): Record<string, { from: unknown; to: unknown }> {
  const was: Shape = { name: before.name, role: before.role, agencyId: before.agencyId, signatory: before.signatory, agencyAdmin: before.agencyAdmin === true };
  return Object.fromEntries((Object.keys(was) as (keyof Shape)[]).filter((k) => was[k] !== after[k]).map((k) => [k, { from: was[k], to: after[k] }]));
}

const agencyName = (id: unknown, agencies: { id: string; name: string }[]) => (id ? (agencies.find((a) => a.id === id)?.name ?? String(id)) : 'no agency');

function changeWords(changes: Record<string, { from: unknown; to: unknown }>, agencies: { id: string; name: string }[]): string[] {
  return Object.entries(changes).map(([k, c]) => {
    if (k === 'role') return `role from ${ROLE_LABELS[c.from as UserRecord['role']].toLowerCase()} to ${ROLE_LABELS[c.to as UserRecord['role']].toLowerCase()}`;
    if (k === 'agencyId') return `agency from ${agencyName(c.from, agencies)} to ${agencyName(c.to, agencies)}`;
    if (k === 'signatory') return c.to ? 'now signs for their agency' : 'no longer signs for their agency';
    if (k === 'agencyAdmin') return c.to ? 'now manages their agency’s people' : 'no longer manages their agency’s people';
    return `name from ${String(c.from)} to ${String(c.to)}`;
  });
}

/** What the person is told about a change to their own access (a name change is not news to them). */
function accessWords(before: UserRecord, after: UserRecord, agencies: { id: string; name: string }[]): string[] {
  const words: string[] = [];
  if (before.role !== after.role || before.agencyId !== after.agencyId) words.push(`You are now ${describeRole(after, agencies)}.`);
  if (before.signatory !== after.signatory) words.push(after.signatory ? 'You now sign documents for your agency.' : 'You no longer sign documents for your agency.');
  if ((before.agencyAdmin === true) !== (after.agencyAdmin === true))
    words.push(after.agencyAdmin ? 'You can now invite and manage your agency’s people.' : 'You no longer manage your agency’s people.');
  return words;
}
