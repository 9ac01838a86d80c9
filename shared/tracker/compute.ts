import { ukDate } from '../periods/period.js';
import { CONFIDENCE_LEVELS, type ReturnStatus } from '../returns/schema.js';

/**
 * Pure rules behind the shared tracker: what each cell of the workstreams x agencies matrix shows,
 * each workstream's overall confidence and the trend. Kept free of I/O so the API, exports and
 * tests agree.
 */

/** Best to worst: the five-point delivery confidence scale (the same list returns use). */
export const CONFIDENCE_SCALE = CONFIDENCE_LEVELS;
export type ConfidenceLevel = (typeof CONFIDENCE_SCALE)[number];

export const confidenceRank = (c: string | null | undefined) => (c ? CONFIDENCE_SCALE.indexOf(c as ConfidenceLevel) : -1);

/** The worst of a set of levels, or null when none is given. */
export function worstConfidence(levels: (string | null | undefined)[]): ConfidenceLevel | null {
  let worst = -1;
  for (const l of levels) worst = Math.max(worst, confidenceRank(l));
  return worst < 0 ? null : CONFIDENCE_SCALE[worst]!;
}

export type CellState = 'accepted' | 'submitted' | 'not-reported';

export interface HeaderLike {
  periodId: string;
  agencyId: string;
  status: ReturnStatus;
  confidence: Record<string, string | null>;
}

export interface MatrixCell {
  agencyId: string;
  confidence: ConfidenceLevel | null;
  /** Accepted returns count; submitted-not-yet-accepted are shown distinctly; others are not reported. */
  state: CellState;
}

export function cellFor(header: HeaderLike | undefined, workstreamId: string): Omit<MatrixCell, 'agencyId'> {
  if (!header || (header.status !== 'accepted' && header.status !== 'submitted')) return { confidence: null, state: 'not-reported' };
  const c = header.confidence[workstreamId] ?? null;
  return { confidence: confidenceRank(c) >= 0 ? (c as ConfidenceLevel) : null, state: header.status as CellState };
}

/**
 * A workstream's overall confidence for a period: the lead's setting when there is one, otherwise
 * the worst of the accepted returns (or, when none is accepted yet, of the submitted ones).
 *
 * `provisional`: a rating the returns may still change, because it does not rest on every
 * contributing agency's accepted return (some are only submitted, or not in). The lead's own
 * setting is their judgement, and final.
 */
export function overallConfidence(
  cells: MatrixCell[],
  override: { confidence: ConfidenceLevel; note?: string } | undefined,
): { confidence: ConfidenceLevel | null; source: 'lead' | 'accepted' | 'submitted' | 'none'; provisional: boolean } {
  if (override) return { confidence: override.confidence, source: 'lead', provisional: false };
  const incomplete = cells.some((c) => c.state !== 'accepted');
  const accepted = worstConfidence(cells.filter((c) => c.state === 'accepted').map((c) => c.confidence));
  if (accepted) return { confidence: accepted, source: 'accepted', provisional: incomplete };
  const submitted = worstConfidence(cells.filter((c) => c.state === 'submitted').map((c) => c.confidence));
  return submitted ? { confidence: submitted, source: 'submitted', provisional: true } : { confidence: null, source: 'none', provisional: false };
}

/**
 * Characters a spreadsheet may skip or not show before a cell's first visible character: white space
 * of every kind (spaces, no-break and other Unicode spaces, tabs, line breaks), format characters
 * (zero-width space, joiners, word joiner, byte order mark, soft hyphen, direction marks), other
 * control characters, variation selectors, the combining grapheme joiner and blank letters (Hangul
 * fillers, braille blank).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each invisible character is listed on its own, on purpose
const INVISIBLE_LEAD = /^[\s\p{Z}\p{Cf}\p{Cc}\u034F\u115F\u1160\u2800\u3164\uFE00-\uFE0F\uFFA0]*/u;

/**
 * A formula trigger once compatibility forms are folded (NFKC turns full-width and small forms such
 * as U+FF1D, U+FF0B, U+FF0D, U+FF20 into = + - @): = + - @, the minus sign U+2212 and heavy
 * plus/minus signs, and any dash punctuation (hyphens, en and em dashes).
 */
const TRIGGER = /^[=+\-@\u2212\u2795\u2796\p{Pd}]/u;

/**
 * Whether a spreadsheet could read the text as a formula: it starts with a tab or carriage return,
 * or its first visible character is a formula trigger, whatever invisible characters come before.
 * Negative numbers written as text ("-5") count too, as they always have: the guard does not try
 * to tell a number from a formula.
 */
export function startsLikeFormula(text: string): boolean {
  const lead = INVISIBLE_LEAD.exec(text)?.[0] ?? '';
  if (/[\t\r]/.test(lead)) return true;
  const first = String.fromCodePoint(text.codePointAt(lead.length) ?? 32);
  return TRIGGER.test(first.normalize('NFKC'));
}

/**
 * A calendar date (and, for a moment, its time) in an export: written as `YYYY-MM-DD` (`YYYY-MM-DD
 * HH:MM`) in CSV, which spreadsheets read as a date whatever their locale, and as a real date (or
 * date and time) in Excel, shown dd/mm/yyyy (hh:mm).
 */
export interface DateCell {
  date: string;
  time?: string;
}

/** A calendar date (YYYY-MM-DD, or the date part of one) as a date cell; null stays empty. */
export const dateCell = (isoDate: string | null | undefined): DateCell | null => (isoDate ? { date: isoDate.slice(0, 10) } : null);

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment (ISO 8601 instant) as the UK date and time it was in London; null stays empty. */
export function ukDateTimeCell(instant: string | null | undefined): DateCell | null {
  if (!instant) return null;
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return null;
  return { date: ukDate(at), time: LONDON_TIME.format(at) };
}

export const isDateCell = (v: unknown): v is DateCell =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DateCell).date === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test((v as DateCell).date) &&
  ((v as DateCell).time === undefined || /^\d{2}:\d{2}$/.test((v as DateCell).time!));

/**
 * Formula injection guard: a cell that could be read as a formula (see `startsLikeFormula`) is
 * prefixed with a quote, which spreadsheets take as "this is text". The quote goes first, before
 * any invisible characters, so nothing the spreadsheet skips can come before it.
 */
export function csvCell(value: unknown): string {
  if (isDateCell(value)) return value.time ? `${value.date} ${value.time}` : value.date;
  let s = value === null || value === undefined ? '' : String(value);
  if (startsLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
