/* Dates and times as people read them, the same on the pages and in the documents the portal writes. */

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
