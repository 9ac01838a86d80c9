import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Assessment, Criterion } from '../../shared/readiness/schema.js';
import { readinessKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import { MAIN_TABLE } from '../db/table-design.js';
import type { WriteOp } from '../db/transact.js';
import { Conflict, PreconditionFailed } from '../http/errors.js';
import { strip } from './partnership-repository.js';
import { guardedPut, type ExpectedVersion } from './version-guard.js';

export class ReadinessRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** A workstream's criteria and assessments: one (paged) Query. */
  async getWorkstreamReadiness(workstreamId: string): Promise<{ criteria: Criterion[]; assessments: Assessment[] }> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': readinessKeys.partition(this.pid, workstreamId) },
      ConsistentRead: true,
    });
    return {
      criteria: items.filter((i) => i.entity === 'Criterion').map((i) => strip(i) as unknown as Criterion),
      assessments: items.filter((i) => i.entity === 'Assessment').map((i) => strip(i) as unknown as Assessment),
    };
  }

  /** A criterion by id, wherever it lives (GSI Query). */
  async findCriterion(criterionId: string): Promise<Criterion | null> {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: MAIN_TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: { ':pk': readinessKeys.allCriteria(this.pid), ':sk': criterionId },
      }),
    );
    const item = res.Items?.[0];
    return item ? (strip(item) as unknown as Criterion) : null;
  }

  /** Every criterion and every assessment of the partnership: two paged GSI Queries. */
  async getAllReadiness(): Promise<{ criteria: Criterion[]; assessments: Assessment[] }> {
    const [criteria, assessments] = await Promise.all([
      queryAll(this.doc, {
        TableName: this.table,
        IndexName: MAIN_TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': readinessKeys.allCriteria(this.pid) },
      }),
      queryAll(this.doc, {
        TableName: this.table,
        IndexName: MAIN_TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': readinessKeys.allAssessments(this.pid) },
      }),
    ]);
    return { criteria: criteria.map((i) => strip(i) as unknown as Criterion), assessments: assessments.map((i) => strip(i) as unknown as Assessment) };
  }

  criterionItem(c: Criterion) {
    return { ...readinessKeys.criterion(this.pid, c.workstreamId, c.id), ...readinessKeys.criterionIndex(this.pid, c.id), entity: 'Criterion', ...c };
  }
  assessmentItem(a: Assessment) {
    return {
      ...readinessKeys.assessment(this.pid, a.workstreamId, a.criterionId, a.agencyId),
      ...readinessKeys.assessmentIndex(this.pid, a.workstreamId, a.criterionId, a.agencyId),
      entity: 'Assessment',
      ...a,
    };
  }

  /** Write op: a new criterion (`expectedVersion` null: its id must be free) or an edit guarded by If-Match. */
  putCriterionOp(c: Criterion, expectedVersion: ExpectedVersion): WriteOp {
    return guardedPut(this.table, this.criterionItem(c), expectedVersion, () =>
      expectedVersion === null ? new Conflict(`A criterion with id ${c.id} already exists.`) : new PreconditionFailed(),
    );
  }

  /** Write op: an agency's assessment, first saved (`expectedVersion` null) or changed from the version the client read. */
  putAssessmentOp(a: Assessment, expectedVersion: ExpectedVersion): WriteOp {
    return guardedPut(this.table, this.assessmentItem(a), expectedVersion);
  }
}
