import { existsSync, readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DERIVATIONS, type Criterion } from '../../shared/readiness/schema.js';
import { AssessmentView, ValidationView } from '../../shared/readiness/views.js';
import { ReadinessRepository } from '../repositories/readiness-repository.js';

const SeedReadiness = z.object({
  criteria: z.array(
    z.object({
      id: z.string(),
      workstreamId: z.string(),
      title: z.string(),
      description: z.string(),
      agencyIds: z.array(z.string()),
      evidenceExpected: z.string(),
      targetDate: z.string().nullable(),
      derivedFrom: z.enum(DERIVATIONS).nullable(),
    }),
  ),
  // The stored assessment's shape (shared/readiness/views.ts), less what seeding works out itself:
  // the workstream, names shown for people, and versions.
  assessments: z.array(
    AssessmentView.omit({ workstreamId: true, updatedByName: true, version: true, validation: true }).extend({
      validation: ValidationView.omit({ byName: true }).nullable(),
    }),
  ),
});

export function readinessSeedItems(doc: DynamoDBDocumentClient, table: string, pid: string, dataDir: URL, names: Map<string, string>): Record<string, unknown>[] {
  const url = new URL('readiness.json', dataDir);
  if (!existsSync(url)) return [];
  const seed = SeedReadiness.parse(JSON.parse(readFileSync(url, 'utf8')));
  const repo = new ReadinessRepository(doc, table, pid);
  const criteria = new Map<string, Criterion>(seed.criteria.map((c) => [c.id, { ...c, version: 1 }]));
  return [
    ...[...criteria.values()].map((c) => repo.criterionItem(c)),
    ...seed.assessments.map((a) => {
      const c = criteria.get(a.criterionId);
      if (!c) throw new Error(`Seed assessment names unknown criterion ${a.criterionId}`);
      return repo.assessmentItem({
        ...a,
        updatedByName: names.get(a.updatedBy) ?? null,
        workstreamId: c.workstreamId,
        validation: a.validation ? { ...a.validation, byName: names.get(a.validation.by) ?? a.validation.by } : null,
        version: a.validation ? 2 : 1,
      });
    }),
  ];
}
