import { z } from 'zod';
import { Warning } from '../pii/detect.js';
import { Category, ITEM_STATUSES, ItemContent } from './schema.js';

/**
 * The Kinship Local Offer as the API answers it. Response shapes only: what clients may rely on.
 * Requests are in schema.ts.
 */

/** An item's content as stored (every field present, defaults applied). */
export const ItemContentView = z.object(ItemContent.shape).meta({ id: 'KinshipItemContent' });

/** One of the lead's comments when returning an item to its agency. */
export const KinshipReviewCommentView = z
  .object({ comment: z.string(), by: z.string(), byName: z.string().describe('Display name when they commented'), at: z.string() })
  .meta({ id: 'KinshipReviewComment' });

/** An item as staff pages see it: its draft content, status, review dates and what is published. */
export const KinshipItemView = ItemContentView.extend({
  id: z.string(),
  ownerAgencyId: z.string(),
  status: z.enum(ITEM_STATUSES),
  version: z.number().int(),
  published: ItemContentView.nullable().describe('What the public sees now (null until first published)'),
  publishedAt: z.string().nullable(),
  revisionPending: z.boolean().describe('An edit of a published item waits for the lead'),
  revision: z.number().int(),
  reviewComments: z.array(KinshipReviewCommentView).describe("The lead's comments when returning it to the agency, oldest first"),
  lastReviewedAt: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedByName: z.string().nullable().optional(),
  updatedAt: z.string(),
}).meta({ id: 'KinshipItem' });

/** An item read on its own or in the register, with possible personal data flagged by field. */
export const KinshipItemWithWarnings = KinshipItemView.extend({ warnings: z.array(Warning) }).meta({ id: 'KinshipItemWithWarnings' });

/** Statutory categories covered, reviews overdue, last published. */
export const CoverageView = z
  .object({
    categories: z.array(z.object({ category: Category, label: z.string(), statutory: z.boolean(), publishedCount: z.number().int(), covered: z.boolean() })),
    gaps: z.array(Category),
    complete: z.boolean(),
    overdueReviews: z.array(z.object({ id: z.string(), title: z.string(), nextReviewDue: z.string() })),
    lastPublishedAt: z.string().nullable(),
  })
  .meta({ id: 'KinshipCoverage' });

/** One item of the published offer: no status history, authors or review notes. */
export const PublicItemView = z
  .object({
    id: z.string(),
    category: Category,
    title: z.string(),
    summary: z.string(),
    arrangementTypes: z.array(z.string()),
    audience: z.array(z.string()),
    eligibility: z.string(),
    howToApply: z.string(),
    meansTested: z.string(),
    howDecisionsAreMade: z.string().nullable(),
    provider: z.string(),
    contact: z.string(),
  })
  .meta({ id: 'PublicKinshipItem' });

/** The published Kinship Local Offer, grouped by category. */
export const PublicOfferView = z
  .object({
    partnership: z.string(),
    lastUpdated: z.string().nullable(),
    groups: z.array(z.object({ category: Category, label: z.string(), items: z.array(PublicItemView) })),
  })
  .meta({ id: 'PublicKinshipOffer' });
