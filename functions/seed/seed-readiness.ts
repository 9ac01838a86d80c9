import { existsSync, readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ASSESSMENT_STATUSES, DERIVATIONS, type Criterion } from '../../shared/readiness/schema.js';
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
  assessments: z.array(
    z.object({
      criterionId: z.string(),
      agencyId: z.string(),
      status: z.enum(ASSESSMENT_STATUSES),
      evidence: z.string(),
      links: z.array(z.string()),
      targetDate: z.string().nullable(),
      reason: z.string().nullable(),
      updatedBy: z.string(),
      updatedAt: z.string(),
      validation: z.object({ outcome: z.enum(['confirmed', 'challenged']), comment: z.string(), by: z.string(), at: z.string() }).nullable(),
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
      return repo.assessmentItem({ ...a, updatedByName: names.get(a.updatedBy) ?? null, workstreamId: c.workstreamId, validation: a.validation ? { ...a.validation, byName: names.get(a.validation.by) ?? a.validation.by } : null, version: a.validation ? 2 : 1 });
    }),
  ];
}
