import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/auth/roles.js';
import { userKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import { MAIN_TABLE } from '../db/table-design.js';
import type { WriteOp } from '../db/transact.js';
import { NotFound, type AppError } from '../http/errors.js';

/** A local-mode user (in AWS, users live in Cognito). */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  passwordHash: string;
  lastSignInAt?: string;
  /** Absent on records written before deactivation existed: absent means active. */
  status?: UserStatus;
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
}

/** Whether a person may use the portal. A removed person has no record at all. */
export type UserStatus = 'active' | 'deactivated';

/** What the server's own records say about a signed-in person's access. */
export type UserAccess = UserStatus | 'removed';

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
   * Access pattern "user status by email": one strongly consistent GetItem reading only the status,
   * used on every authenticated request (through a short cache) to refuse removed or deactivated
   * people whose tokens have not yet expired.
   */
  async getUserAccess(email: string): Promise<UserAccess> {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: userKeys.user(this.pid, email),
        ConsistentRead: true,
        // The key is projected too, so a record without a status still comes back (absent = active).
        ProjectionExpression: '#k, #s',
        ExpressionAttributeNames: { '#k': 'pk', '#s': 'status' },
      }),
    );
    if (!res.Item) return 'removed';
    return res.Item.status === 'deactivated' ? 'deactivated' : 'active';
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
      ProjectionExpression: '#id, #name, email, #role, agencyId, signatory, #status',
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

  /** Item for seeding. */
  userItem(user: UserRecord): Record<string, unknown> {
    return { ...userKeys.user(this.pid, user.email), ...userKeys.byPartnership(this.pid, user.role, user.email), entity: 'User', ...user };
  }
}
