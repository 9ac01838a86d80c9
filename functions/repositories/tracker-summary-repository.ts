import { gzipSync } from 'node:zlib';
import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, queryAll } from '../db/query.js';
import { trackerKeys } from '../db/keys.js';

/** Who a tracker view is worked out for: the executive sees only the outcome measures shown to them. */
export type TrackerAudience = 'lead' | 'executive';

/** A tracker as last worked out, with the count of changes and the UK day it was worked out at. */
export interface StoredTrackerView {
  epoch: number;
  day: string;
  /** When the count was read before the records it was worked out from. */
  builtAt: string;
  /** The response as JSON text, served as it is. */
  json: string;
}

/** A stored view as read: its JSON still gzipped, as stored (served so to a client that accepts gzip). */
export type ReadTrackerView = Omit<StoredTrackerView, 'json'> & { gzip: Uint8Array };

/**
 * The tracker's read model (functions/db/keys.ts `trackerKeys`): the count of changes, and the
 * tracker as last worked out per audience and period, kept as gzipped JSON (a large partnership's
 * tracker stays far inside DynamoDB's 400 KB item limit).
 */
export class TrackerSummaryRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** The count of changes and the stored view (null when none is stored): one BatchGetItem, strongly consistent. */
  async read(audience: TrackerAudience, periodId: string | null): Promise<{ epoch: number; changedAt: string | null; view: ReadTrackerView | null }> {
    const epochKey = trackerKeys.epoch(this.pid);
    const viewKey = trackerKeys.view(this.pid, audience, periodId);
    const items = await batchGet(this.doc, this.table, [epochKey, viewKey]);
    const epochItem = items.find((i) => i.sk === epochKey.sk);
    const viewItem = items.find((i) => i.sk === viewKey.sk);
    return {
      epoch: Number(epochItem?.epoch ?? 0),
      changedAt: typeof epochItem?.changedAt === 'string' ? epochItem.changedAt : null,
      view: viewItem ? { epoch: Number(viewItem.epoch), day: String(viewItem.day), builtAt: String(viewItem.builtAt ?? ''), gzip: viewItem.body as Uint8Array } : null,
    };
  }

  /** The count of changes now and when the last one was made (one strongly consistent GetItem). */
  async epoch(): Promise<{ epoch: number; changedAt: string | null }> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: trackerKeys.epoch(this.pid), ConsistentRead: true }));
    return { epoch: Number(res.Item?.epoch ?? 0), changedAt: typeof res.Item?.changedAt === 'string' ? res.Item.changedAt : null };
  }

  /**
   * Removes every stored view (they are worked out again when next read): after personal data is
   * erased, no copy of it may stay in a view, served or not. One Query of the keys, then
   * BatchWriteItem deletes 25 at a time (a partnership stores two views a period read).
   */
  async dropViews(): Promise<void> {
    const keys = (
      await queryAll(this.doc, {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :view)',
        ExpressionAttributeValues: { ':pk': trackerKeys.epoch(this.pid).pk, ':view': 'VIEW#' },
        ProjectionExpression: 'pk, sk',
      })
    ).map((k) => ({ pk: String(k.pk), sk: String(k.sk) }));
    for (let i = 0; i < keys.length; i += 25) {
      let left = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; attempt < 3 && left.length; attempt++) {
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: left } }));
        left = (res.UnprocessedItems?.[this.table] ?? []) as typeof left;
      }
      if (left.length) throw new Error(`${left.length} tracker views could not be removed; erase again to finish`);
    }
  }

  /**
   * Stores views worked out at one count of changes, in one BatchWriteItem. Not conditional: a view
   * is served only while its count is the current one, so a slower request that puts back an older
   * view costs a working out on the next read, never a stale answer. Keys DynamoDB leaves
   * unprocessed are sent once more, then left (the next read works them out).
   */
  async store(views: readonly { audience: TrackerAudience; periodId: string | null; view: StoredTrackerView }[]): Promise<void> {
    const puts = views.map(({ audience, periodId, view }) => ({
      PutRequest: {
        Item: { ...trackerKeys.view(this.pid, audience, periodId), entity: 'TrackerView', epoch: view.epoch, day: view.day, builtAt: view.builtAt, body: gzipSync(view.json) },
      },
    }));
    let left: typeof puts = puts;
    for (let attempt = 0; attempt < 2 && left.length; attempt++) {
      const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: left } }));
      left = (res.UnprocessedItems?.[this.table] ?? []) as typeof puts;
    }
  }
}
