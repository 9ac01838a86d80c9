import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet, queryAll } from '../db/query.js';
import type { Confidence, CopiedFrom, Escalation, Metric, MilestoneUpdate, ReturnCertification, Risk } from '../../shared/returns/schema.js';
import type { IndicatorValue } from '../../shared/measures/schema.js';
import { MAIN_TABLE } from '../db/table-design.js';
import { returnKeys, trackerKeys } from '../db/keys.js';
import type { WriteOp } from '../db/transact.js';
import { type PartnershipData, PartnershipRepository, strip } from './partnership-repository.js';
import { type Membership, PlatformRepository } from './platform-repository.js';
import { guardedPut, type ExpectedVersion } from './version-guard.js';

export type ReturnStatus = 'draft' | 'awaiting-certification' | 'submitted' | 'returned' | 'accepted';

export interface ReviewComment {
  comment: string;
  by: string;
  byName: string;
  at: string;
}

/** A return's header: status, lifecycle, review and a compact per-workstream summary. */
export interface ReturnHeader {
  periodId: string;
  agencyId: string;
  status: ReturnStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  submittedBy: string | null;
  submittedAt: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  /** People are shown by name: the names as they were when they acted (emails stay the identity). */
  updatedByName?: string | null;
  submittedByName?: string | null;
  acceptedByName?: string | null;
  review: { comments: ReviewComment[] };
  /** Set when the lead reopened an accepted return; cleared when it is accepted again. */
  reopened?: { at: string; byName: string; reason: string } | null;
  /** Certification inside the agency, where the partnership requires it (absent on returns from before). */
  certification?: ReturnCertification | null;
  /** Delivery confidence per workstream, kept on the header so lists and trends need no sections. */
  confidence: Record<string, string | null>;
}

/** One workstream's section of a return (stored as its own item: sections can be large). */
export interface StoredSection {
  periodId: string;
  agencyId: string;
  workstreamId: string;
  confidence: Confidence | null;
  narrative: string;
  carriedForward: boolean;
  milestones: MilestoneUpdate[];
  risks: Risk[];
  escalations: Escalation[];
  metrics: Metric[];
  /** Outcome indicator values (absent on sections written before they existed: none). */
  indicators?: IndicatorValue[];
  /** When the answers last changed (absent on sections written before it was recorded, and on ones carried forward and not yet saved). */
  savedAt?: string;
  /** Where the section started, when it was copied from the agency's answer in another partnership. */
  copiedFrom?: CopiedFrom | null;
}

/**
 * Reads in the other partnerships a person works in, for starting a section from their agency's
 * answer there. Every partnership's items share the table under keys that begin with its id, so
 * each is one of the named access patterns under that partnership's keys.
 */
export interface OtherPartnerships {
  /** The partnerships where `email` is active, with their role and agency in each (one Query and one BatchGetItem). */
  membershipsOf(email: string): Promise<Membership[]>;
  /** A partnership's set-up: agencies, workstreams, milestones, periods (one Query). */
  partnershipData(pid: string): Promise<PartnershipData>;
  /** A return there: its header and sections (one GetItem and one Query). */
  getReturn(pid: string, periodId: string, agencyId: string): Promise<{ header: ReturnHeader | null; sections: StoredSection[] }>;
}

export class ReturnRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /**
   * The same reads in other partnerships, on this client and table. Only the service's cross-partnership
   * rules call it (copying a section), after the person's membership there is checked.
   */
  otherPartnerships(): OtherPartnerships {
    const platform = new PlatformRepository(this.doc, this.table);
    return {
      membershipsOf: (email) => platform.membershipsOf(email),
      partnershipData: (pid) => new PartnershipRepository(this.doc, this.table, pid).getPartnershipData(),
      getReturn: (pid, periodId, agencyId) => new ReturnRepository(this.doc, this.table, pid).getReturn(periodId, agencyId),
    };
  }

  /** A return's header and sections: one GetItem and one Query, in parallel. */
  async getReturn(periodId: string, agencyId: string): Promise<{ header: ReturnHeader | null; sections: StoredSection[] }> {
    const [h, sections] = await Promise.all([
      this.doc.send(new GetCommand({ TableName: this.table, Key: returnKeys.header(this.pid, periodId, agencyId), ConsistentRead: true })),
      this.listSections(periodId, agencyId),
    ]);
    return { header: h.Item ? (strip(h.Item) as unknown as ReturnHeader) : null, sections };
  }

  /**
   * A return's header and sections with the partnership's count of changes (the tracker's epoch,
   * which every change to the configuration raises): one BatchGetItem and one Query, in parallel,
   * strongly consistent. The count says whether configuration read before is still current
   * (services/configuration-cache.ts).
   */
  async getReturnWithEpoch(periodId: string, agencyId: string): Promise<{ header: ReturnHeader | null; sections: StoredSection[]; epoch: number }> {
    const headerKey = returnKeys.header(this.pid, periodId, agencyId);
    const epochKey = trackerKeys.epoch(this.pid);
    const [items, sections] = await Promise.all([batchGet(this.doc, this.table, [headerKey, epochKey]), this.listSections(periodId, agencyId)]);
    const h = items.find((i) => i.pk === headerKey.pk && i.sk === headerKey.sk);
    const e = items.find((i) => i.pk === epochKey.pk && i.sk === epochKey.sk);
    return { header: h ? (strip(h) as unknown as ReturnHeader) : null, sections, epoch: Number(e?.epoch ?? 0) };
  }

  /** A return's header alone (one GetItem): for jobs that need its status or people, not its answers. */
  async getReturnHeader(periodId: string, agencyId: string): Promise<ReturnHeader | null> {
    const h = await this.doc.send(new GetCommand({ TableName: this.table, Key: returnKeys.header(this.pid, periodId, agencyId), ConsistentRead: true }));
    return h.Item ? (strip(h.Item) as unknown as ReturnHeader) : null;
  }

  async listSections(periodId: string, agencyId: string): Promise<StoredSection[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': returnKeys.sectionPartition(this.pid, periodId, agencyId) },
      ConsistentRead: true,
    });
    return items.map((i) => strip(i) as unknown as StoredSection);
  }

  /** Every agency's return header for a period: one Query on the period partition. */
  async listReturnsForPeriod(periodId: string): Promise<ReturnHeader[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': returnKeys.periodPartition(this.pid, periodId), ':prefix': 'RETURN#' },
    });
    return items.map((i) => strip(i) as unknown as ReturnHeader);
  }

  /** An agency's return headers for periods before `beforePeriodId`, newest first (GSI Query). */
  async listEarlierReturnsForAgency(agencyId: string, beforePeriodId: string): Promise<ReturnHeader[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': returnKeys.allHeaders(this.pid),
        ':from': `${agencyId}#`,
        ':to': `${agencyId}#${beforePeriodId}`,
      },
      ScanIndexForward: false,
    });
    return items.map((i) => strip(i) as unknown as ReturnHeader).filter((h) => h.periodId < beforePeriodId);
  }

  /** Every return header of the partnership (one paged GSI Query): history for trends. */
  async listAllReturnHeaders(): Promise<ReturnHeader[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': returnKeys.allHeaders(this.pid) },
    });
    return items.map((i) => strip(i) as unknown as ReturnHeader);
  }

  /** Every section of a period across agencies (one paged GSI Query). */
  async listSectionsForPeriod(periodId: string): Promise<StoredSection[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': returnKeys.sectionsOfPeriodPartition(this.pid, periodId) },
    });
    return items.map((i) => strip(i) as unknown as StoredSection);
  }

  headerItem(h: ReturnHeader): Record<string, unknown> {
    return { ...returnKeys.header(this.pid, h.periodId, h.agencyId), ...returnKeys.byPartnership(this.pid, h.periodId, h.agencyId), entity: 'ReturnHeader', ...h };
  }

  sectionItem(s: StoredSection): Record<string, unknown> {
    return {
      ...returnKeys.section(this.pid, s.periodId, s.agencyId, s.workstreamId),
      ...returnKeys.sectionsOfPeriod(this.pid, s.periodId, s.agencyId, s.workstreamId),
      entity: 'ReturnSection',
      ...s,
    };
  }

  /**
   * Write op: put the header guarded by the version the client read (If-Match), or by its absence
   * when the return is new. Every state change bumps the version, so a stale writer always fails with 412.
   */
  putHeaderOp(h: ReturnHeader, expectedVersion: ExpectedVersion): WriteOp {
    return guardedPut(this.table, this.headerItem(h), expectedVersion);
  }

  /** Write op: put a section (guarded by the header op in the same transaction). */
  putSectionOp(s: StoredSection): WriteOp {
    return { item: { Put: { TableName: this.table, Item: this.sectionItem(s) } } };
  }
}
