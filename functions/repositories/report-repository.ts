import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReportSectionKey, ReportSource } from '../../shared/reports/schema.js';
import { reportKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import { Conflict } from '../http/errors.js';
import { strip } from './partnership-repository.js';
import { guardedPut } from './version-guard.js';

/** A section as stored: its text now, its sources, and whether (and by whom) the lead edited it (drafting again leaves an edited section alone). */
export interface StoredReportSection {
  key: ReportSectionKey;
  text: string;
  sources: ReportSource[];
  editedAt: string | null;
  editedBy: string | null;
  editedByName: string | null;
}

/** A yearly report as stored: one item, its sections inside it (a few tens of kilobytes). */
export interface StoredReport {
  id: string;
  title: string;
  firstPeriodId: string;
  lastPeriodId: string;
  start: string;
  end: string;
  periodIds: string[];
  generatedAt: string;
  generatedBy: string;
  generatedByName: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
  version: number;
  sections: StoredReportSection[];
}

const SUMMARY_ATTRIBUTES = [
  'id',
  'title',
  'firstPeriodId',
  'lastPeriodId',
  'start',
  'end',
  'periodIds',
  'generatedAt',
  'generatedBy',
  'generatedByName',
  'updatedAt',
  'updatedBy',
  'updatedByName',
  'version',
] as const;

export class ReportRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Every report without its sections: one (paged) Query of a partition holding one item a year. */
  async listReports(): Promise<Omit<StoredReport, 'sections'>[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': reportKeys.partition(this.pid) },
      ProjectionExpression: SUMMARY_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(SUMMARY_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
    });
    return items.map((i) => i as unknown as Omit<StoredReport, 'sections'>);
  }

  async getReport(id: string): Promise<StoredReport | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: reportKeys.report(this.pid, id), ConsistentRead: true }));
    return res.Item ? (strip(res.Item) as unknown as StoredReport) : null;
  }

  private item(r: StoredReport) {
    return { ...reportKeys.report(this.pid, r.id), entity: 'YearlyReport', ...r };
  }

  createOp(r: StoredReport): WriteOp {
    return guardedPut(
      this.table,
      this.item(r),
      null,
      () => new Conflict(`There is already a yearly report for the 12 months to ${r.end}. Open it, or generate it again from there.`),
    );
  }

  /** Guarded by the version the lead read (If-Match): a stale writer gets 412. */
  replaceOp(r: StoredReport, expectedVersion: number): WriteOp {
    return guardedPut(this.table, this.item(r), expectedVersion);
  }
}
