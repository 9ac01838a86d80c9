/*
 * The rules behind the GOV.UK date input (./date-input.tsx), kept apart from the component so they
 * can be tested on their own: the boxes for a value, the value for the boxes, and GOV.UK's error
 * messages ("Due date must include a month", "Due date must be a real date").
 */

/** A date as typed into the three boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The boxes for a value: "2026-03-07" -> 7, 3, 2026; a partial value as it was typed. */
export function partsOf(value: string | undefined): DateParts {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! };
  const typed = (value ?? '').split('-');
  return typed.length === 3 ? { year: typed[0]!, month: typed[1]!, day: typed[2]! } : EMPTY_DATE;
}

/** What the boxes say: nothing, a real date as `YYYY-MM-DD`, or the problem in GOV.UK's words ("Start date must include a year"). */
export function readDate(p: DateParts, name: string): { value?: string; error?: string } {
  const day = p.day.trim();
  const month = p.month.trim();
  const year = p.year.trim();
  if (!day && !month && !year) return {};
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean);
  if (missing.length) return { error: `${name} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${name} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: `${name} must be a real date` };
  return { value: iso };
}

/** The value for the boxes: `YYYY-MM-DD`, '' or what was typed. */
export function dateValueOf(p: DateParts): string {
  const read = readDate(p, 'Date');
  if (read.value) return read.value;
  return read.error ? `${p.year.trim()}-${p.month.trim()}-${p.day.trim()}` : '';
}

/** GOV.UK's message for a date input's value ("Due date must be a real date"), or undefined if it is blank or a real date. */
export function dateError(value: string | null | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const read = readDate(partsOf(value), name);
  return read.value ? undefined : (read.error ?? `${name} must be a real date`);
}
