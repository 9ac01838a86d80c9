import { z } from 'zod';
import { patchOf } from '../http/patch.js';
import { Slug } from '../partnership/schema.js';

/** Milestone statuses (the same scale partners use in their returns' milestone updates). */
export const MILESTONE_STATUS_VALUES = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete'] as const;
export const MilestoneStatusSchema = z.enum(MILESTONE_STATUS_VALUES);
export type MilestoneStatusValue = z.infer<typeof MilestoneStatusSchema>;

export const IsoDate = z.iso.date({ message: 'Enter a real date in the form YYYY-MM-DD' });

/** A dated milestone of a workstream, owned by one agency. The lead manages them. */
export const Milestone = z.object({
  id: Slug,
  workstreamId: Slug,
  title: z.string().min(1).max(200),
  description: z.string().max(2000),
  ownerAgencyId: Slug,
  dueDate: IsoDate,
  status: MilestoneStatusSchema,
  /** Closed milestones stay in history but leave the returns' milestone lists. */
  closed: z.boolean().default(false),
  version: z.number().int().min(1).default(1),
});
export type Milestone = z.infer<typeof Milestone>;

export const CreateMilestoneRequest = z
  .object({
    id: Slug.optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    ownerAgencyId: Slug,
    dueDate: IsoDate,
    status: MilestoneStatusSchema.default('not-started'),
  })
  .strict();
export type CreateMilestoneRequest = z.infer<typeof CreateMilestoneRequest>;

/** PATCH: the create fields (no defaults) plus `closed`; only the fields sent change. */
export const UpdateMilestoneRequest = patchOf(CreateMilestoneRequest.omit({ id: true }).extend({ closed: z.boolean() }));
export type UpdateMilestoneRequest = z.infer<typeof UpdateMilestoneRequest>;

/** Makes a slug id from a title ("Kinship Local Offer published" -> "kinship-local-offer-published"). */
export function slugify(title: string, max = 60): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s.length >= 2 ? s : `item-${s || 'x'}`;
}

/** A milestone is overdue when it is still open, not complete, and its due date is before `today` (YYYY-MM-DD). */
export const milestoneOverdue = (m: Pick<Milestone, 'dueDate' | 'status'> & { closed?: boolean }, today: string): boolean =>
  !m.closed && m.status !== 'complete' && m.dueDate < today;
