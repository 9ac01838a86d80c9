import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/auth/roles.js';
import { userKeys } from '../db/keys.js';
import type { WriteOp } from '../db/transact.js';

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

  /** Write op: record a successful sign-in (guarded: the user must still exist). */
  recordSignInOp(email: string, at: string): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: userKeys.user(this.pid, email),
          UpdateExpression: 'SET lastSignInAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        },
      },
    };
  }

  /** Item for seeding. */
  userItem(user: UserRecord): Record<string, unknown> {
    return { ...userKeys.user(this.pid, user.email), ...userKeys.byPartnership(this.pid, user.role, user.email), entity: 'User', ...user };
  }
}
