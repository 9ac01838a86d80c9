import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasableEntity } from '../../shared/pii/erasure.js';
import { auditKeys, kinshipKeys, measureKeys, milestoneKeys, readinessKeys, reportKeys, returnKeys, thresholdKeys, trackerKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import { AUDIT_TABLE } from '../db/table-design.js';
import type { WriteOp } from '../db/transact.js';
import { PreconditionFailed } from '../http/errors.js';

type Item = Record<string, unknown>;

/** Attributes that are keys or system stamps, never text a person typed. */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'eventId', 'requestId', 'at', 'version']);

/**
 * The attributes of an audit event that carry what was changed. Erasure rewrites only these, and
 * the API role's IAM policy allows UpdateItem on the audit table for exactly these attributes (see
 * infra/constructs/api.ts, statement AuditEraseText): every other change to the audit table is
 * refused by IAM, so the trail stays append-only but for erasure.
 */
export const AUDIT_TEXT_ATTRIBUTES = AUDIT_TABLE.textAttributes;

/**
 * Where an entity's text lives: its record, the items it is split into and every earlier revision,
 * and the audit events that recorded its changes. Used by erasure and by the personal-data scan.
 */
export class ErasureRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly auditTable: string,
    private readonly pid: string,
  ) {}

  /** Named access pattern: every stored item holding the entity's text (a few Get/Query calls). */
  async listItemsOfEntity(entityType: ErasableEntity, entityId: string): Promise<Item[]> {
    const [a, b] = entityId.split('/') as [string, string | undefined];
    switch (entityType) {
      case 'return': {
        if (!b) return [];
        // Indicator values (and their notes) are kept beside the indicators too, one item per
        // workstream, with or without a return (figures from before the portal have none).
        const [header, sections, values] = await Promise.all([
          this.get(returnKeys.header(this.pid, a, b)),
          this.query(returnKeys.sectionPartition(this.pid, a, b)),
          this.query(measureKeys.partition(this.pid), measureKeys.valuesPrefix()),
        ]);
        return [...header, ...sections, ...values.filter((v) => v.periodId === a && v.agencyId === b)];
      }
      case 'kinship-item':
        return [...(await this.get(kinshipKeys.item(this.pid, a))), ...(await this.query(`P#${this.pid}#KINSHIP-REVISIONS#${a}`))];
      case 'threshold-document':
        return [
          ...(await this.get(thresholdKeys.version(this.pid, a))),
          ...(await this.get(thresholdKeys.content(this.pid, a))),
          ...(await this.query(thresholdKeys.partition(this.pid), `VERSION#${a}#DECISION#`)),
        ];
      case 'criterion': {
        const criterion = await this.criterion(a);
        return criterion ? [criterion] : [];
      }
      case 'assessment': {
        const criterion = await this.criterion(a);
        return criterion && b ? this.get(readinessKeys.assessment(this.pid, String(criterion.workstreamId), a, b)) : [];
      }
      case 'milestone':
        return b ? this.get(milestoneKeys.milestone(this.pid, a, b)) : [];
      case 'workstream':
        return b ? this.get(trackerKeys.overall(this.pid, b, a)) : [];
      case 'indicator':
        return b ? this.get(measureKeys.indicator(this.pid, a, b)) : [];
      case 'yearly-report':
        return this.get(reportKeys.report(this.pid, a));
    }
  }

  /**
   * Every yearly report with its audit events. Reports quote returns and name milestones and
   * indicators, and a report's history keeps what it once quoted after it stops quoting it, so
   * erasing any record's text looks through them all: one paged Query, then one a report (a
   * partnership drafts about one a year).
   */
  async listReportsWithEvents(): Promise<{ reports: Item[]; events: Item[] }> {
    const reports = await this.query(reportKeys.partition(this.pid));
    const events = (await Promise.all(reports.map((r) => this.listAuditEventsOfEntity('yearly-report', String(r.id))))).flat();
    return { reports, events };
  }

  /** Named access pattern: the entity's audit events (one paged Query). */
  async listAuditEventsOfEntity(entityType: string, entityId: string): Promise<Item[]> {
    return queryAll(this.doc, {
      TableName: this.auditTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditKeys.entity(this.pid, entityType, entityId) },
    });
  }

  /**
   * Replaces a record item in the erasure's transaction. Guarded: a versioned item must still be at
   * the version read (its version goes up, so a form opened before the erasure cannot save the text
   * back); any other item must still exist.
   */
  rewriteOp(item: Item): WriteOp {
    const version = typeof item.version === 'number' ? item.version : null;
    return {
      item: {
        Put: {
          TableName: this.table,
          Item: version === null ? item : { ...item, version: version + 1 },
          ...(version === null ? { ConditionExpression: 'attribute_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } }),
        },
      },
      onConditionFailed: () => new PreconditionFailed('The record changed while the text was being erased. Erase it again.'),
    };
  }

  /** The one rewrite of an audit event: its text attributes, nothing else (see AUDIT_TEXT_ATTRIBUTES). */
  async eraseInAuditEvent(event: Item, erasureEventId: string): Promise<void> {
    const names: Record<string, string> = { '#erasedBy': AUDIT_TABLE.erasedBy };
    const values: Record<string, unknown> = { ':erasedBy': erasureEventId };
    const sets = ['#erasedBy = :erasedBy'];
    for (const attr of AUDIT_TEXT_ATTRIBUTES) {
      if (event[attr] === undefined) continue;
      names[`#${attr}`] = attr;
      values[`:${attr}`] = event[attr];
      sets.push(`#${attr} = :${attr}`);
    }
    await this.doc.send(
      new UpdateCommand({
        TableName: this.auditTable,
        Key: { pk: event.pk, sk: event.sk },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  private async criterion(criterionId: string): Promise<Item | null> {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :id',
        ExpressionAttributeValues: readinessValues(readinessKeys.criterionIndex(this.pid, criterionId)),
      }),
    );
    return res.Items?.[0] ?? null;
  }

  private async get(key: { pk: string; sk: string }): Promise<Item[]> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    return res.Item ? [res.Item] : [];
  }

  private query(pk: string, skPrefix?: string): Promise<Item[]> {
    return queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
      ConsistentRead: true,
    });
  }
}

const readinessValues = (k: { gsi1pk: string; gsi1sk: string }) => ({ ':pk': k.gsi1pk, ':id': k.gsi1sk });

/** Which erasable entity a stored item belongs to, or null (the personal-data scan names records with it). */
export function entityOfItem(item: Item): { entityType: ErasableEntity; entityId: string } | null {
  const s = (k: string) => String(item[k] ?? '');
  switch (item.entity) {
    case 'ReturnHeader':
    case 'ReturnSection':
      return { entityType: 'return', entityId: `${s('periodId')}/${s('agencyId')}` };
    case 'KinshipItem':
      return { entityType: 'kinship-item', entityId: s('id') };
    case 'KinshipRevision':
      return { entityType: 'kinship-item', entityId: s('itemId') };
    case 'ThresholdVersion':
      return { entityType: 'threshold-document', entityId: s('id') };
    case 'SignOff':
      return { entityType: 'threshold-document', entityId: s('versionId') };
    case 'ThresholdContent':
      return { entityType: 'threshold-document', entityId: /^VERSION#(.+)$/.exec(s('sk'))?.[1] ?? '' };
    case 'Criterion':
      return { entityType: 'criterion', entityId: s('id') };
    case 'Assessment':
      return { entityType: 'assessment', entityId: `${s('criterionId')}/${s('agencyId')}` };
    case 'Milestone':
      return { entityType: 'milestone', entityId: `${s('workstreamId')}/${s('id')}` };
    case 'OverallConfidence':
      return { entityType: 'workstream', entityId: `${s('workstreamId')}/${s('periodId')}` };
    case 'MeasureValues':
      return { entityType: 'return', entityId: `${s('periodId')}/${s('agencyId')}` };
    case 'Indicator':
      return { entityType: 'indicator', entityId: `${s('workstreamId')}/${s('id')}` };
    case 'YearlyReport':
      return { entityType: 'yearly-report', entityId: s('id') };
    default:
      return null;
  }
}
