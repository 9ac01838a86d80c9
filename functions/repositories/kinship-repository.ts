import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemContent, KinshipItem } from '../../shared/kinship/schema.js';
import { kinshipKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import { Conflict } from '../http/errors.js';
import { strip } from './partnership-repository.js';
import { guardedPut } from './version-guard.js';

/** A stored item as the domain sees it: items saved before review comments existed have none. */
function toItem(stored: Record<string, unknown>): KinshipItem {
  const item = strip(stored) as unknown as KinshipItem;
  return { ...item, reviewComments: item.reviewComments ?? [] };
}

export class KinshipRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** The whole register: one (paged) Query. */
  async listKinshipItems(): Promise<KinshipItem[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': kinshipKeys.partition(this.pid) } });
    return items.map(toItem);
  }

  async getKinshipItem(id: string): Promise<KinshipItem | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: kinshipKeys.item(this.pid, id), ConsistentRead: true }));
    return res.Item ? toItem(res.Item) : null;
  }

  item(i: KinshipItem) {
    return { ...kinshipKeys.item(this.pid, i.id), entity: 'KinshipItem', ...i };
  }
  revisionItem(id: string, revision: number, content: ItemContent, publishedAt: string, publishedBy: string) {
    return { ...kinshipKeys.revision(this.pid, id, revision), entity: 'KinshipRevision', itemId: id, revision, content, publishedAt, publishedBy };
  }

  createOp(i: KinshipItem): WriteOp {
    return guardedPut(this.table, this.item(i), null, () => new Conflict(`An item with id ${i.id} already exists. Change the title.`));
  }

  /** Guarded by the version the client read (If-Match): a stale writer gets 412. */
  replaceOp(i: KinshipItem, expectedVersion: number): WriteOp {
    return guardedPut(this.table, this.item(i), expectedVersion);
  }

  revisionOp(id: string, revision: number, content: ItemContent, publishedAt: string, publishedBy: string): WriteOp {
    return { item: { Put: { TableName: this.table, Item: this.revisionItem(id, revision, content, publishedAt, publishedBy), ConditionExpression: 'attribute_not_exists(pk)' } } };
  }
}
