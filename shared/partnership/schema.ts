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

/**
 * When a workstream or agency came and went, as the lead manages them on Programme set-up. Every
 * field is optional: a record from before (the seed, a template) was there from the start, has
 * never been retired and is at version 1. Which reporting periods it belongs to follows from these
 * dates (shared/partnership/period-scope.ts).
 */
const Lifecycle = {
  /** When the lead added it (absent: there from the start). */
  createdAt: z.iso.datetime().optional(),
  /** When the lead retired it; absent while it is in use. Its history stays (past returns, trends). */
  retiredAt: z.iso.datetime().optional(),
  /** Who retired it, by name, as the page shows it (the audit event has their account). */
  retiredBy: z.string().max(120).optional(),
  /** The optimistic-concurrency version (`If-Match`); absent on a record never changed since it was loaded. */
  version: z.number().int().min(1).optional(),
};

export const Agency = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  type: AgencyType,
  /** Statutory safeguarding partner (council, police, ICB) as opposed to a relevant agency. */
  statutory: z.boolean(),
  /** Place in the partnership's lists (absent: after those with one, by id). */
  order: z.number().int().min(0).optional(),
  ...Lifecycle,
});
export type Agency = z.infer<typeof Agency>;

export const Workstream = z.object({
  id: Slug,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  leadAgencyId: Slug,
  /** The agencies that report on it now. An agency since retired stays listed: its history is kept. */
  contributingAgencyIds: z.array(Slug),
  order: z.number().int().min(0),
  /** When each agency of `contributingAgencyIds` added after the workstream's creation joined it. */
  contributorsSince: z.record(Slug, z.iso.datetime()).optional(),
  /** Agencies that reported on it and no longer do: from when (absent: the start) until when. */
  formerContributors: z.array(z.object({ agencyId: Slug, from: z.iso.datetime().optional(), until: z.iso.datetime() })).optional(),
  /**
   * This workstream sets up the multi-agency child protection teams (MACPTs): its readiness is
   * "MACPT readiness", listed first and highlighted on the tracker. At most one workstream of a
   * partnership has it (the seed and templates are checked with {@link extraMacptWorkstreams}; the
   * lead's change moves it). Absent is the same as false, except that `false` is what a lead who
   * moved or cleared the mark leaves behind (functions/jobs/migrate.ts leaves those alone). The
   * seed, a template or the lead (on the workstream's change page) sets it: never its id.
   */
  macpt: z.boolean().optional(),
  ...Lifecycle,
});
export type Workstream = z.infer<typeof Workstream>;

/** The ids of the workstreams marked `macpt` beyond the first: a partnership may have one MACPT workstream. */
export function extraMacptWorkstreams<W extends { id: string; macpt?: boolean | undefined }>(workstreams: readonly W[]): string[] {
  return workstreams
    .filter((w) => w.macpt === true)
    .slice(1)
    .map((w) => w.id);
}

/** A stored agency or workstream as the repository hands it out: always with its version. */
export type Versioned<T> = T & { version: number };
