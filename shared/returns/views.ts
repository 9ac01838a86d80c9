import { z } from 'zod';
import { Slug } from '../partnership/schema.js';
import { PeriodId } from '../periods/period.js';
import { ReturnStatus, ReturnView, SECTION_PROGRESS } from './schema.js';

/** Returns as the API answers them, besides `ReturnView` (schema.ts), which the pages also parse. */

/** `GET /api/returns?periodId=`: one row per reporting agency (partners: their own only). */
export const ReturnListRowView = z
  .object({
    periodId: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    status: ReturnStatus,
    version: z.number().int(),
    dueDate: z.string(),
    overdue: z.boolean(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    confidence: z.record(z.string(), z.string().nullable()).describe('Delivery confidence by workstream id, null where not given'),
    reopened: z.boolean().describe('Reopened by the lead after acceptance, and not yet accepted again'),
  })
  .meta({ id: 'ReturnListRow' });

/** `ReturnView` as the document names it. */
export const ReturnViewDoc = ReturnView.meta({ id: 'Return' });

/**
 * `GET /api/p/{partnershipId}/returns/{periodId}/{agencyId}/sources`: the caller's own agency's
 * returns for the same period in the other partnerships where they are a partner, with the
 * sections one could be copied from. Names and dates only, never answers: nothing of another
 * partnership is shown until the person chooses to copy it.
 */
export const ReturnSourceSectionView = z.object({
  workstreamId: Slug,
  workstreamName: z.string(),
  progress: z.enum(SECTION_PROGRESS),
  savedAt: z.string().nullable().describe("When the section was last saved (its return's last save where the section's own time was not recorded)"),
});

export const ReturnSourceView = z.object({
  partnershipId: Slug,
  partnershipName: z.string(),
  agencyId: Slug,
  agencyName: z.string(),
  status: ReturnStatus,
  updatedAt: z.string().nullable(),
  sections: z.array(ReturnSourceSectionView),
});

export const ReturnSourcesView = z
  .object({
    periodId: PeriodId,
    agencyId: Slug,
    sources: z.array(ReturnSourceView).describe('One entry per other partnership with a return to copy from, in the order partnerships are listed'),
  })
  .meta({ id: 'ReturnSources' });
export type ReturnSourcesView = z.infer<typeof ReturnSourcesView>;
