import { z } from 'zod';
import { formatPath } from '../http/problem.js';

/**
 * Personal-data guard for free text. The portal holds programme information, never case
 * information (BRIEF: no child's or family member's name, NHS number, date of birth or address),
 * so every save and submit scans free text for things that look like personal data.
 *
 * Two severities: NHS and National Insurance numbers identify a person on their own and are never
 * legitimate in programme text, so they block submission. The other kinds have innocent uses in
 * programme reporting (a team mailbox, a service's phone number, an office postcode, a meeting
 * date), so they are warnings the submitter confirms.
 *
 * Every pattern is anchored at token starts and uses bounded quantifiers, so scanning is linear
 * in the text length; text beyond {@link MAX_SCAN_LENGTH} characters is not scanned at all.
 */

export const PII_KINDS = ['nhs-number', 'ni-number', 'postcode', 'date-of-birth', 'email', 'phone'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/** Kinds that stop a submission outright: they identify a person and have no programme use. */
export const BLOCKING_KINDS = ['nhs-number', 'ni-number'] as const satisfies readonly PiiKind[];
export type BlockingKind = (typeof BLOCKING_KINDS)[number];

/** What the person should do, per kind, in plain English. Shown next to the field. */
export const PII_MESSAGES: Record<PiiKind, string> = {
  'nhs-number': 'This looks like an NHS number. The portal holds programme information only, not case information: remove it.',
  'ni-number': 'This looks like a National Insurance number. The portal holds programme information only, not case information: remove it.',
  postcode:
    "This looks like a postcode. Do not include anyone's home address: remove it, or confirm it is the address of an office or service.",
  'date-of-birth':
    "This looks like a date of birth. Do not include anyone's date of birth: remove it, or confirm it is a programme date such as a meeting or deadline.",
  email:
    "This looks like an email address. Do not include a child's or family member's email: remove it, or confirm it is a work or team address.",
  phone:
    "This looks like a phone number. Do not include a child's or family member's number: remove it, or confirm it is a service or team number.",
};

/** Longest text scanned, per string. Narratives are capped at 5,000 characters; documents are longer. */
export const MAX_SCAN_LENGTH = 100_000;
/** Most findings reported per string: one is enough to act on, and a flood helps nobody. */
const MAX_FINDINGS_PER_TEXT = 50;

/** One suspected piece of personal data in a text. Offsets (not the text itself) so callers never copy it around. */
export interface Finding {
  kind: PiiKind;
  /** Index of the first character. */
  start: number;
  /** Index after the last character. */
  end: number;
  message: string;
}

/** A finding attached to a field of a request or record, as the API returns it in `warnings`. */
export const Warning = z.object({ path: z.string(), kind: PiiKind, message: z.string() });
export type Warning = z.infer<typeof Warning>;

export interface DetectOptions {
  /**
   * "Today", for deciding which bare dates could be a young person's date of birth. A `Date` or a
   * `YYYY-MM-DD` string; defaults to the current time. Pass it in tests for repeatable results.
   */
  now?: Date | string;
  /** Only look for these kinds (default: all). */
  kinds?: readonly PiiKind[];
}

export interface ScanOptions extends DetectOptions {
  /**
   * Keys whose values are not free text and are skipped (with everything under them). Default:
   * {@link isIdentifierKey} (ids, hashes, links), because slugs, hex hashes and document links can
   * contain digit runs that look like NHS numbers or phone numbers but say nothing about a person.
   */
  skipKey?: (key: string) => boolean;
}

// ---------------------------------------------------------------------------------------------
// NHS number

/** Whether ten digits carry a valid NHS number check digit (modulus 11, weights 10 down to 2). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  // Repeated single digits (0000000000, 1111111111...) pass the checksum but are placeholders.
  if (/^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// 3-3-4 digits, unseparated or with the same single space or hyphen twice. Not part of a longer
// number, a decimal, or a word (such as a hex hash or reference code).
const NHS = /(?<![\w.,£$€])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w£$€%]|[.,]\d)/g;

function findNhsNumbers(text: string, out: Finding[]) {
  for (const m of text.matchAll(NHS)) {
    if (isValidNhsNumber(`${m[1]}${m[3]}${m[4]}`)) push(out, 'nhs-number', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// National Insurance number

// First letter: not D, F, I, Q, U, V. Second: not those nor O. Then six digits (optionally in
// pairs separated by spaces) and a suffix A-D. Administrative prefixes are excluded below.
const NI = /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![A-Za-z0-9])/gi;
const NI_NOT_ALLOCATED: ReadonlySet<string> = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function findNiNumbers(text: string, out: Finding[]) {
  for (const m of text.matchAll(NI)) {
    if (!NI_NOT_ALLOCATED.has(m[1]!.toUpperCase())) push(out, 'ni-number', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Postcode

// Full UK postcodes only (outward + inward code), so "Q3", "BII" or "v3.0" never match. Letters
// follow Royal Mail's positional rules: Q, V, X never start a postcode; I, J, Z are never second;
// the inward code never uses C, I, K, M, O or V. GIR 0AA is Girobank's historic special case.
const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRV-Y]?|[A-HK-Y]\d\d)) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
// "KS2 2nd" or "Y4 3rd" fit the pattern but are key stages and ordinals, not postcodes.
const ORDINAL_INWARD = /^\d(?:st|nd|rd|th)$/;

function findPostcodes(text: string, out: Finding[]) {
  for (const m of text.matchAll(POSTCODE)) {
    const inward = m[0].slice(-3);
    if (ORDINAL_INWARD.test(inward)) continue;
    push(out, 'postcode', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Email

// Local part starts at a token boundary and is at most 64 characters (RFC 5321), which keeps the
// scan linear: without the bound a long run of letters with no "@" is retried from every position.
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}(?![\w-])/g;

function findEmails(text: string, out: Finding[]) {
  for (const m of text.matchAll(EMAIL)) push(out, 'email', m.index, m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------
// Phone

// A candidate is a run of digits, spaces, hyphens and brackets starting at a token boundary (not
// after "£", a decimal point or a slash), optionally with a leading "+". The run is then read
// token by token: the longest leading group of tokens that makes a UK number wins, so "call 07700
// 900123 2 times" still finds the number. Money ("£76.9m"), counts ("539") and dates never start
// with 0 or +44, so they are never candidates.
const PHONE_CANDIDATE = /(?<![\w£$€.,/+])\+?\(?\d[\d ()-]{7,22}\d\)?/g;

/** The national form (leading 0) of a phone number's digits, or null when it is not a UK number. */
function nationalForm(digits: string): string | null {
  let national: string;
  if (digits.startsWith('0044')) national = `0${digits.slice(4).replace(/^0/, '')}`;
  else if (digits.startsWith('44')) national = `0${digits.slice(2).replace(/^0/, '')}`;
  else national = digits;
  // Mobiles 07 + 9 digits; geographic and non-geographic 01, 02, 03 numbers are 10 or 11 digits.
  // 08 (freephone helplines) and 09 are services, never a person's number, so they are not flagged.
  return /^07\d{9}$/.test(national) || /^0[123]\d{8,9}$/.test(national) ? national : null;
}

function findPhones(text: string, out: Finding[]) {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0];
    const tokens = [...candidate.matchAll(/\S+/g)].map((t) => ({ start: t.index, end: t.index + t[0].length }));
    // Try each token as the start ("In 2025 07700 900123" starts at the second), and from there
    // the longest run of tokens that reads as a UK number. Candidates are short, so this is cheap.
    for (let s = 0; s < tokens.length; s++) {
      const from = tokens[s]!.start;
      const international = candidate[from] === '+';
      let matchedTo = -1;
      for (let e = tokens.length - 1; e >= s; e--) {
        const digits = candidate.slice(from, tokens[e]!.end).replace(/\D/g, '');
        if (international ? !digits.startsWith('44') : !/^0[^0]|^0044/.test(digits)) break;
        if (nationalForm(digits)) {
          matchedTo = tokens[e]!.end;
          break;
        }
      }
      if (matchedTo >= 0) {
        push(out, 'phone', m.index + from, m.index + matchedTo);
        while (s + 1 < tokens.length && tokens[s + 1]!.start < matchedTo) s++;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Date of birth

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Numeric day-month-year with /, - or . and a 2- or 4-digit year; not inside a longer number,
// version ("v3.0.1") or period id ("2026-27-Q3" has no day-month-year shape).
const NUMERIC_DATE = '(?<![\\w./-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/]|[.-]\\d)';
const WORDY_DATE = `(?<![\\w])(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_WORD}\\.?,? (\\d{4})(?![\\w])|(?<![\\w])${MONTH_WORD}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?![\\w])`;
const ISO_DATE = '(?<![\\w-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\w]|-\\d)';
const ANY_DATE = new RegExp(`${NUMERIC_DATE}|${WORDY_DATE}|${ISO_DATE}`, 'gi');
const BARE_NUMERIC_DATE = new RegExp(NUMERIC_DATE, 'g');

// Words that say "the next date is someone's birth date". "born" alone is enough ("born 3/4/15").
const DOB_BEFORE = /(?:\bD\.?O\.?B\b\.?|\bdate of birth\b|\bbirth ?date\b|\bbirthday\b|\bborn\b)(?:[ \t]*(?:[:=(),-]|on|is|was)[ \t]*){0,3}[ \t]*$/i;
const DOB_AFTER = /^[ \t]*[(,-]?[ \t]*(?:D\.?O\.?B\b|date of birth\b|born\b)/i;
/** How far before a date to look for "DOB" and friends. */
const CONTEXT_CHARS = 24;

interface DayMonthYear {
  year: number;
  month: number;
  day: number;
}

function monthFromWord(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function realDate({ year, month, day }: DayMonthYear): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years are read as the most recent year that is not in the future (a birth year). */
function fullYear(y: string, nowYear: number): number {
  if (y.length === 4) return Number(y);
  const century = Math.floor(nowYear / 100) * 100;
  const guess = century + Number(y);
  return guess > nowYear ? guess - 100 : guess;
}

function readDate(m: RegExpMatchArray, nowYear: number): DayMonthYear | null {
  // Groups: 1-4 numeric (day, sep, month, year); 5-6 "12 March 2015" (day, year) with the month
  // word read from the text; 7-8 "March 12, 2015" (day, year); 9-11 ISO (year, month, day).
  const text = m[0];
  if (m[1] !== undefined) return { day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4]!, nowYear) };
  if (m[5] !== undefined) return { day: Number(m[5]), month: monthFromWord(/[a-z]+/i.exec(text.replace(/^\d+(?:st|nd|rd|th)?/i, ''))![0]), year: Number(m[6]) };
  if (m[7] !== undefined) return { day: Number(m[7]), month: monthFromWord(text), year: Number(m[8]) };
  if (m[9] !== undefined) return { year: Number(m[9]), month: Number(m[10]), day: Number(m[11]) };
  return null;
}

/**
 * Default ages (in whole years before "now") between which a bare numeric date is treated as a
 * possible date of birth. See {@link findDatesOfBirth} for the trade-off.
 */
export const BARE_DATE_AGE_WINDOW = { minYears: 1, maxYears: 25 } as const;

/**
 * Dates that look like a date of birth.
 *
 * 1. A date of any common form ("12/03/2015", "12-3-15", "12 March 2015", "March 12, 2015",
 *    "2015-03-12") next to "DOB", "D.O.B.", "date of birth", "born (on)" or "birthday" is always
 *    flagged: the writer has said what it is.
 * 2. A bare numeric day/month/year date with a four-digit year is flagged only when it is a real
 *    day between 25 years and 1 year before today, the span in which a child or care leaver
 *    (support runs to 25) was born.
 *
 * The trade-off in rule 2: programme text is full of dates. Future due dates ("by 31/03/2027") and
 * the recent past (meetings and launches in the last year) are never flagged, nor are dates
 * written in words ("1 April 2026"), which is how reports usually name milestones. The cost is
 * that an unlabelled date of birth of a baby under one, or one written in words, is missed; a
 * labelled one never is. Flagging every recent date would bury the real findings in noise and
 * teach people to confirm warnings without reading them.
 */
function findDatesOfBirth(text: string, out: Finding[], now: DayMonthYear) {
  const nowKey = now.year * 10_000 + now.month * 100 + now.day;
  for (const m of text.matchAll(ANY_DATE)) {
    const d = readDate(m, now.year);
    if (!d || !realDate(d)) continue;
    const before = text.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT_CHARS);
    if (DOB_BEFORE.test(before) || DOB_AFTER.test(after)) {
      push(out, 'date-of-birth', m.index, m.index + m[0].length);
    }
  }
  for (const m of text.matchAll(BARE_NUMERIC_DATE)) {
    if (m[4]!.length !== 4) continue;
    const d = readDate(m, now.year);
    if (!d || !realDate(d)) continue;
    const key = d.year * 10_000 + d.month * 100 + d.day;
    const newest = nowKey - BARE_DATE_AGE_WINDOW.minYears * 10_000;
    const oldest = nowKey - BARE_DATE_AGE_WINDOW.maxYears * 10_000;
    if (key < newest && key >= oldest) push(out, 'date-of-birth', m.index, m.index + m[0].length);
  }
}

function todayParts(now: Date | string | undefined): DayMonthYear {
  if (typeof now === 'string' && /^\d{4}-\d{2}-\d{2}/.test(now)) {
    return { year: Number(now.slice(0, 4)), month: Number(now.slice(5, 7)), day: Number(now.slice(8, 10)) };
  }
  const d = now instanceof Date ? now : new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---------------------------------------------------------------------------------------------

function push(out: Finding[], kind: PiiKind, start: number, end: number) {
  out.push({ kind, start, end, message: PII_MESSAGES[kind] });
}

/** Earlier detectors win overlaps: a valid NHS number is not also reported as a phone number. */
const DETECTORS: readonly [PiiKind, (text: string, out: Finding[], now: DayMonthYear) => void][] = [
  ['nhs-number', findNhsNumbers],
  ['ni-number', findNiNumbers],
  ['email', findEmails],
  ['date-of-birth', findDatesOfBirth],
  ['postcode', findPostcodes],
  ['phone', findPhones],
];

/**
 * Finds text that looks like personal data, in order of position. Overlapping findings are
 * reported once, as the most specific kind (NHS number, NI number, email, date of birth,
 * postcode, phone). Only the first {@link MAX_SCAN_LENGTH} characters are scanned.
 */
export function detectPersonalData(text: string, opts: DetectOptions = {}): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scanned = text.length > MAX_SCAN_LENGTH ? text.slice(0, MAX_SCAN_LENGTH) : text;
  // A quick exit for text with no digits and no "@": every kind needs one or the other.
  if (!/[\d@]/.test(scanned)) return [];
  const now = todayParts(opts.now);
  const accepted: Finding[] = [];
  for (const [kind, detect] of DETECTORS) {
    if (opts.kinds && !opts.kinds.includes(kind)) continue;
    const found: Finding[] = [];
    detect(scanned, found, now);
    for (const f of found) {
      if (accepted.some((a) => f.start < a.end && a.start < f.end)) continue;
      accepted.push(f);
      if (accepted.length >= MAX_FINDINGS_PER_TEXT) break;
    }
    if (accepted.length >= MAX_FINDINGS_PER_TEXT) break;
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Keys skipped by default: identifiers, hashes, links, and the actor and time stamps the system
 * writes from the signed-in user's token (`by`, `submittedBy`, `updatedAt`...), none of which is
 * text a person typed.
 */
export function isIdentifierKey(key: string): boolean {
  return (
    key === 'id' ||
    key === 'by' ||
    key === 'at' ||
    /[a-z0-9](?:Ids?|By|At)$/.test(key) ||
    /^(?:sha256|hash|contentHash|etag|url|href|link|links)$/i.test(key)
  );
}

const MAX_DEPTH = 32;
const MAX_NODES = 20_000;

/**
 * Walks a request or record and scans every string in it, returning one warning per field and
 * kind (several NHS numbers in one narrative are one warning: the fix is the same). Paths read
 * like `sections[0].narrative`, as in problem+json `errors`. Identifier fields are skipped (see
 * {@link ScanOptions.skipKey}); cycles, very deep nesting and very large objects are cut off
 * rather than followed.
 */
export function scanFields(obj: unknown, opts: ScanOptions = {}): Warning[] {
  const skipKey = opts.skipKey ?? isIdentifierKey;
  const warnings: Warning[] = [];
  const seen = new WeakSet<object>();
  let nodes = 0;
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (++nodes > MAX_NODES || path.length > MAX_DEPTH) return;
    if (typeof value === 'string') {
      const kinds = new Set<PiiKind>();
      for (const f of detectPersonalData(value, opts)) {
        if (kinds.has(f.kind)) continue;
        kinds.add(f.kind);
        warnings.push({ path: formatPath(path), kind: f.kind, message: f.message });
      }
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (!skipKey(k)) walk(v, [...path, k]);
    }
  };
  walk(obj, []);
  return warnings;
}

/** Whether a warning's kind blocks submission outright (NHS or National Insurance number). */
export function isBlocking(kind: string): kind is BlockingKind {
  return (BLOCKING_KINDS as readonly string[]).includes(kind);
}

/** The warnings that stop a submission whatever the submitter says. */
export function blockingWarnings<W extends { kind: string }>(warnings: readonly W[]): W[] {
  return warnings.filter((w) => isBlocking(w.kind));
}

/**
 * Whether submitting needs the submitter to confirm the warnings (`acknowledgeWarnings: true`):
 * true when any warning is of a kind that may be legitimate (postcode, date, email, phone).
 * Blocking kinds cannot be confirmed away; check {@link blockingWarnings} first.
 */
export function needsAcknowledgement(warnings: readonly { kind: string }[]): boolean {
  return warnings.some((w) => !isBlocking(w.kind));
}
