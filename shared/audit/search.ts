import type { AuditQuery } from './query.js';

/*
 * The audit trail's search as the address holds it (`/audit?type=return&id=2026-27-Q3/kent-police&person=…
 * &action=…&from=…&to=…&cursor=…`), as the API takes it, and the address of each page of results.
 */

/** The search's filters, as the address holds them ('' when not applied). */
export interface AuditFilterValues {
  type: string;
  id: string;
  person: string;
  action: string;
  from: string;
  to: string;
}

/** The filters' names in the address, in the form's order. */
export const AUDIT_FILTERS = ['type', 'id', 'person', 'action', 'from', 'to'] as const satisfies readonly (keyof AuditFilterValues)[];

/** No filter applied: the whole partnership, newest first. */
export const NO_AUDIT_FILTERS: AuditFilterValues = { type: '', id: '', person: '', action: '', from: '', to: '' };

/** The search as the API takes it: newest first, `limit` events at a time, from `cursor` ('' for the first page). */
export function auditQueryOf(v: AuditFilterValues, cursor: string, limit: number): AuditQuery {
  return {
    ...(v.type && v.id ? { entityType: v.type as NonNullable<AuditQuery['entityType']>, entityId: v.id } : {}),
    ...(v.person ? { person: v.person } : {}),
    ...(v.action ? { action: v.action } : {}),
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    ...(cursor ? { cursor } : {}),
    order: 'newest',
    limit,
  };
}

/** The address of one page of the search's results (`cursor` null: the first page); filters not applied are left out. */
export function auditSearchHref(v: AuditFilterValues, cursor: string | null): string {
  const q = new URLSearchParams();
  for (const [k, value] of Object.entries(v)) if (value) q.set(k, value);
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return `/audit${s ? `?${s}` : ''}`;
}
