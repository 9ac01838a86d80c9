import { z } from 'zod';

/** One thing that needs the signed-in person, in plain English, with where to deal with it. */
export const AttentionItem = z
  .object({
    key: z.string().describe('Stable id of the item, e.g. review#2026-27-Q3'),
    text: z.string(),
    href: z.string(),
    urgency: z.enum(['overdue', 'soon', 'normal']).describe('Overdue first, then due soon'),
  })
  .meta({ id: 'AttentionItem' });
export type AttentionItem = z.infer<typeof AttentionItem>;

export const AttentionView = z.object({ items: z.array(AttentionItem) }).meta({ id: 'Attention' });

/**
 * `GET /api/partnerships/attention`: what needs the signed-in person in each partnership they work
 * in, the partnership named; each `href` opens that partnership's page (`/p/{id}/...`).
 */
export const AttentionEverywhereView = z
  .object({ partnerships: z.array(z.object({ id: z.string(), name: z.string(), items: z.array(AttentionItem) })) })
  .meta({ id: 'AttentionEverywhere' });
export type AttentionEverywhereView = z.infer<typeof AttentionEverywhereView>;

const ORDER = { overdue: 0, soon: 1, normal: 2 } as const;
/** Most urgent first; otherwise in the order they were found. */
export const byUrgency = (items: AttentionItem[]) =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => ORDER[a.item.urgency] - ORDER[b.item.urgency] || a.i - b.i)
    .map((x) => x.item);
