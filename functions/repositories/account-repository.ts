import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '../db/keys.js';
import type { WriteOp } from '../db/transact.js';
import type { AppError } from '../domain/errors.js';

/**
 * A person's sign-in credential for the local sign-in: one per email for the whole service, so
 * someone who works in several partnerships (or administers the platform) has one password, set
 * once from their first invitation. Each partnership's record of them says only what they may do
 * there. In AWS, Cognito holds the password instead and nothing is stored here.
 *
 * With two-step sign-in on, the credential also holds the authenticator's secret (`totpSecret`,
 * base32) and when it was set up. The secret leaves the table only to check a code: no read that
 * answers a request returns it.
 */
export interface Credential {
  email: string;
  passwordHash: string;
  setAt: string;
}

export class AccountRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Access pattern "credential by email": one strongly consistent GetItem (at sign-in and invitation only). */
  async getCredential(email: string): Promise<Credential | null> {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: platformKeys.credential(email),
        ConsistentRead: true,
        ProjectionExpression: 'email, passwordHash, setAt',
      }),
    );
    return res.Item ? { email: String(res.Item.email), passwordHash: String(res.Item.passwordHash), setAt: String(res.Item.setAt) } : null;
  }

  /** Access pattern "authenticator secret by email": to check a code (sign-in), null when two-step sign-in is off. */
  async getTotpSecret(email: string): Promise<string | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: platformKeys.credential(email), ConsistentRead: true, ProjectionExpression: 'totpSecret' }));
    return typeof res.Item?.totpSecret === 'string' ? res.Item.totpSecret : null;
  }

  /** Access pattern "has an authenticator": one GetItem reading whether the secret is there (never the secret). */
  async hasAuthenticator(email: string): Promise<boolean> {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: platformKeys.credential(email),
        ConsistentRead: true,
        ProjectionExpression: 'totpEnrolledAt',
      }),
    );
    return typeof res.Item?.totpEnrolledAt === 'string';
  }

  /**
   * Write op: the person's password, replacing any before it (with the change that sets it). An
   * update, not a put: an authenticator already set up stays.
   */
  setCredentialOp(credential: Credential): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: platformKeys.credential(credential.email),
          UpdateExpression: 'SET entity = :entity, email = :email, passwordHash = :hash, setAt = :at',
          ExpressionAttributeValues: { ':entity': 'Credential', ':email': credential.email.toLowerCase(), ':hash': credential.passwordHash, ':at': credential.setAt },
        },
      },
    };
  }

  /** Write op: turns two-step sign-in on with `secret` (the person has a password; they had no authenticator). */
  enrolAuthenticatorOp(email: string, secret: string, at: string, onAlready: () => AppError): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: platformKeys.credential(email),
          UpdateExpression: 'SET totpSecret = :secret, totpEnrolledAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(totpSecret)',
          ExpressionAttributeValues: { ':secret': secret, ':at': at },
        },
      },
      onConditionFailed: onAlready,
    };
  }

  /** Write op: turns two-step sign-in off (it was on). */
  removeAuthenticatorOp(email: string, onNone: () => AppError): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: platformKeys.credential(email),
          UpdateExpression: 'REMOVE totpSecret, totpEnrolledAt',
          ConditionExpression: 'attribute_exists(totpSecret)',
        },
      },
      onConditionFailed: onNone,
    };
  }

  /** A credential's item (for the seed and the migration too). */
  credentialItem(c: Credential): Record<string, unknown> {
    return { ...platformKeys.credential(c.email), entity: 'Credential', email: c.email.toLowerCase(), passwordHash: c.passwordHash, setAt: c.setAt };
  }
}
