import { z } from 'zod';
import { ReturnStatus, ReturnView } from './schema.js';

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
