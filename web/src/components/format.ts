import { formatDayLong, ukDate } from '../../../shared/periods/period.js';

/*
 * The kit's display formats, so every page writes dates, times and people the same way:
 * "1 April 2026" (`formatDay`), "1 April 2026 at 3:45pm" (UK time, GOV.UK style), who did it and
 * when (`formatDoneBy`) and a person's name (or email, or "System").
 * `formatDayLong` and `ukDate` (the UK calendar day of an instant) come from shared/periods.
 */

export { formatDayLong, ukDate };

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

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/**
 * The moment something happened, in UK time as GOV.UK writes it: "1 April 2026 at 3:45pm", "5pm",
 * "midday", "midnight". `separator` goes between the date and the time (", " in a table).
 */
export function formatDateTime(iso: string | null | undefined, separator = ' at '): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = DATE_TIME.formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const period = p('dayPeriod').toLowerCase();
  const noonOrMidnight = p('hour') === '12' && p('minute') === '00' ? (period === 'am' ? 'midnight' : 'midday') : null;
  const time = noonOrMidnight ?? (p('minute') === '00' ? `${p('hour')}${period}` : `${p('hour')}:${p('minute')}${period}`);
  return `${p('day')} ${p('month')} ${p('year')}${separator}${time}`;
}

/** When something was done and who did it: "1 April 2026 at 3:45pm by Jo Bloggs". */
export const formatDoneBy = (iso: string | null | undefined, by: string | null | undefined) => `${formatDateTime(iso)} by ${by}`;

/** Someone as people should read them: their name, else their email, else `fallback` (an automated change). */
export function personName(person: { name?: string | null; email?: string | null } | null | undefined, fallback = 'System'): string {
  return person?.name?.trim() || person?.email?.trim() || fallback;
}
