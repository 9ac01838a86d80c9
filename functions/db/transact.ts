import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AppError, Conflict, Unprocessable } from '../http/errors.js';

/** DynamoDB's limit on the items of one TransactWriteItems call. */
export const MAX_TRANSACTION_ITEMS = 100;
import { auditKeys, trackerKeys } from './keys.js';
import type { ConfirmedFinding } from '../../shared/pii/policy.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write in a transaction, and what its failed condition means to the caller. */
export interface WriteOp {
  item: TransactItem;
  /** Error to throw when this item's ConditionExpression fails (default: 409 Conflict). */
  onConditionFailed?: () => AppError;
}

/** Who did something, taken from the verified token (or the system for seeding). */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: string;
  agencyId: string | null;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  /** Plain-English one-liner for history views, e.g. "Submitted the return". */
  summary: string;
  /** Field-level changes, `{field: {from, to}}`, or whole before/after snapshots for small items. */
  changes?: Record<string, { from: unknown; to: unknown }>;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
}

export interface AuditEvent extends AuditInput {
  eventId: string;
  at: string;
  actor: Actor;
  requestId: string;
}

export interface WriteContext {
  actor: Actor;
  requestId: string;
  now: Date;
  /** Possible personal data the actor confirmed in this request (field and kind, never the text). */
  personalDataConfirmed?: ConfirmedFinding[];
}

/**
 * Writes a change and its audit event in ONE TransactWriteItems call: either both happen or
 * neither does. Condition failures are mapped to the caller's typed errors by item position.
 */
export class Writer {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly auditTable: string,
    private readonly partnershipId: string,
    /**
     * For a change that tells someone, the outbox item to write with it (functions/notify): in the
     * same transaction, so a notification is queued exactly when its change happens.
     */
    private readonly outbox?: { table: string; itemFor(event: AuditEvent): Record<string, unknown> | null },
    /**
     * The main table, where the tracker's count of changes lives (functions/db/keys.ts
     * `trackerKeys.epoch`): a change to anything the tracker shows raises it in the same
     * transaction, so a tracker worked out before the change is never served after it.
     */
    private readonly trackerEpochTable?: string,
  ) {}

  /**
   * How many of a change's own items fit in one transaction beside what the writer adds: the audit
   * event, the tracker's count of changes (for a change it shows) and a possible outbox entry.
   */
  room(entityType: string): number {
    return MAX_TRANSACTION_ITEMS - 1 - (this.trackerEpochTable && tracked(entityType) ? 1 : 0) - (this.outbox ? 1 : 0);
  }

  /** Called once a change is written (the tracker works itself out again); its failure never undoes or fails the change. */
  onCommitted?: (event: AuditEvent) => Promise<void>;

  async write(ops: WriteOp[], audit: AuditInput, ctx: WriteContext): Promise<AuditEvent> {
    const confirmed = ctx.personalDataConfirmed;
    const event: AuditEvent = {
      ...audit,
      // The confirmation is part of the change it allowed: recorded in the same event.
      ...(confirmed?.length ? { meta: { ...audit.meta, personalDataConfirmed: confirmed } } : {}),
      eventId: randomUUID(),
      at: ctx.now.toISOString(),
      actor: ctx.actor,
      requestId: ctx.requestId,
    };
    const sk = auditKeys.eventSort(event.at, event.eventId);
    const auditItem: TransactItem = {
      Put: {
        TableName: this.auditTable,
        Item: {
          pk: auditKeys.entity(this.partnershipId, audit.entityType, audit.entityId),
          sk,
          gsi1pk: auditKeys.actor(this.partnershipId, ctx.actor.userId),
          gsi1sk: sk,
          gsi2pk: auditKeys.month(this.partnershipId, event.at.slice(0, 7)),
          gsi2sk: sk,
          entity: 'AuditEvent',
          ...event,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const queued = this.outbox?.itemFor(event);
    const outboxItem: TransactItem[] = queued ? [{ Put: { TableName: this.outbox!.table, Item: queued, ConditionExpression: 'attribute_not_exists(pk)' } }] : [];
    const epochItem: TransactItem[] =
      this.trackerEpochTable && tracked(audit.entityType)
        ? [
            {
              Update: {
                TableName: this.trackerEpochTable,
                Key: trackerKeys.epoch(this.partnershipId),
                UpdateExpression: 'ADD epoch :one SET changedAt = :at',
                ExpressionAttributeValues: { ':one': 1, ':at': event.at },
              },
            },
          ]
        : [];
    const items = [...ops.map((o) => o.item), auditItem, ...outboxItem, ...epochItem];
    // DynamoDB takes at most 100 items in one transaction: a larger change is the request's to split, not a 500.
    if (items.length > MAX_TRANSACTION_ITEMS) throw new Unprocessable('This change is too large to save in one go. Save fewer sections or items at a time.');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
        break;
      } catch (err) {
        if (err instanceof TransactionCanceledException) {
          const reasons = err.CancellationReasons ?? [];
          const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
          if (failed >= 0 && failed < ops.length) {
            throw ops[failed]?.onConditionFailed?.() ?? new Conflict('This was changed at the same time by someone else. Reload and try again.');
          }
          if (reasons.some((r) => r.Code === 'TransactionConflict')) {
            // Another transaction held one of the items (the shared count of changes, most often):
            // nothing was written, so the same transaction is tried again, a few times, after a short wait.
            if (attempt < CONFLICT_ATTEMPTS) {
              await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
              continue;
            }
            throw new Conflict('Someone else was saving this at the same moment. Reload and try again.');
          }
        }
        throw err;
      }
    }
    if (this.onCommitted) await this.onCommitted(event).catch(() => undefined);
    return event;
  }
}

/** How many times a transaction cancelled only by another transaction's hold is sent. */
const CONFLICT_ATTEMPTS = 4;

/** Records whose changes the tracker does not show: people, their email addresses, and the yearly report (written from the tracker, never shown in it). */
const UNTRACKED = new Set(['user', 'mail-address', 'yearly-report']);
/** Whether a change to this kind of record changes what the tracker shows. */
export const tracked = (entityType: string) => !UNTRACKED.has(entityType);
