import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AutomaticReminderView, ChaseKind, ChaseView } from '../../shared/chase/schema.js';
import { chaseKey } from '../../shared/chase/schema.js';
import { chaseKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import type { AppError } from '../domain/errors.js';

/** The last chase of each outstanding item (see shared/chase/schema.ts). */
export class ChaseRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Access pattern "chases of a period or version": one Query of the chases partition by prefix. */
  async list(kind: ChaseKind, of: string): Promise<ChaseView[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': chaseKeys.partition(this.pid), ':prefix': `${kind}#${of}#` },
    });
    return items.map(({ pk: _p, sk: _s, entity: _e, ...c }) => c as ChaseView);
  }

  /** Access pattern "automatic reminders of a period or version": one Query of its partition. */
  async listReminders(kind: ChaseKind, of: string): Promise<AutomaticReminderView[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': chaseKeys.remindedPartition(this.pid, kind, of) },
    });
    return items.map((i) => ({ kind, of, agencyId: String(i.agencyId), at: String(i.at), sentTo: (i.sentTo as string[] | undefined) ?? [] }));
  }

  /**
   * The daily job records that it reminded an item's people (names only), replacing the last
   * record. A read model beside the notification ledger, not a change anyone made: not audited.
   */
  async recordReminder(r: AutomaticReminderView): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: chaseKeys.reminded(this.pid, r.kind, r.of, r.agencyId),
        UpdateExpression: 'SET entity = :e, agencyId = :a, #at = :at, sentTo = :to',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':e': 'AutomaticReminder', ':a': r.agencyId, ':at': r.at, ':to': r.sentTo },
      }),
    );
  }

  /** Write op: record a chase, refused (`onRefused`) when the item was already chased on its UK day. */
  recordOp(chase: ChaseView, onRefused: () => AppError): WriteOp {
    return {
      item: {
        Put: {
          TableName: this.table,
          Item: { ...chaseKeys.chase(this.pid, chaseKey(chase.kind, chase.of, chase.agencyId)), entity: 'Chase', ...chase },
          ConditionExpression: 'attribute_not_exists(pk) OR #day <> :day',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: { ':day': chase.day },
        },
      },
      onConditionFailed: onRefused,
    };
  }
}
