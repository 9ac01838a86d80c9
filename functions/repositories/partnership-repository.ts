import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Agency, Partnership, Versioned, Workstream } from '../../shared/partnership/schema.js';
import type { Period } from '../../shared/periods/period.js';
import type { Milestone } from '../../shared/workstreams/milestone.js';
import { partnershipKeys, partnershipPk } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import { type AppError, PreconditionFailed } from '../domain/errors.js';

export interface PartnershipData {
  partnership: Partnership | null;
  /** In the partnership's order; retired ones included (their history stays). */
  agencies: Versioned<Agency>[];
  /** In programme order; retired ones included. */
  workstreams: Versioned<Workstream>[];
  milestones: Milestone[];
  /** Newest first. */
  periods: Period[];
  /**
   * The lead's overall confidence per (period, workstream), where set. A cleared one stays as
   * `confidence: null` with its version, so a stale If-Match can never match a later one.
   */
  overallConfidence: { periodId: string; workstreamId: string; confidence: string | null; note: string; setBy: string; setAt: string; version: number }[];
  /** The lead's outcome-measure settings; null until first set (then the defaults apply). */
  measureSettings: { smallNumberThreshold: number; version: number } | null;
}

/** The partnership, its agencies, workstreams, milestones and periods: configuration every page needs. */
export class PartnershipRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /**
   * One Query over the partnership partition (paged; the partition holds configuration only).
   * `consistent` for a read that must hold every change committed before it (configuration-cache.ts).
   */
  async getPartnershipData(consistent = false): Promise<PartnershipData> {
    const out: PartnershipData = { partnership: null, agencies: [], workstreams: [], milestones: [], periods: [], overallConfidence: [], measureSettings: null };
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partnershipPk(this.pid) },
      ...(consistent ? { ConsistentRead: true } : {}),
    });
    for (const item of items) {
      if (item.entity === 'Partnership') out.partnership = strip(item) as Partnership;
      // A record loaded before versions existed is at version 1.
      else if (item.entity === 'Agency') out.agencies.push({ ...(strip(item) as Agency), version: Number(item.version ?? 1) });
      else if (item.entity === 'Workstream') out.workstreams.push({ ...(strip(item) as Workstream), version: Number(item.version ?? 1) });
      else if (item.entity === 'Milestone') out.milestones.push(strip(item) as Milestone);
      else if (item.entity === 'Period') out.periods.push(strip(item) as Period);
      else if (item.entity === 'MeasureSettings') out.measureSettings = { smallNumberThreshold: Number(item.smallNumberThreshold), version: Number(item.version) };
      else if (item.entity === 'OverallConfidence') out.overallConfidence.push(strip(item) as PartnershipData['overallConfidence'][number]);
    }
    out.workstreams.sort((a, b) => a.order - b.order);
    // Agencies the lead never moved have no order: after those placed, by id (the order they are stored in).
    out.agencies.sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
    out.milestones.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    out.periods.sort((a, b) => b.id.localeCompare(a.id));
    return out;
  }

  /**
   * Write op: put a workstream, guarded by the version the lead read (`null`: it must not exist
   * yet, so a taken id is `onConditionFailed`'s error, 409 by default).
   */
  putWorkstreamOp(w: Versioned<Workstream>, expected: number | null, onConditionFailed?: () => AppError): WriteOp {
    return this.guardedConfigPut({ ...partnershipKeys.workstream(this.pid, w.id), entity: 'Workstream', ...w }, expected, onConditionFailed);
  }

  /** Write op: put an agency, guarded like {@link putWorkstreamOp}. */
  putAgencyOp(a: Versioned<Agency>, expected: number | null, onConditionFailed?: () => AppError): WriteOp {
    return this.guardedConfigPut({ ...partnershipKeys.agency(this.pid, a.id), entity: 'Agency', ...a }, expected, onConditionFailed);
  }

  /**
   * Records loaded by the seed or a template carry no version and count as version 1, so version 1
   * also matches a stored item without one; any other version must match exactly.
   */
  private guardedConfigPut(item: Record<string, unknown>, expected: number | null, onConditionFailed?: () => AppError): WriteOp {
    const condition =
      expected === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: expected === 1 ? 'attribute_exists(pk) AND (attribute_not_exists(version) OR version = :expected)' : 'version = :expected',
            ExpressionAttributeValues: { ':expected': expected },
          };
    return { item: { Put: { TableName: this.table, Item: item, ...condition } }, onConditionFailed: onConditionFailed ?? (() => new PreconditionFailed()) };
  }

  /** Just the partnership record (one GetItem): what signed-out pages need. */
  async getPartnership(): Promise<Partnership | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: partnershipKeys.partnership(this.pid) }));
    return res.Item ? (strip(res.Item) as Partnership) : null;
  }

  /** Whether this partnership exists: one GetItem of its record's key only. */
  exists(): Promise<boolean> {
    return this.ping();
  }

  /** A cheap data-plane read used by the health check. */
  async ping(): Promise<boolean> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: partnershipKeys.partnership(this.pid), ProjectionExpression: 'pk' }));
    return Boolean(res.Item);
  }
}

/** Removes storage attributes so only domain fields leave the repository. */
export function strip<T extends Record<string, unknown>>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'entity'> {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _gs, entity: _e, ...rest } = item;
  return rest;
}
