import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChaseKind, ChaseView } from '../../shared/chase/schema.js';
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
