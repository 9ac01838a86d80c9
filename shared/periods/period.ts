import { z } from 'zod';
import { IsoDate } from '../workstreams/milestone.js';

/**
 * Reporting periods are UK financial-year quarters: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec and Q4
 * Jan-Mar of the following calendar year. Ids read like `2026-27-Q3`.
 *
 * Dates are plain `YYYY-MM-DD` strings throughout: a period is a span of UK calendar days, not of
 * instants, and string dates compare correctly with `<` and never shift with the server's zone.
 */

const PERIOD_ID_PATTERN = /^(\d{4})-(\d{2})-Q([1-4])$/;

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** Parts of a period id. `year` is the calendar year the financial year starts in (April). */
export interface PeriodParts {
  year: number;
  quarter: Quarter;
}

/** Month (1-12) each quarter starts in, and how many calendar years after `year` it falls. */
const QUARTER_START: Record<Quarter, { month: number; yearOffset: number }> = {
  1: { month: 4, yearOffset: 0 },
  2: { month: 7, yearOffset: 0 },
  3: { month: 10, yearOffset: 0 },
  4: { month: 1, yearOffset: 1 },
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function pairs(first: number, second: number): boolean {
  return (first + 1) % 100 === second;
}

/**
 * A reporting period id such as `2026-27-Q3`. The second year must follow the first (`2099-00`
 * is fine, `2026-28` is not), because a typo there would silently open the wrong year.
 */
export const PeriodId = z
  .string()
  .regex(PERIOD_ID_PATTERN, 'Enter a period in the form 2026-27-Q3 (financial year, then quarter Q1 to Q4)')
  .refine((id) => {
    const m = PERIOD_ID_PATTERN.exec(id);
    return !m || pairs(Number(m[1]), Number(m[2]));
  }, 'The second year must follow the first, as in 2026-27');
export type PeriodId = z.infer<typeof PeriodId>;

/** A reporting period as the API answers it (`GET /api/periods`). */
export const Period = z.object({
  id: PeriodId,
  start: IsoDate,
  end: IsoDate,
  dueDate: IsoDate,
  status: z.enum(['open', 'closed']),
});
export type Period = z.infer<typeof Period>;
export type PeriodStatus = Period['status'];

/**
 * Splits a period id into its financial year and quarter.
 * @throws RangeError when `id` is not a well-formed period id (callers validate input with {@link PeriodId} first).
 */
export function parsePeriodId(id: string): PeriodParts {
  const m = PERIOD_ID_PATTERN.exec(id);
  if (!m || !pairs(Number(m[1]), Number(m[2]))) throw new RangeError(`Not a reporting period id: ${id.slice(0, 40)}`);
  return { year: Number(m[1]), quarter: Number(m[3]) as Quarter };
}

/** Builds the id of a quarter of the financial year starting in April of `year`. */
export function formatPeriodId({ year, quarter }: PeriodParts): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}-Q${quarter}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Day count of a month, leap years included (day 0 of the next month is the last of this one). */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day (inclusive) of a reporting period, e.g. `2026-27-Q3` -> 2026-10-01 to 2026-12-31. */
export function periodBounds(id: string): { start: string; end: string } {
  const { year, quarter } = parsePeriodId(id);
  const { month, yearOffset } = QUARTER_START[quarter];
  const y = year + yearOffset;
  const endMonth = month + 2;
  return { start: `${y}-${pad(month)}-01`, end: `${y}-${pad(endMonth)}-${pad(daysIn(y, endMonth))}` };
}

// en-CA formats as YYYY-MM-DD. Made once: making a formatter costs far more than using one (a tenth of a millisecond a time).
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The UK calendar day of an instant as `YYYY-MM-DD`. Near midnight in British Summer Time the UTC
 * day is the previous one, and a return submitted at 00:30 on 1 April belongs to the new quarter.
 */
export function ukDate(instant: Date): string {
  return UK_DAY.format(instant);
}

/** Today in the UK, as YYYY-MM-DD (for "overdue" and the open period). */
export const ukToday = () => ukDate(new Date());

function toDay(date: Date | string): string {
  if (typeof date !== 'string') return ukDate(date);
  if (!IsoDate.safeParse(date).success) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${date.slice(0, 40)}`);
  return date;
}

/** The reporting period a day falls in: a `Date` is read as its UK calendar day; a string must be `YYYY-MM-DD`. */
export function periodForDate(date: Date | string): string {
  const day = toDay(date);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month <= 3) return formatPeriodId({ year: year - 1, quarter: 4 });
  return formatPeriodId({ year, quarter: (Math.floor((month - 4) / 3) + 1) as Quarter });
}

/** The quarter before, e.g. `2026-27-Q1` -> `2025-26-Q4`. */
export function previousPeriodId(id: string): string {
  const { year, quarter } = parsePeriodId(id);
  return quarter === 1 ? formatPeriodId({ year: year - 1, quarter: 4 }) : formatPeriodId({ year, quarter: (quarter - 1) as Quarter });
}

/** The quarter after, e.g. `2026-27-Q4` -> `2027-28-Q1`. */
export function nextPeriodId(id: string): string {
  const { year, quarter } = parsePeriodId(id);
  return quarter === 4 ? formatPeriodId({ year: year + 1, quarter: 1 }) : formatPeriodId({ year, quarter: (quarter + 1) as Quarter });
}

/** Sort comparator, oldest period first (negative when `a` is earlier than `b`). */
export function comparePeriodIds(a: string, b: string): number {
  const pa = parsePeriodId(a);
  const pb = parsePeriodId(b);
  return pa.year - pb.year || pa.quarter - pb.quarter;
}

/** Short label for tables and headings: `2026-27-Q3` -> "2026-27 Q3". */
export function periodLabel(id: string): string {
  const { year, quarter } = parsePeriodId(id);
  return `${formatPeriodId({ year, quarter }).slice(0, 7)} Q${quarter}`;
}

/**
 * Long label that needs no knowledge of financial years: `2026-27-Q3` -> "October to December 2026",
 * `2026-27-Q4` -> "January to March 2027".
 */
export function periodLongLabel(id: string): string {
  const { year, quarter } = parsePeriodId(id);
  const { month, yearOffset } = QUARTER_START[quarter];
  return `${MONTH_NAMES[month - 1]} to ${MONTH_NAMES[month + 1]} ${year + yearOffset}`;
}

/** A `YYYY-MM-DD` day for people: "1 October 2026". */
export function formatDayLong(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * What the lead sends to open a period (`POST /api/periods`). Start and end follow from the id, so
 * they are not accepted. A due date before the period starts is refused on `dueDate`; one inside
 * the period is allowed because a partnership may want an early flash report.
 */
export const CreatePeriodRequest = z
  .object({ id: PeriodId, dueDate: IsoDate })
  .strict()
  .superRefine((v, ctx) => {
    // Zod may run this after a continuable issue on `id`; only a well-formed id has a start.
    if (!PeriodId.safeParse(v.id).success || !IsoDate.safeParse(v.dueDate).success) return;
    const { start } = periodBounds(v.id);
    if (v.dueDate < start) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `The due date must be on or after the day the period starts (${formatDayLong(start)})` });
    }
  });
export type CreatePeriodRequest = z.infer<typeof CreatePeriodRequest>;

/** Return statuses that mean the agency has done its part for the period. */
const DELIVERED: ReadonlySet<string> = new Set(['submitted', 'accepted']);

/** Whether the agency has done its part: its return is submitted or accepted. */
export const isDelivered = (returnStatus: string) => DELIVERED.has(returnStatus);

/**
 * Whether an agency's return for a period is overdue on `today`: the due date has passed (the due
 * date itself is still in time) and the return is neither submitted nor accepted. A `returned`
 * return counts as outstanding, because the lead is waiting on the agency again; the lead sees the
 * `returned` status beside the flag and can tell the two apart.
 */
export function isOverdue(period: Pick<Period, 'dueDate'>, returnStatus: string, today: Date | string): boolean {
  return toDay(today) > period.dueDate && !DELIVERED.has(returnStatus);
}

/** Whether a UK day (`YYYY-MM-DD`) is a Monday (weekly summaries go then). */
export const isMonday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() === 1;

/** Whole days from `from` to `to` (UK days, `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
