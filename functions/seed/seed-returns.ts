import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { milestoneKeys } from '../db/keys.js';
import { PeriodRepository } from '../repositories/period-repository.js';
import { ReturnRepository, type ReturnHeader, type StoredSection } from '../repositories/return-repository.js';
import { periodBounds, PeriodId } from '../../shared/periods/period.js';
import { Milestone } from '../../shared/workstreams/milestone.js';
import { ReturnSectionInput } from '../../shared/returns/schema.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SeededValues } from './seed-measures.js';
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../shared/measures/schema.js';

const SeedPeriod = z.object({ id: PeriodId, dueDate: z.string(), status: z.enum(['open', 'closed']) });
const SeedComment = z.object({ comment: z.string(), by: z.string(), at: z.string() });
const SeedReturn = z.object({
  periodId: PeriodId,
  agencyId: z.string(),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  review: z.object({ comments: z.array(SeedComment) }),
  /** A draft's last save; otherwise the last of its dates (or, with none, the period's end). */
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
  /** Prepared by one person and certified by the submitter, where the partnership certifies returns. */
  certification: z.object({ preparedBy: z.string(), sentAt: z.string() }).strict().optional(),
  sections: z.array(ReturnSectionInput),
});

function readOptional<T>(dir: URL, file: string, schema: z.ZodType<T>): T | null {
  const url = new URL(file, dir);
  if (!existsSync(url)) return null;
  return schema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/**
 * Items for the programme part of the demo: milestones, periods and returns (headers and
 * sections), built through the same repositories the API uses.
 */
export function programmeSeedItems(
  doc: DynamoDBDocumentClient,
  table: string,
  pid: string,
  dataDir: URL,
  names: Map<string, string>,
  /** Receives the indicator values of the seeded returns (seed-measures.ts mirrors them). */
  valuesOut: SeededValues[] = [],
): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const milestones = readOptional(dataDir, 'milestones.json', z.array(Milestone)) ?? [];
  for (const m of milestones) items.push({ ...milestoneKeys.milestone(pid, m.workstreamId, m.id), entity: 'Milestone', ...m });
  const periods = new PeriodRepository(doc, table, pid);
  for (const p of readOptional(dataDir, 'periods.json', z.array(SeedPeriod)) ?? []) {
    items.push(periods.periodItem({ ...p, ...periodBounds(p.id) }));
  }
  const returns = new ReturnRepository(doc, table, pid);
  for (const r of readOptional(dataDir, 'returns.json', z.array(SeedReturn)) ?? []) {
    const sections: StoredSection[] = r.sections.map((s) => ({
      periodId: r.periodId,
      agencyId: r.agencyId,
      workstreamId: s.workstreamId,
      confidence: s.confidence ?? null,
      narrative: s.narrative ?? '',
      carriedForward: false,
      milestones: s.milestones ?? [],
      risks: s.risks ?? [],
      escalations: s.escalations ?? [],
      metrics: s.metrics ?? [],
      // "Fewer than N" as recorded under the default threshold (the demo sets no other).
      indicators: (s.indicators ?? []).map(({ threshold: _t, ...v }) => (v.belowThreshold ? { ...v, threshold: DEFAULT_SMALL_NUMBER_THRESHOLD } : v)),
    }));
    for (const s of sections)
      if (s.indicators?.length) valuesOut.push({ periodId: r.periodId, agencyId: r.agencyId, workstreamId: s.workstreamId, status: r.status, values: s.indicators });
    const at = r.updatedAt ?? r.acceptedAt ?? r.submittedAt ?? r.review.comments.at(-1)?.at ?? `${periodBounds(r.periodId).end}T12:00:00.000Z`;
    const header: ReturnHeader = {
      periodId: r.periodId,
      agencyId: r.agencyId,
      status: r.status,
      version: 1 + (r.submittedAt ? 1 : 0) + (r.certification ? 1 : 0) + r.review.comments.length + (r.acceptedAt ? 1 : 0),
      createdAt: at,
      updatedAt: at,
      updatedBy: r.updatedBy ?? r.acceptedBy ?? r.submittedBy ?? 'seed',
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
      acceptedBy: r.acceptedBy,
      updatedByName: names.get(r.updatedBy ?? r.acceptedBy ?? r.submittedBy ?? '') ?? null,
      submittedByName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
      acceptedByName: r.acceptedBy ? (names.get(r.acceptedBy) ?? null) : null,
      acceptedAt: r.acceptedAt,
      review: { comments: r.review.comments.map((c) => ({ ...c, byName: names.get(c.by) ?? c.by })) },
      confidence: Object.fromEntries(sections.map((s) => [s.workstreamId, s.confidence])),
      ...(r.certification
        ? {
            certification: {
              preparedBy: r.certification.preparedBy,
              preparedByName: names.get(r.certification.preparedBy) ?? null,
              sentAt: r.certification.sentAt,
              certifiedBy: r.submittedBy,
              certifiedByName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
              certifiedAt: r.submittedAt,
              comments: [],
            },
          }
        : {}),
    };
    items.push(returns.headerItem(header), ...sections.map((s) => returns.sectionItem(s)));
  }
  return items;
}
