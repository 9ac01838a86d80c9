import { z } from 'zod';

/*
 * Chasing: the programme lead sends one reminder now about an outstanding return or sign-off, at
 * most once a day per item, and everyone sees when it was last done and who was reminded.
 */

export const CHASE_KINDS = ['return', 'sign-off'] as const;
export type ChaseKind = (typeof CHASE_KINDS)[number];

/** What was chased, as the chase's key: `return#<periodId>#<agencyId>`, `sign-off#<versionId>#<agencyId>`. */
export const chaseKey = (kind: ChaseKind, of: string, agencyId: string) => `${kind}#${of}#${agencyId}`;

export const ChaseView = z
  .object({
    kind: z.enum(CHASE_KINDS),
    /** The period (a return) or the threshold version (a sign-off). */
    of: z.string(),
    agencyId: z.string(),
    at: z.string(),
    day: z.string().describe('The UK day of the chase: one a day per item'),
    by: z.string().describe('Who chased, by name'),
    sentTo: z.array(z.string()).describe('Who was emailed, by name'),
    notSent: z.array(z.string()).describe('Who could not be emailed this time, by name'),
  })
  .meta({ id: 'Chase' });
export type ChaseView = z.infer<typeof ChaseView>;

/** The daily job's last automatic reminder about an outstanding item: when, and whom it reached. */
export const AutomaticReminderView = z
  .object({
    kind: z.enum(CHASE_KINDS),
    of: z.string(),
    agencyId: z.string(),
    at: z.string(),
    sentTo: z.array(z.string()).describe('Who was emailed, by name'),
  })
  .meta({ id: 'AutomaticReminder' });
export type AutomaticReminderView = z.infer<typeof AutomaticReminderView>;

export const ChasesView = z
  .object({ chases: z.array(ChaseView), reminders: z.array(AutomaticReminderView).describe("The daily job's last reminder of each item it has reminded") })
  .meta({ id: 'Chases' });

export const ChasesQuery = z
  .object({
    kind: z.enum(CHASE_KINDS),
    of: z.string().min(2).max(64).describe('The period (returns) or the threshold version (sign-offs)'),
  })
  .strict();
