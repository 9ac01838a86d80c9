import { z } from 'zod';
import { patchOf } from '../http/patch.js';
import { Slug } from '../partnership/schema.js';

/** The six categories s22H requires the offer to cover, then optional extra ones. */
export const STATUTORY_CATEGORIES = ['general-approach', 'financial-support', 'health-and-wellbeing', 'relationships', 'education-and-training', 'accommodation'] as const;
export const CATEGORIES = [...STATUTORY_CATEGORIES, 'legal-advice', 'peer-support', 'other'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const CATEGORY_LABELS: Record<Category, string> = {
  'general-approach': 'Our general approach to kinship care',
  'financial-support': 'Financial support',
  'health-and-wellbeing': 'Health and wellbeing',
  relationships: 'Relationships, including contact with parents and relatives',
  'education-and-training': 'Education and training',
  accommodation: 'Housing and accommodation',
  'legal-advice': 'Legal advice',
  'peer-support': 'Support from other kinship carers',
  other: 'Other support',
};

export const ARRANGEMENT_TYPES = ['informal', 'private-fostering', 'kinship-foster-care', 'child-arrangements-order', 'special-guardianship-order'] as const;
export const ArrangementType = z.enum(ARRANGEMENT_TYPES);
export const ARRANGEMENT_LABELS: Record<z.infer<typeof ArrangementType>, string> = {
  informal: 'Informal or family arrangement',
  'private-fostering': 'Private fostering',
  'kinship-foster-care': 'Kinship foster care (connected carers)',
  'child-arrangements-order': 'Child arrangements order',
  'special-guardianship-order': 'Special guardianship order',
};

export const AUDIENCES = ['children', 'carers'] as const;
export const MEANS_TESTED = ['yes', 'no', 'not-applicable'] as const;
/**
 * `returned`: the lead sent an item in review back to its agency with comments instead of publishing
 * it. Like a draft the agency edits it and sends it again; if it was published before, the published
 * text stays live meanwhile.
 */
export const ITEM_STATUSES = ['draft', 'in-review', 'returned', 'published', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

/** The content of an item: what families read. */
export const ItemContent = z
  .object({
    category: Category,
    title: text(200).min(1),
    summary: text(1500).min(1),
    arrangementTypes: z.array(ArrangementType).min(1).max(5),
    audience: z.array(z.enum(AUDIENCES)).min(1).max(2).default(['carers']),
    eligibility: text(2000).default(''),
    howToApply: text(2000).default(''),
    meansTested: z.enum(MEANS_TESTED).default('not-applicable'),
    howDecisionsAreMade: text(2000).nullable().default(null),
    providerAgencyId: Slug.nullable().default(null),
    providerName: text(200).nullable().default(null),
    contact: text(500).default(''),
  })
  .strict();
export type ItemContent = z.infer<typeof ItemContent>;

export const CreateItemRequest = ItemContent.superRefine((v, ctx) => {
  if (!v.providerAgencyId && !v.providerName) ctx.addIssue({ code: 'custom', path: ['providerName'], message: 'Name the provider: choose an agency or enter the organisation' });
  if (v.category === 'financial-support' && !v.howDecisionsAreMade)
    ctx.addIssue({ code: 'custom', path: ['howDecisionsAreMade'], message: 'Say how decisions about financial support are made' });
});
/** PATCH: only the fields sent change (no defaults); the edited item is checked as a new one would be. */
export const UpdateItemRequest = patchOf(ItemContent);
export type UpdateItemRequest = z.infer<typeof UpdateItemRequest>;

/** `POST .../return`: the lead sends an item in review back to its agency, saying what to change. */
export const ReturnItemRequest = z
  .object({
    comment: z.string().trim().min(1, 'Enter a comment telling the agency what to change').max(2000, 'Comments must be 2,000 characters or fewer'),
  })
  .strict();
export type ReturnItemRequest = z.infer<typeof ReturnItemRequest>;

/** One of the lead's review comments, kept in order on the item and shown to its agency. */
export interface KinshipReviewComment {
  comment: string;
  by: string;
  byName: string;
  at: string;
}

/** Internal view of an item (staff pages). */
export interface KinshipItem extends ItemContent {
  id: string;
  ownerAgencyId: string;
  status: ItemStatus;
  version: number;
  /** What the public sees now (null until first published). */
  published: ItemContent | null;
  publishedAt: string | null;
  /** True when an edit of a published item waits for the lead. */
  revisionPending: boolean;
  revision: number;
  /** The lead's comments when returning it to the agency, oldest first. */
  reviewComments: KinshipReviewComment[];
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  createdBy: string;
  updatedBy: string;
  /** Who last changed it, for display (emails identify, names are shown); absent for seeded items. */
  updatedByName?: string | null;
  updatedAt: string;
}

/** What the public page shows: no status history, authors or review notes. */
export interface PublicItem {
  id: string;
  category: Category;
  title: string;
  summary: string;
  arrangementTypes: string[];
  audience: string[];
  eligibility: string;
  howToApply: string;
  meansTested: string;
  howDecisionsAreMade: string | null;
  provider: string;
  contact: string;
}

/** Adds twelve months to an ISO date (the default review cycle). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

export interface Coverage {
  categories: { category: Category; label: string; statutory: boolean; publishedCount: number; covered: boolean }[];
  gaps: Category[];
  complete: boolean;
  overdueReviews: { id: string; title: string; nextReviewDue: string }[];
  lastPublishedAt: string | null;
}

/** Which statutory categories the published offer covers, and which reviews are overdue. */
export function coverage(items: Pick<KinshipItem, 'id' | 'status' | 'published' | 'publishedAt' | 'nextReviewDue' | 'title'>[], today: string): Coverage {
  const live = items.filter((i) => i.published && i.status !== 'retired');
  const categories = CATEGORIES.map((category) => {
    const publishedCount = live.filter((i) => i.published?.category === category).length;
    const statutory = (STATUTORY_CATEGORIES as readonly string[]).includes(category);
    return { category, label: CATEGORY_LABELS[category], statutory, publishedCount, covered: publishedCount > 0 };
  });
  const gaps = categories.filter((c) => c.statutory && !c.covered).map((c) => c.category);
  return {
    categories,
    gaps,
    complete: gaps.length === 0,
    overdueReviews: live
      .filter((i) => i.nextReviewDue && i.nextReviewDue < today)
      .map((i) => ({ id: i.id, title: i.published?.title ?? i.title, nextReviewDue: i.nextReviewDue! })),
    lastPublishedAt:
      live
        .map((i) => i.publishedAt)
        .filter((x): x is string => Boolean(x))
        .sort()
        .at(-1) ?? null,
  };
}
