import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '../db/keys.js';
import type { WriteOp } from '../db/transact.js';

/**
 * A person's sign-in credential for the local sign-in: one per email for the whole service, so
 * someone who works in several partnerships (or administers the platform) has one password, set
 * once from their first invitation. Each partnership's record of them says only what they may do
 * there. In AWS, Cognito holds the password instead and nothing is stored here.
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
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: platformKeys.credential(email), ConsistentRead: true }));
    return res.Item ? { email: String(res.Item.email), passwordHash: String(res.Item.passwordHash), setAt: String(res.Item.setAt) } : null;
  }

  /** Write op: the person's password, replacing any before it (with the change that sets it). */
  setCredentialOp(credential: Credential): WriteOp {
    return { item: { Put: { TableName: this.table, Item: this.credentialItem(credential) } } };
  }

  /** A credential's item (for the seed and the migration too). */
  credentialItem(c: Credential): Record<string, unknown> {
    return { ...platformKeys.credential(c.email), entity: 'Credential', email: c.email.toLowerCase(), passwordHash: c.passwordHash, setAt: c.setAt };
  }
}
