import { formatDayLong, ukDate } from '../../../shared/periods/period.js';
import { formatDateTime } from '../../../shared/text/date-time.js';

/*
 * The kit's display formats, so every page writes dates, times and people the same way:
 * "1 April 2026" (`formatDay`), "1 April 2026 at 3:45pm" (UK time, GOV.UK style), who did it and
 * when (`formatDoneBy`) and a person's name (or email, or "System").
 * `formatDayLong` and `ukDate` (the UK calendar day of an instant) come from shared/periods.
 */

export { formatDateTime, formatDayLong, ukDate };

/** "1 April 2026" from a date or an instant (the instant's UK calendar day); `empty` when there is none. */
export function formatDay(iso: string | null | undefined, empty = ''): string {
  return iso ? formatDayLong(iso.length > 10 ? ukDate(new Date(iso)) : iso) : empty;
}

/** "1 April 2026" from an ISO date or instant (UTC, so a date never shifts by a day). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** When something was done and who did it: "1 April 2026 at 3:45pm by Jo Bloggs". */
export const formatDoneBy = (iso: string | null | undefined, by: string | null | undefined) => `${formatDateTime(iso)} by ${by}`;

/** Someone as people should read them: their name, else their email, else `fallback` (an automated change). */
export function personName(person: { name?: string | null; email?: string | null } | null | undefined, fallback = 'System'): string {
  return person?.name?.trim() || person?.email?.trim() || fallback;
}
