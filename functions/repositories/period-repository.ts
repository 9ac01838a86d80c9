import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../../shared/periods/period.js';
import { periodKeys } from '../db/keys.js';
import type { WriteOp } from '../db/transact.js';
import { Conflict } from '../http/errors.js';

/** Reporting periods. Reads come with the partnership partition (PartnershipRepository). */
export class PeriodRepository {
  constructor(
    _doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Write op: create a period; a duplicate id fails with 409. */
  createPeriodOp(period: Period): WriteOp {
    return {
      item: {
        Put: {
          TableName: this.table,
          Item: { ...periodKeys.period(this.pid, period.id), entity: 'Period', ...period },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new Conflict(`Reporting period ${period.id} already exists.`),
    };
  }

  periodItem(period: Period): Record<string, unknown> {
    return { ...periodKeys.period(this.pid, period.id), entity: 'Period', ...period };
  }
}
