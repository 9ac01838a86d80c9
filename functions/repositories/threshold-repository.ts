import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SignOff, ThresholdVersion } from '../../shared/threshold/schema.js';
import { thresholdKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import { Conflict } from '../http/errors.js';
import { strip } from './partnership-repository.js';
import { guardedPut } from './version-guard.js';

/** A version as stored: the public fields less the derived ones, plus who issued it and where a PDF lives. */
export interface StoredVersion extends Omit<ThresholdVersion, 'status' | 'signedOffAt' | 'decisions'> {
  issuedByName: string;
  /** For PDFs: the object key in the document store. */
  objectKey?: string;
}

export interface ThresholdConfig {
  requiredAgencyIds: string[];
  currentVersionId: string | null;
  /** Bumped by every issue and config change: two leads issuing at once cannot both win. */
  version: number;
}

export class ThresholdRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Config, every version and every decision: one (paged) Query. */
  async getThresholdRecord(): Promise<{ config: ThresholdConfig; versions: StoredVersion[]; decisions: (SignOff & { versionId: string })[] }> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': thresholdKeys.partition(this.pid) },
      ConsistentRead: true,
    });
    let config: ThresholdConfig = { requiredAgencyIds: [], currentVersionId: null, version: 0 };
    const versions: StoredVersion[] = [];
    const decisions: (SignOff & { versionId: string })[] = [];
    for (const item of items) {
      if (item.entity === 'ThresholdConfig') config = strip(item) as unknown as ThresholdConfig;
      else if (item.entity === 'ThresholdVersion') versions.push(strip(item) as unknown as StoredVersion);
      else if (item.entity === 'SignOff') decisions.push(strip(item) as unknown as SignOff & { versionId: string });
    }
    return { config, versions, decisions };
  }

  async getContent(versionId: string): Promise<{ content?: string; objectKey?: string } | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: thresholdKeys.content(this.pid, versionId) }));
    return res.Item ? (strip(res.Item) as { content?: string; objectKey?: string }) : null;
  }

  configItem(c: ThresholdConfig) {
    return { ...thresholdKeys.config(this.pid), entity: 'ThresholdConfig', ...c };
  }
  versionItem(v: StoredVersion) {
    return { ...thresholdKeys.version(this.pid, v.id), entity: 'ThresholdVersion', ...v };
  }
  decisionItem(versionId: string, d: SignOff) {
    return { ...thresholdKeys.decision(this.pid, versionId, d.agencyId), entity: 'SignOff', versionId, ...d };
  }
  contentItem(versionId: string, body: { content?: string; objectKey?: string }) {
    return { ...thresholdKeys.content(this.pid, versionId), entity: 'ThresholdContent', ...body };
  }

  /** Write op: change which agencies must sign future versions (guarded by the config version the client read). */
  configOp(next: ThresholdConfig, expectedVersion: number): WriteOp {
    return guardedPut(this.table, this.configItem(next), expectedVersion);
  }

  /**
   * Write ops for issuing: the config moves to the new version only if it is still at the version
   * the lead read (If-Match), so nobody supersedes a version, or changes who must sign, unseen.
   */
  issueOps(v: StoredVersion, content: { content?: string; objectKey?: string }, config: ThresholdConfig, expectedVersion: number): WriteOp[] {
    return [
      guardedPut(this.table, this.configItem({ ...config, currentVersionId: v.id, version: config.version + 1 }), expectedVersion),
      {
        item: { Put: { TableName: this.table, Item: this.versionItem(v), ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new Conflict(`Version ${v.versionLabel} has already been issued. Use a new version label.`),
      },
      { item: { Put: { TableName: this.table, Item: this.contentItem(v.id, content) } } },
    ];
  }

  /**
   * Write ops for a decision: one per agency per version (a second is refused), and only while the
   * version is still current (checked in the same transaction, so a race with issuing is safe).
   */
  decisionOps(versionId: string, d: SignOff): WriteOp[] {
    return [
      {
        item: {
          ConditionCheck: {
            TableName: this.table,
            Key: thresholdKeys.config(this.pid),
            ConditionExpression: 'currentVersionId = :v',
            ExpressionAttributeValues: { ':v': versionId },
          },
        },
        onConditionFailed: () => new Conflict('This version has been superseded by a newer one. Sign the current version instead.'),
      },
      {
        item: { Put: { TableName: this.table, Item: this.decisionItem(versionId, d), ConditionExpression: 'attribute_not_exists(pk)' } },
        onConditionFailed: () => new Conflict('Your agency has already recorded its decision on this version. Decisions are permanent.'),
      },
    ];
  }
}
