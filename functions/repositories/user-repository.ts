import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonStatus, PersonView } from '../../shared/users/schema.js';
import type { Role } from '../../shared/auth/roles.js';
import { userKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import { MAIN_TABLE } from '../db/table-design.js';
import type { WriteOp } from '../db/transact.js';
import { NotFound, type AppError } from '../http/errors.js';

/**
 * A person of the partnership: the server's own record of their role, agency and access, in both
 * modes. Locally it also holds the password hash and any set-password invitation; in AWS Cognito
 * holds the credentials and mirrors role and agency (functions/people/directory.ts).
 */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  /** A partner who manages their own agency's partners. Absent means no. */
  agencyAdmin?: boolean;
  /** Local sign-in only; absent until an invited person sets a password (and always in AWS). */
  passwordHash?: string;
  lastSignInAt?: string;
  /** Absent on records written before invitations and deactivation existed: absent means active. */
  status?: UserStatus;
  invitedAt?: string;
  /** Who invited them, by name. */
  invitedBy?: string;
  /** Local sign-in only: the set-password link's secret (as a SHA-256 hash) and expiry. */
  invitation?: { tokenHash: string; expiresAt: string };
  /** Absent on records written before people could be changed in the portal: absent means 1. */
  version?: number;
  /** The secret in this person's "stop emails like this one" links (absent: no such links yet). */
  unsubscribeKey?: string;
}

/** Someone the portal may email, as the job reads them. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  active: boolean;
  /** For the links that stop optional emails; absent on older records. */
  unsubscribeKey?: string;
}

/** Whether a person may use the portal. A removed person has no record at all. */
export type UserStatus = PersonStatus;

/** What the server's own records say about a signed-in person's access. */
export type UserAccess = 'active' | 'deactivated' | 'removed';

/**
 * What the authentication check reads on every request: access, and the role, agency and flags
 * the server's record gives the person (which win over a token issued before a change).
 */
export interface AccountState {
  access: UserAccess;
  role?: Role;
  agencyId?: string | null;
  signatory?: boolean;
  agencyAdmin?: boolean;
}

const ACCOUNT_ATTRIBUTES = ['status', 'role', 'agencyId', 'signatory', 'agencyAdmin'] as const;
/** Attributes of a person's view: never the password hash or the invitation's secret. */
const VIEW_ATTRIBUTES = [
  'id',
  'name',
  'email',
  'role',
  'agencyId',
  'signatory',
  'agencyAdmin',
  'status',
  'invitedAt',
  'invitedBy',
  'invitation',
  'lastSignInAt',
  'version',
] as const;
const projection = (attrs: readonly string[]) => ({
  ProjectionExpression: ['#k', ...attrs.map((_, i) => `#a${i}`)].join(', '),
  ExpressionAttributeNames: { '#k': 'pk', ...Object.fromEntries(attrs.map((a, i) => [`#a${i}`, a])) },
});

/** The person as the people pages show them. */
export function personView(r: Partial<UserRecord>): PersonView {
  return {
    id: String(r.id),
    name: String(r.name),
    email: String(r.email),
    role: r.role as Role,
    agencyId: r.agencyId ?? null,
    signatory: r.signatory === true,
    agencyAdmin: r.agencyAdmin === true,
    status: r.status === 'deactivated' ? 'deactivated' : r.status === 'invited' ? 'invited' : 'active',
    invitedAt: r.invitedAt ?? null,
    invitedBy: r.invitedBy ?? null,
    invitationExpiresAt: r.invitation?.expiresAt ?? null,
    lastSignInAt: r.lastSignInAt ?? null,
    emailStopped: null,
    version: r.version ?? 1,
  };
}

export class UserRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: userKeys.user(this.pid, email), ConsistentRead: true }));
    return (res.Item as UserRecord | undefined) ?? null;
  }

  /**
   * Access pattern "account by email": one strongly consistent GetItem reading only the status,
   * role, agency and flags (never the password hash), used on every authenticated request (through
   * a short cache) to refuse removed or deactivated people whose tokens have not yet expired, and to
   * apply a change of role within the same 60 s. An invited person who holds a valid token has
   * signed in (Cognito's temporary password), so counts as active.
   */
  async getAccount(email: string): Promise<AccountState> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: userKeys.user(this.pid, email), ConsistentRead: true, ...projection(ACCOUNT_ATTRIBUTES) }));
    const i = res.Item;
    if (!i) return { access: 'removed' };
    return {
      access: i.status === 'deactivated' ? 'deactivated' : 'active',
      role: i.role as Role,
      agencyId: (i.agencyId as string | null | undefined) ?? null,
      signatory: i.signatory === true,
      agencyAdmin: i.agencyAdmin === true,
    };
  }

  /** Access pattern "person by id": the id's pointer, then the record (two GetItems). */
  async getById(id: string): Promise<UserRecord | null> {
    const pointer = await this.doc.send(new GetCommand({ TableName: this.table, Key: userKeys.byId(this.pid, id), ConsistentRead: true }));
    const email = pointer.Item?.email;
    if (typeof email !== 'string') return null;
    const user = await this.getUserByEmail(email);
    return user?.id === id ? user : null;
  }

  /** Access pattern "the person list": one paged Query of gsi1, with what the list shows. */
  async listPersons(): Promise<PersonView[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': userKeys.byPartnership(this.pid, '', '').gsi1pk },
      ...projection(VIEW_ATTRIBUTES),
    });
    return items.map((i) => personView(i as Partial<UserRecord>));
  }

  /**
   * The password hashes this partnership's records still hold from before one credential served
   * every partnership (for the migration only: one paged Query of gsi1).
   */
  async listRecordPasswords(): Promise<{ email: string; passwordHash: string }[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: 'attribute_exists(passwordHash)',
      ExpressionAttributeValues: { ':pk': userKeys.byPartnership(this.pid, '', '').gsi1pk },
      ProjectionExpression: 'email, passwordHash',
    });
    return items.map((i) => ({ email: String(i.email), passwordHash: String(i.passwordHash) }));
  }

  /** Write ops: a new person and their id's pointer (a taken email answers `onTaken`). */
  createOps(user: UserRecord, onTaken: () => AppError): WriteOp[] {
    return [
      { item: { Put: { TableName: this.table, Item: this.userItem(user), ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: onTaken },
      { item: { Put: { TableName: this.table, Item: this.pointerItem(user), ConditionExpression: 'attribute_not_exists(pk)' } } },
    ];
  }

  /**
   * Write op: set some of a person's attributes (and remove others) at the version read; the
   * version goes up by one. A record written before versions existed counts as version 1.
   */
  updateOp(user: UserRecord, set: Partial<UserRecord>, remove: readonly (keyof UserRecord)[], expected: number, onStale: () => AppError): WriteOp {
    const next: Partial<UserRecord> & Record<string, unknown> = { ...set, version: expected + 1 };
    if (set.role && set.role !== user.role) Object.assign(next, userKeys.byPartnership(this.pid, set.role, user.email));
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':expected': expected, ':one': 1 };
    const sets = Object.entries(next).map(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const removes = remove.map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    });
    names['#v'] = 'version';
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: userKeys.user(this.pid, user.email),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk) AND (#v = :expected OR (attribute_not_exists(#v) AND :expected = :one))',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: onStale,
    };
  }

  /**
   * Write op: check, inside the transaction, that the person acting still holds the power they act
   * with (an active lead, or an active administrator of `agencyId`), so two leads removing each
   * other at once cannot leave the partnership without one.
   */
  actorHoldsOp(email: string, power: { role: 'lead' } | { agencyAdminOf: string }, onLost: () => AppError): WriteOp {
    const lead = 'role' in power;
    return {
      item: {
        ConditionCheck: {
          TableName: this.table,
          Key: userKeys.user(this.pid, email),
          ConditionExpression: lead
            ? '#role = :lead AND (attribute_not_exists(#s) OR #s <> :off)'
            : '#role = :partner AND agencyAdmin = :yes AND agencyId = :agency AND (attribute_not_exists(#s) OR #s <> :off)',
          ExpressionAttributeNames: { '#role': 'role', '#s': 'status' },
          ExpressionAttributeValues: lead
            ? { ':lead': 'lead', ':off': 'deactivated' }
            : { ':partner': 'partner', ':yes': true, ':agency': power.agencyAdminOf, ':off': 'deactivated' },
        },
      },
      onConditionFailed: onLost,
    };
  }

  /**
   * Access pattern "people of the partnership": one paged Query of gsi1 (by role, then email),
   * reading only id, name, role and agency (never the password hash or the email address).
   */
  async listPeople(): Promise<Pick<UserRecord, 'id' | 'name' | 'role' | 'agencyId'>[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': userKeys.byPartnership(this.pid, '', '').gsi1pk },
      ProjectionExpression: '#id, #name, #role, agencyId',
      ExpressionAttributeNames: { '#id': 'id', '#name': 'name', '#role': 'role' },
    });
    return items.map((i) => ({ id: String(i.id), name: String(i.name), role: i.role as Role, agencyId: (i.agencyId as string | null | undefined) ?? null }));
  }

  /**
   * Access pattern "people to notify": the same Query of gsi1 as {@link listPeople}, with what mail
   * needs (address, role, agency, signatory, status); never the password hash. For jobs, not pages.
   */
  async listRecipients(): Promise<Recipient[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': userKeys.byPartnership(this.pid, '', '').gsi1pk },
      ProjectionExpression: '#id, #name, email, #role, agencyId, signatory, #status, unsubscribeKey',
      ExpressionAttributeNames: { '#id': 'id', '#name': 'name', '#role': 'role', '#status': 'status' },
    });
    return items.map((i) => ({
      id: String(i.id),
      name: String(i.name),
      email: String(i.email),
      role: i.role as Role,
      agencyId: (i.agencyId as string | null | undefined) ?? null,
      signatory: i.signatory === true,
      active: i.status !== 'deactivated',
      ...(typeof i.unsubscribeKey === 'string' ? { unsubscribeKey: i.unsubscribeKey } : {}),
    }));
  }

  /** Write op: deactivate a person (guarded: the user must exist). Their sessions end within 60 s. */
  deactivateUserOp(email: string): WriteOp {
    return this.setStatusOp(email, 'deactivated');
  }

  /** Write op: give a deactivated person their access back (guarded: the user must exist). */
  reactivateUserOp(email: string): WriteOp {
    return this.setStatusOp(email, 'active');
  }

  private setStatusOp(email: string, status: UserStatus): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: userKeys.user(this.pid, email),
          UpdateExpression: 'SET #s = :s',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': status },
        },
      },
      onConditionFailed: () => new NotFound(`There is no user ${email}.`),
    };
  }

  /**
   * Write op: record a successful sign-in (guarded: the user must still exist and not have been
   * deactivated since the password was checked; `onRefused` is the caller's error for that case).
   */
  recordSignInOp(email: string, at: string, onRefused?: () => AppError): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: userKeys.user(this.pid, email),
          UpdateExpression: 'SET lastSignInAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#s) OR #s <> :deactivated)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':at': at, ':deactivated': 'deactivated' },
        },
      },
      ...(onRefused ? { onConditionFailed: onRefused } : {}),
    };
  }

  /** A person's item (for seeding and {@link createOps}). */
  userItem(user: UserRecord): Record<string, unknown> {
    return { ...userKeys.user(this.pid, user.email), ...userKeys.byPartnership(this.pid, user.role, user.email), entity: 'User', version: 1, ...user };
  }

  /** The item that finds a person's email from their id (for seeding and {@link createOps}). */
  pointerItem(user: Pick<UserRecord, 'id' | 'email'>): Record<string, unknown> {
    return { ...userKeys.byId(this.pid, user.id), entity: 'UserId', email: user.email.toLowerCase() };
  }
}
