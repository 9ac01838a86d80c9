import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationChoices, OptionalKind } from '../../shared/notifications/kinds.js';
import { digestKeys, preferenceKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import { PreconditionFailed } from '../domain/errors.js';
import { versionCondition } from './version-guard.js';

export interface StoredPreferences {
  userId: string;
  choices: NotificationChoices;
  version: number;
}

/** A notification kept for someone's weekly summary. */
export interface DigestEntry {
  userId: string;
  at: string;
  eventId: string;
  kind: OptionalKind;
  /** The email's subject: what happened, in a line. */
  line: string;
  url: string;
}

/** People's email choices, and the notifications waiting for their weekly summary. */
export class PreferenceRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  async get(userId: string): Promise<StoredPreferences | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: preferenceKeys.person(this.pid, userId), ConsistentRead: true }));
    return res.Item ? { userId, choices: (res.Item.choices as NotificationChoices) ?? {}, version: Number(res.Item.version) } : null;
  }

  /** Access pattern "everyone's choices" (the outbox job): one Query of the partition. */
  async all(): Promise<Map<string, NotificationChoices>> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': preferenceKeys.partition(this.pid) } });
    return new Map(items.map((i) => [String(i.sk), (i.choices as NotificationChoices) ?? {}]));
  }

  /** Write op: the person's choices at the version read (0: none saved yet). */
  putOp(userId: string, choices: NotificationChoices, expected: number): WriteOp {
    return {
      item: {
        Put: {
          TableName: this.table,
          Item: { ...preferenceKeys.person(this.pid, userId), entity: 'Preferences', userId, choices, version: expected + 1 },
          ...versionCondition(expected),
        },
      },
      onConditionFailed: () => new PreconditionFailed(),
    };
  }

  async addToDigest(e: DigestEntry): Promise<void> {
    // Idempotent: the same event for the same person lands on the same key.
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { ...digestKeys.entry(this.pid, e.userId, e.at, e.eventId), entity: 'DigestEntry', ...e } }));
  }

  /** Access pattern "the week's summaries": one Query of the digest partition, by person then time. */
  async digest(): Promise<DigestEntry[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': digestKeys.partition(this.pid) } });
    return items.map(({ pk: _p, sk: _s, entity: _e, ...rest }) => rest as unknown as DigestEntry);
  }

  async removeFromDigest(e: DigestEntry): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: digestKeys.entry(this.pid, e.userId, e.at, e.eventId) }));
  }
}
