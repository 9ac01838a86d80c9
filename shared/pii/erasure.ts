import { z } from 'zod';

/** Records whose text the lead can erase (each with its revisions and audit events). */
export const ERASABLE_ENTITIES = ['return', 'kinship-item', 'threshold-document', 'criterion', 'assessment', 'milestone', 'workstream', 'indicator', 'yearly-report'] as const;
export const ErasableEntity = z.enum(ERASABLE_ENTITIES);
export type ErasableEntity = z.infer<typeof ErasableEntity>;

export const ERASABLE_ENTITY_LABELS: Record<ErasableEntity, string> = {
  return: 'Quarterly return (period/agency, e.g. 2026-27-Q3/kent-police)',
  'kinship-item': 'Kinship Local Offer item (its id)',
  'threshold-document': 'Threshold document version (its id, e.g. v3-0)',
  criterion: 'Readiness criterion (its id)',
  assessment: 'Readiness assessment (criterion/agency)',
  milestone: 'Milestone (workstream/milestone)',
  workstream: "Workstream's overall confidence note (workstream/period)",
  indicator: 'Outcome indicator (workstream/indicator, e.g. placement-sufficiency/children-in-care)',
  'yearly-report': 'Yearly report (the last quarter of its window, e.g. 2026-27-Q3)',
};

/** What replaces erased text everywhere it was. */
export const ERASED_TEXT = '[removed]';

/**
 * `POST /api/erasures`: the lead removes personal data that slipped through. `text` is what to
 * remove, exactly as it appears; it is used to find the text and is never stored or logged.
 */
export const EraseRequest = z
  .object({
    entityType: ErasableEntity,
    entityId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._/-]+$/, 'Use the record id as the scan or the page shows it'),
    field: z.string().trim().min(1).max(200),
    text: z.string().min(3, 'Enter at least 3 characters: the exact text to remove').max(2000),
    reason: z.string().trim().min(1, 'Say why the text is being erased').max(1000),
  })
  .strict();
export type EraseRequest = z.infer<typeof EraseRequest>;

/** What an erasure did: counts only, never the text. */
export const ErasureResult = z.object({
  entityType: ErasableEntity,
  entityId: z.string(),
  field: z.string(),
  /** Occurrences replaced in the record and its revisions. */
  recordReplacements: z.number().int(),
  /** Audit events rewritten. */
  auditEvents: z.number().int(),
  eventId: z.string(),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

/**
 * Replaces every occurrence of `text` in the string values of `value` (keys named in `skip` are
 * left alone). Returns the new value and how many occurrences were replaced.
 */
export function eraseText<T>(value: T, text: string, skip: ReadonlySet<string> = new Set()): { value: T; count: number } {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.includes(text)) return v;
      const parts = v.split(text);
      count += parts.length - 1;
      return parts.join(ERASED_TEXT);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, skip.has(k) ? x : walk(x)]));
    return v;
  };
  const out = walk(value) as T;
  return { value: out, count };
}
