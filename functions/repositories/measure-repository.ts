import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Indicator } from '../../shared/measures/schema.js';
import type { ValueGroup } from '../../shared/measures/series.js';
import { measureKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import type { AppError } from '../domain/errors.js';
import { strip } from './partnership-repository.js';
import { guardedPut, type ExpectedVersion } from './version-guard.js';

export interface MeasuresData {
  /** In the lead's order within each workstream; retired ones included (their history stays). */
  indicators: Indicator[];
  values: ValueGroup[];
}

/**
 * Outcome measures: indicators and the values reported against them (functions/db/keys.ts
 * `measureKeys`). Every read is a fixed number of Queries whatever the number of quarters.
 */
export class MeasureRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  private async query(prefix?: string, consistent = false): Promise<Record<string, unknown>[]> {
    return queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': measureKeys.partition(this.pid), ...(prefix ? { ':prefix': prefix } : {}) },
      ...(consistent ? { ConsistentRead: true } : {}),
    });
  }

  private static sorted(items: Record<string, unknown>[]): MeasuresData {
    const out: MeasuresData = { indicators: [], values: [] };
    for (const item of items) {
      if (item.entity === 'Indicator') out.indicators.push(strip(item) as unknown as Indicator);
      else if (item.entity === 'MeasureValues') out.values.push(strip(item) as unknown as ValueGroup);
    }
    out.indicators.sort((a, b) => a.workstreamId.localeCompare(b.workstreamId) || a.order - b.order || a.id.localeCompare(b.id));
    return out;
  }

  /** Every indicator and every value of the partnership: one paged Query of the partition (the tracker). */
  async listAll(): Promise<MeasuresData> {
    return MeasureRepository.sorted(await this.query());
  }

  /** One workstream's indicators and its values over every quarter: two Queries, in parallel. */
  async listForWorkstream(workstreamId: string): Promise<MeasuresData> {
    const [defs, values] = await Promise.all([this.query(measureKeys.definitionsPrefix(workstreamId)), this.query(measureKeys.valuesPrefix(workstreamId))]);
    return MeasureRepository.sorted([...defs, ...values]);
  }

  /** Every indicator, no values: one Query (what a return's section must report). */
  /** Every indicator's definition; `consistent` for a read that must hold every change committed before it (configuration-cache.ts). */
  async listIndicators(consistent = false): Promise<Indicator[]> {
    return MeasureRepository.sorted(await this.query(measureKeys.definitionsPrefix(), consistent)).indicators;
  }

  indicatorItem(ind: Indicator): Record<string, unknown> {
    return { ...measureKeys.indicator(this.pid, ind.workstreamId, ind.id), entity: 'Indicator', ...ind };
  }

  /** Write op: put an indicator guarded by the version the lead read (`null`: its id must be free). */
  putIndicatorOp(ind: Indicator, expected: ExpectedVersion, onConditionFailed?: () => AppError): WriteOp {
    return guardedPut(this.table, this.indicatorItem(ind), expected, onConditionFailed);
  }

  valuesItem(g: ValueGroup): Record<string, unknown> {
    return { ...measureKeys.values(this.pid, g.workstreamId, g.periodId, g.agencyId), entity: 'MeasureValues', ...g };
  }

  /** Write op: the values of a return section, with its return's status (guarded by the return's header in the same transaction). */
  putValuesOp(g: ValueGroup): WriteOp {
    return { item: { Put: { TableName: this.table, Item: this.valuesItem(g) } } };
  }

  /** Write op: a section's values are gone (the agency cleared them). */
  deleteValuesOp(workstreamId: string, periodId: string, agencyId: string): WriteOp {
    return { item: { Delete: { TableName: this.table, Key: measureKeys.values(this.pid, workstreamId, periodId, agencyId) } } };
  }

  /** Write op: the partnership's measure settings, guarded by the version the lead read (0: never set). */
  putSettingsOp(settings: { smallNumberThreshold: number; version: number }, expected: ExpectedVersion): WriteOp {
    return guardedPut(this.table, { ...measureKeys.settings(this.pid), entity: 'MeasureSettings', ...settings }, expected);
  }
}
