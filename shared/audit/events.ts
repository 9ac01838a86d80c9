import { z } from 'zod';

/** The audit trail as the API answers it (`GET /api/audit`). */

/** Who did something, as recorded at the time. */
export const AuditActorView = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.string(), agencyId: z.string().nullable() }).meta({ id: 'AuditActor' });

/** One immutable event: a change and who made it. */
export const AuditEventView = z
  .object({
    eventId: z.string(),
    at: z.string(),
    actor: AuditActorView,
    requestId: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    summary: z.string().describe('Plain-English one-liner, e.g. "Submitted the return"'),
    changes: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .optional()
      .describe('Field-level changes'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEvent' });

/** A page of events, oldest first; `cursor` fetches the next page (null on the last). */
export const AuditPageView = z.object({ events: z.array(AuditEventView), cursor: z.string().nullable() }).meta({ id: 'AuditPage' });
