import { z } from 'zod';
import { Milestone } from '../workstreams/milestone.js';
import { Period } from '../periods/period.js';
import { Agency, Partnership, Workstream } from './schema.js';

/** The partnership's configuration as the API answers it. */

export const MilestoneView = Milestone.meta({ id: 'Milestone' });
export const PeriodView = Period.meta({ id: 'Period' });
/** Every stored agency and workstream answers with its version: the ETag a change sends back. */
const version = z.number().int().min(1).describe('Send back as If-Match to change, move, retire or restore it');
export const AgencyView = Agency.extend({ version }).meta({ id: 'Agency' });
export const WorkstreamBaseView = Workstream.extend({ version }).meta({ id: 'Workstream' });

/** The lead's overall confidence for a workstream in a period; a cleared one stays with `confidence: null`. */
export const OverallConfidenceView = z
  .object({ periodId: z.string(), workstreamId: z.string(), confidence: z.string().nullable(), note: z.string(), setBy: z.string(), setAt: z.string(), version: z.number().int() })
  .meta({ id: 'OverallConfidence' });

/**
 * `GET /api/partnership`: the partnership, its agencies and workstreams in their order (retired
 * ones included, with `retiredAt`: their history stays), milestones and periods (newest first).
 */
export const PartnershipView = z
  .object({
    partnership: Partnership.meta({ id: 'Partnership' }).nullable(),
    agencies: z.array(AgencyView),
    workstreams: z.array(WorkstreamBaseView),
    milestones: z.array(MilestoneView),
    periods: z.array(PeriodView),
    overallConfidence: z.array(OverallConfidenceView),
  })
  .meta({ id: 'PartnershipData' });

/** A workstream with its milestones. */
export const WorkstreamView = Workstream.extend({ version, milestones: z.array(MilestoneView) }).meta({ id: 'WorkstreamWithMilestones' });

/** A partnership the signed-in person works in, and their role there. */
export const MembershipView = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    role: z.enum(['lead', 'executive', 'partner']),
    agencyId: z.string().nullable(),
  })
  .meta({ id: 'Membership' });

/** `GET /api/partnerships`: every partnership the signed-in person works in (one sign-in for all). */
export const MembershipsView = z.object({ partnerships: z.array(MembershipView) }).meta({ id: 'Memberships' });
