import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditKeys } from '../db/keys.js';
import { AUDIT_TABLE } from '../db/table-design.js';
import type { AuditEvent } from '../db/transact.js';

/** Where a page starts: the key of the last event read, as DynamoDB takes it back. */
export type AuditStartKey = Record<string, string>;

/** One page of a Query over one partition, narrowed by time, action and actor. */
export interface AuditPageRequest {
  /** ISO instant: events at or after it. */
  atOrAfter?: string;
  /** ISO instant: events strictly before it. */
  before?: string;
  newestFirst: boolean;
  /** Items DynamoDB reads (with filters, more than it returns). */
  limit: number;
  start?: AuditStartKey;
  /** Only this action (a filter within the page read). */
  action?: string;
  /** Only this person's events (a filter within the page read; only on partitions not by person). */
  actorId?: string;
}

/** An event, with the key a page that stops after it would start from. */
export interface AuditHit {
  event: AuditEvent;
  key: AuditStartKey;
}

export interface AuditPageRead {
  hits: AuditHit[];
  /** Where to go on in this partition; null when it has been read to the end. */
  next: AuditStartKey | null;
}

type Index = 'table' | 'gsi1' | 'gsi2';
const KEY_NAMES: Record<Index, { pk: string; sk: string; indexName?: string }> = {
  table: { pk: AUDIT_TABLE.partitionKey, sk: AUDIT_TABLE.sortKey },
  gsi1: { pk: AUDIT_TABLE.gsi1.partitionKey, sk: AUDIT_TABLE.gsi1.sortKey, indexName: AUDIT_TABLE.gsi1.name },
  gsi2: { pk: AUDIT_TABLE.gsi2.partitionKey, sk: AUDIT_TABLE.gsi2.sortKey, indexName: AUDIT_TABLE.gsi2.name },
};

/**
 * Reads the append-only audit table (the API may only Put and Query it). Every access pattern is
 * one Query over one partition per call, newest or oldest first, with the date range in the key
 * condition; action and person are filters applied to the page read, so a call reads at most
 * `limit` items whatever the size of the trail.
 */
export class AuditRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Access pattern "history of one record": the table's own partition. */
  listEventsOfRecord(entityType: string, entityId: string, page: AuditPageRequest): Promise<AuditPageRead> {
    return this.page('table', auditKeys.entity(this.pid, entityType, entityId), page);
  }

  /** Access pattern "what one person did": gsi1 (events written by that user). */
  listEventsByPerson(userId: string, page: Omit<AuditPageRequest, 'actorId'>): Promise<AuditPageRead> {
    return this.page('gsi1', auditKeys.actor(this.pid, userId), page);
  }

  /** Access pattern "everything in one month" (`YYYY-MM`, UTC): gsi2, events written since it exists. */
  listEventsOfMonth(month: string, page: AuditPageRequest): Promise<AuditPageRead> {
    return this.page('gsi2', auditKeys.month(this.pid, month), page);
  }

  private async page(index: Index, partition: string, req: AuditPageRequest): Promise<AuditPageRead> {
    const k = KEY_NAMES[index];
    const names: Record<string, string> = { '#pk': k.pk };
    const values: Record<string, unknown> = { ':pk': partition };
    let condition = '#pk = :pk';
    // DynamoDB refuses a name the expressions do not use.
    if (req.atOrAfter || req.before) names['#sk'] = k.sk;
    if (req.atOrAfter && req.before) {
      condition += ' AND #sk BETWEEN :lo AND :hi';
      Object.assign(values, { ':lo': req.atOrAfter, ':hi': req.before });
    } else if (req.atOrAfter) {
      condition += ' AND #sk >= :lo';
      values[':lo'] = req.atOrAfter;
    } else if (req.before) {
      condition += ' AND #sk < :hi';
      values[':hi'] = req.before;
    }
    const filters: string[] = [];
    if (req.action) {
      filters.push('#action = :action');
      names['#action'] = 'action';
      values[':action'] = req.action;
    }
    if (req.actorId) {
      filters.push('#actor.#userId = :actorId');
      Object.assign(names, { '#actor': 'actor', '#userId': 'userId' });
      values[':actorId'] = req.actorId;
    }
    const start = req.start && this.startKeyFits(index, partition, req.start, req) ? req.start : undefined;
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        ...(k.indexName ? { IndexName: k.indexName } : {}),
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: !req.newestFirst,
        Limit: req.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const hits = (res.Items ?? []).map((item) => ({ event: toEvent(item), key: keyOf(index, item) }));
    return { hits, next: res.LastEvaluatedKey ? keyOf(index, res.LastEvaluatedKey) : null };
  }

  /**
   * Whether a start key (from a client's cursor) points into this partition and range. One that
   * does not, or was made up, is ignored (the page starts from the beginning): it can never read
   * another record's or partnership's events, nor make DynamoDB refuse the Query.
   */
  private startKeyFits(index: Index, partition: string, key: AuditStartKey, req: AuditPageRequest): boolean {
    const k = KEY_NAMES[index];
    const expected = new Set(['pk', 'sk', k.pk, k.sk]);
    if (Object.keys(key).length !== expected.size || Object.keys(key).some((n) => !expected.has(n))) return false;
    const { pk, sk } = key;
    if (typeof pk !== 'string' || typeof sk !== 'string' || !pk.startsWith(`P#${this.pid}#AUDIT#`)) return false;
    if (key[k.pk] !== partition || key[k.sk] !== sk) return false;
    return (!req.atOrAfter || sk >= req.atOrAfter) && (!req.before || sk < req.before);
  }
}

/** The key of an item in the partition read: the table's key, plus the index's when read through one. */
function keyOf(index: Index, item: Record<string, unknown>): AuditStartKey {
  const k = KEY_NAMES[index];
  return Object.fromEntries(['pk', 'sk', k.pk, k.sk].map((n) => [n, String(item[n])]));
}

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, entity: _e, ...rest } = item;
  return rest as unknown as AuditEvent;
}
