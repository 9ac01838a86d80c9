import { z } from 'zod';

/** Lower-case slug used for every id that people type or see in URLs. */
export const Slug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, numbers and single hyphens');

export const AGENCY_TYPES = ['local-authority', 'police', 'health', 'education', 'voluntary', 'other'] as const;
export const AgencyType = z.enum(AGENCY_TYPES);

export const AGENCY_TYPE_LABELS: Record<z.infer<typeof AgencyType>, string> = {
  'local-authority': 'Local authority',
  police: 'Police',
  health: 'Health (integrated care board)',
  education: 'Education',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

export const Partnership = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(40),
  /** How many working days before a return's due date its agency is reminded (5 when not set). */
  reminderWorkingDays: z.number().int().min(1).max(20).optional(),
  /** How many days after a threshold version is issued an outstanding sign-off is chased (14 when not set; the lead hears at twice that). */
  signOffReminderDays: z.number().int().min(1).max(90).optional(),
  /**
   * Each agency's return must be certified by one of its signatories (not the person who prepared
   * it) before it reaches the lead. Off when not set: a new partnership starts without it.
   */
  certifyReturns: z.boolean().optional(),
});
export type Partnership = z.infer<typeof Partnership>;
export const DEFAULT_REMINDER_WORKING_DAYS = 5;
export const DEFAULT_SIGN_OFF_REMINDER_DAYS = 14;

export const Agency = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  type: AgencyType,
  /** Statutory safeguarding partner (council, police, ICB) as opposed to a relevant agency. */
  statutory: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const Workstream = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  leadAgencyId: Slug,
  contributingAgencyIds: z.array(Slug),
  order: z.number().int().min(0),
});
export type Workstream = z.infer<typeof Workstream>;
