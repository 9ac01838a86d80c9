import { z } from 'zod';
import { patchOf } from '../http/patch.js';
import { AgencyType, Slug } from './schema.js';

/** What the lead sends to add or change a workstream or an agency on Programme set-up. */

const name = (what: string) => z.string().trim().min(1, `Enter the ${what}’s name`).max(200, `The ${what}’s name must be 200 characters or fewer`);

/** A new workstream: its id is made from its name (a unique slug). */
export const CreateWorkstreamRequest = z
  .object({
    name: name('workstream'),
    description: z.string().trim().max(2000, 'The description must be 2,000 characters or fewer').default(''),
    leadAgencyId: Slug,
    contributingAgencyIds: z.array(Slug).min(1, 'Choose at least one agency that reports on it').max(50),
  })
  .strict();
export type CreateWorkstreamRequest = z.infer<typeof CreateWorkstreamRequest>;

/**
 * PATCH: only the fields sent change. `macpt` (on the change page only: a new workstream starts
 * without it) makes this the partnership's MACPT workstream, taking the mark from the one that had
 * it in the same write; `false` leaves the partnership without one.
 */
export const UpdateWorkstreamRequest = patchOf(CreateWorkstreamRequest.extend({ macpt: z.boolean() }));
export type UpdateWorkstreamRequest = z.infer<typeof UpdateWorkstreamRequest>;

/** A new agency: its id is made from its name (a unique slug). */
export const CreateAgencyRequest = z
  .object({
    name: name('agency'),
    type: AgencyType,
    statutory: z.boolean(),
  })
  .strict();
export type CreateAgencyRequest = z.infer<typeof CreateAgencyRequest>;

export const UpdateAgencyRequest = patchOf(CreateAgencyRequest);
export type UpdateAgencyRequest = z.infer<typeof UpdateAgencyRequest>;

/** One place up or down the list of those in use (retired ones keep their place among the retired). */
export const MoveRequest = z.object({ direction: z.enum(['up', 'down']) }).strict();
export type MoveRequest = z.infer<typeof MoveRequest>;
