import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../db/transact.js';
import { outboxKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { NotificationKind } from '../notify/events.js';

/** A change that tells someone, waiting to be sent: the ids it is about, never its text. */
export interface OutboxEntry {
  kind: NotificationKind;
  eventId: string;
  at: string;
  entityType: string;
  entityId: string;
  /** Who made the change, by name (for "Jordan Ellis has returned…"). */
  actorName: string;
  attempts: number;
  /** Not before this instant (backoff after a failed send). */
  notBefore: string;
}

/**
 * The notification outbox: one item per change that tells someone, written in the change's own
 * transaction (so a change is never lost nor told twice) and removed once everyone is told.
 */
export class OutboxRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** The item to put in the change's transaction. */
  item(kind: NotificationKind, event: AuditEvent): Record<string, unknown> {
    const entry: OutboxEntry = {
      kind,
      eventId: event.eventId,
      at: event.at,
      entityType: event.entityType,
      entityId: event.entityId,
      actorName: event.actor.name,
      attempts: 0,
      notBefore: event.at,
    };
    return { ...outboxKeys.entry(this.pid, event.at, event.eventId), entity: 'OutboxEntry', ...entry };
  }

  /** Access pattern "what is waiting to be sent": one Query of the outbox partition, oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': outboxKeys.partition(this.pid) } });
    return items.map(({ pk: _p, sk: _s, entity: _e, ...rest }) => rest as unknown as OutboxEntry);
  }

  /** Everyone has been told (or given up on): the entry goes. */
  async remove(e: OutboxEntry): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: outboxKeys.entry(this.pid, e.at, e.eventId) }));
  }

  /** Some sends failed: try again after `notBefore`. */
  async later(e: OutboxEntry, notBefore: Date): Promise<void> {
    await this.doc
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: outboxKeys.entry(this.pid, e.at, e.eventId),
          UpdateExpression: 'SET attempts = attempts + :one, notBefore = :nb',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':nb': notBefore.toISOString() },
        }),
      )
      .catch((err: unknown) => {
        // Removed meanwhile by an overlapping run: nothing left to do.
        if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      });
  }
}
