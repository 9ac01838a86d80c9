import Holidays from 'date-holidays';

/**
 * Working days in England and Wales: Monday to Friday except bank holidays (including substitute
 * days), from date-holidays' calendar for GB-ENG, which England and Wales share. Dates are UK
 * calendar days as `YYYY-MM-DD`. Server-side only: the holiday data is too big for the web bundle.
 */
const calendar = new Holidays('GB', 'ENG');
const bankHolidays = new Map<number, Set<string>>();

function bankHolidaysOf(year: number): Set<string> {
  let days = bankHolidays.get(year);
  if (!days) {
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidays.set(year, days);
  }
  return days;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(iso: string): Date {
  if (!ISO_DATE.test(iso)) throw new RangeError(`Not a date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

/** The day `n` calendar days after `iso` (before, when negative). */
export function addDays(iso: string, n: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isBankHoliday(iso: string): boolean {
  return bankHolidaysOf(Number(iso.slice(0, 4))).has(iso);
}

export function isWorkingDay(iso: string): boolean {
  const weekday = toUtc(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(iso);
}

/** The working day `n` working days before `iso` (`iso` itself need not be a working day). */
export function workingDaysBefore(iso: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a number of working days: ${n}`);
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
