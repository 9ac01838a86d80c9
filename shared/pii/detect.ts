import { z } from 'zod';
import { formatPath } from '../http/problem.js';
import { isGivenName, isNotName } from './names.js';
import { normalise, originalRange } from './normalise.js';

/**
 * Personal-data guard for free text. The portal holds programme information, never case
 * information (BRIEF: no child's or family member's name, NHS number, date of birth or address),
 * so every save and submit scans free text for things that look like personal data.
 *
 * Two severities: NHS and National Insurance numbers identify a person on their own and are never
 * legitimate in programme text, so they block submission. The other kinds have innocent uses in
 * programme reporting (a team mailbox, a service's phone number, an office postcode, a meeting
 * date, a member of staff), so they are warnings the submitter confirms.
 *
 * Text is normalised first (see normalise.ts: NFKC, every script's digits as ASCII, every space
 * as " ", every dash as "-"), so "９４３ ４７６ ５９１９", "943\u00a0476\u00a05919" and
 * "943–476–5919" are all one form to the patterns; findings still give offsets in the original
 * text, for highlighting.
 *
 * Every pattern is anchored at token starts and uses bounded quantifiers over disjoint character
 * classes, so scanning is linear in the text length; text beyond {@link MAX_SCAN_LENGTH}
 * characters is not scanned at all.
 */

export const PII_KINDS = ['nhs-number', 'ni-number', 'postcode', 'date-of-birth', 'email', 'phone', 'person-name'] as const;
export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/** Kinds that stop a submission outright: they identify a person and have no programme use. */
export const BLOCKING_KINDS = ['nhs-number', 'ni-number'] as const satisfies readonly PiiKind[];
export type BlockingKind = (typeof BLOCKING_KINDS)[number];

/** What the person should do, per kind, in plain English. Shown next to the field. */
export const PII_MESSAGES: Record<PiiKind, string> = {
  'nhs-number': 'This looks like an NHS number. The portal holds programme information only, not case information: remove it.',
  'ni-number': 'This looks like a National Insurance number. The portal holds programme information only, not case information: remove it.',
  postcode: "This looks like a postcode. Do not include anyone's home address: remove it, or confirm it is the address of an office or service.",
  'date-of-birth': "This looks like a date of birth. Do not include anyone's date of birth: remove it, or confirm it is a programme date such as a meeting or deadline.",
  email: "This looks like an email address. Do not include a child's or family member's email: remove it, or confirm it is a work or team address.",
  phone: "This looks like a phone number. Do not include a child's or family member's number: remove it, or confirm it is a service or team number.",
  'person-name':
    "This looks like a person's name next to an age or family role. Do not include the names of children or family members: remove it, or confirm it is not about a child or family (for example a member of staff).",
};

/** Longest text scanned, per string. Narratives are capped at 5,000 characters; documents are longer. */
export const MAX_SCAN_LENGTH = 100_000;
/** Most findings reported per string: one is enough to act on, and a flood helps nobody. */
const MAX_FINDINGS_PER_TEXT = 50;

/** One suspected piece of personal data in a text. Offsets (not the text itself) so callers never copy it around. */
export interface Finding {
  kind: PiiKind;
  /** Index of the first character, in the original (not normalised) text. */
  start: number;
  /** Index after the last character, in the original (not normalised) text. */
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

/**
 * What separates the groups of one written number: the separator with its spaces ignored and
 * repeats collapsed, so " - ", "-" and "--" are the same, and so are " ", "  " and "\n".
 */
function separatorKey(sep: string): string {
  const marks = sep.replace(/[ \n]/g, '');
  return marks === '' ? ' ' : marks.replace(/(.)\1+/g, '$1');
}

/**
 * Whether the separators in a written number agree: all the same (see {@link separatorKey}; empty
 * ones are ignored), or all marks with no space anywhere, so the number is one unbroken word
 * ("943.476-5919"). A number broken by spaces into words of different shapes ("943 476-5919",
 * "31/03/2027 12") is more likely two things than one identifier.
 */
function separatorsAgree(seps: readonly string[]): boolean {
  let key: string | undefined;
  let same = true;
  let unbroken = true;
  for (const s of seps) {
    if (s === '') continue;
    if (/[ \n]/.test(s)) unbroken = false;
    const k = separatorKey(s);
    if (key === undefined) key = k;
    else if (k !== key) same = false;
  }
  return same || unbroken;
}

/** The text just before `pos`, for checking a label such as "NHS no." or "DOB:". */
function before(t: string, pos: number, chars = 32): string {
  return t.slice(Math.max(0, pos - chars), pos);
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

const DIGIT_GROUP = /\d+/g;
/**
 * A run of ten or more digits, each separated from the next by at most four spaces, dashes, dots,
 * slashes or underscores: the stretch of text that may be one written number. The separator class
 * and digits are disjoint, so a failed attempt costs at most the length of a run of nine digits.
 */
const DIGIT_RUN = /\d(?:[ \n\-./_]{0,4}\d){9,}/g;
const NHS_LABEL = /\bnhs(?: ?(?:no\b\.?|num(?:ber)?\b|nbr\b|#))?[ :=#(-]{0,4}(?:(?:is|was) )?[ :=#(-]{0,3}$/i;

/** "+44 (0)" or "0044 " just before a number: the number is a phone number. */
const INTERNATIONAL_PREFIX = /(?:\+|\b00) ?44 ?(?:\( ?0 ?\) ?)?$/;

interface DigitGroup {
  start: number;
  end: number;
}

/** Whether a number starting at `pos` is glued to what comes before (a word, a currency sign, "+", a decimal point). */
function gluedBefore(t: string, pos: number): boolean {
  const c = t[pos - 1];
  if (c === undefined) return false;
  if (/[A-Za-z0-9_£$€+]/.test(c)) return true;
  return (c === '.' || c === ',') && /[A-Za-z0-9]/.test(t[pos - 2] ?? '');
}

/** Whether a number ending at `pos` is glued to what comes after (a word, a unit, a decimal part). */
function gluedAfter(t: string, pos: number): boolean {
  const c = t[pos];
  if (c === undefined) return false;
  if (/[A-Za-z0-9_£$€%]/.test(c)) return true;
  return (c === '.' || c === ',') && /\d/.test(t[pos + 1] ?? '');
}

/** Group lengths whose boundaries all fall where the 3-3-4 layout's do: 10, 3-7, 6-4, 3-3-4. */
function nhsLayout(lengths: readonly number[]): boolean {
  let at = 0;
  for (let i = 0; i < lengths.length - 1; i++) {
    at += lengths[i]!;
    if (at !== 3 && at !== 6) return false;
  }
  return true;
}

/**
 * NHS numbers, however they are written. The text is cut into runs of digit groups joined by
 * short separators (1-4 spaces, dashes, dots, slashes, underscores: "943 476 5919",
 * "943.476.5919", "943 - 476 - 5919", "9 4 3 4 7 6 5 9 1 9", "943476 5919"). A run of exactly ten
 * digits that passes modulus 11 is an NHS number when
 * - its layout is the 3-3-4 one (groups merged or not: 10, 3-7, 6-4, 3-3-4) or one digit at a
 *   time, and its separators agree (see {@link separatorsAgree}: one kind throughout, or any
 *   marks with no space, "943.476-5919"); or
 * - it follows an "NHS" label ("NHS no. 94 34 765-919"): then any layout and any mix.
 * In a longer run (a list of figures), only a 3-3-4-shaped stretch set off by spaces counts, so
 * "In 2025 943 476 5919" is found but ten digits picked out of a list are not.
 *
 * Without a label, other layouts and space-broken mixes are not accepted: pasted tables
 * ("7 22 10 25 8 19"), "31/03/2027 12" or "943 476-5919" are more likely figures, a date and a
 * count, or two numbers, than one identifier, and one in eleven passes modulus 11 by chance.
 */
function findNhsNumbers(t: string, out: Finding[]) {
  for (const run of t.matchAll(DIGIT_RUN)) {
    const groups: DigitGroup[] = [];
    for (const g of run[0].matchAll(DIGIT_GROUP)) groups.push({ start: run.index + g.index, end: run.index + g.index + g[0].length });
    checkNhsRun(t, groups, out);
  }
}

function checkNhsRun(t: string, groups: readonly DigitGroup[], out: Finding[]) {
  const k = groups.length;
  if (k === 0) return;
  const first = groups[0]!;
  const last = groups[k - 1]!;
  const length = (i: number) => groups[i]!.end - groups[i]!.start;
  // The run's digits, counted up to 11: fewer than ten is nothing, exactly ten is one candidate.
  let total = 0;
  for (let i = 0; i < k && total <= 10; i++) total += length(i);
  if (total < 10) return;
  // "+44 161 496 0123", "0044 161 496 0123" and "+44 (0)204 131 7655" are phone numbers, whatever follows.
  if (t[first.start - 1] === '+' || t.slice(first.start, first.end) === '0044' || INTERNATIONAL_PREFIX.test(before(t, first.start, 12))) return;
  const separator = (i: number) => t.slice(groups[i]!.end, groups[i + 1]!.start);
  const spaced = (i: number) => /[ \n]/.test(separator(i));
  const openStart = !gluedBefore(t, first.start);
  const openEnd = !gluedAfter(t, last.end);

  const accept = (i: number, j: number, whole: boolean): boolean => {
    const layout: number[] = [];
    for (let g = i; g <= j; g++) layout.push(length(g));
    const canonical = nhsLayout(layout);
    const spread = layout.every((l) => l === 1);
    if (!whole && !canonical) return false;
    let digits = '';
    for (let g = i; g <= j; g++) digits += t.slice(groups[g]!.start, groups[g]!.end);
    if (!isValidNhsNumber(digits)) return false;
    if (NHS_LABEL.test(before(t, groups[i]!.start))) return true;
    const seps: string[] = [];
    for (let g = i; g < j; g++) seps.push(separator(g));
    return (canonical || spread) && separatorsAgree(seps);
  };

  if (total === 10) {
    if (openStart && openEnd && accept(0, k - 1, true)) push(out, 'nhs-number', first.start, last.end);
    return;
  }
  // A longer run: look for ten-digit stretches of whole groups in the 3-3-4 layout (so starting
  // with a group of 3, 6 or 10 digits), set off from the rest by spaces.
  for (let i = 0; i < k; i++) {
    const l = length(i);
    if (l !== 3 && l !== 6 && l !== 10) continue;
    if (i === 0 ? !openStart : !spaced(i - 1)) continue;
    let sum = 0;
    let j = i;
    while (j < k && sum < 10) sum += length(j++);
    if (sum !== 10) continue;
    j--;
    if (j === k - 1 ? !openEnd : !spaced(j)) continue;
    if (accept(i, j, false)) {
      push(out, 'nhs-number', groups[i]!.start, groups[j]!.end);
      i = j;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// National Insurance number

// Two prefix letters, six digits and a suffix letter A-D, with up to three separator characters
// (spaces, dashes, dots, slashes, underscores) between any two of them: "AB 12 34 56 C",
// "AB-123456-C", "a.b.1.2.3.4.5.6.c". The separators are captured to check they agree.
const NI_SEP = '([ \\-./_]{0,3})';
const NI = new RegExp(`(?<![A-Za-z0-9])[A-Za-z]${NI_SEP}[A-Za-z]${NI_SEP}\\d${NI_SEP}\\d${NI_SEP}\\d${NI_SEP}\\d${NI_SEP}\\d${NI_SEP}\\d${NI_SEP}[A-Da-d](?![A-Za-z0-9])`, 'g');
// First letter: not D, F, I, Q, U, V. Second: not those nor O. Administrative prefixes are excluded.
const NI_FIRST = /^[A-CEGHJ-PR-TW-Z]$/;
const NI_SECOND = /^[A-CEGHJ-NPR-TW-Z]$/;
const NI_NOT_ALLOCATED: ReadonlySet<string> = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NI_LABEL = /(?:\bn\.? ?i\b\.?|\bnino\b|\bnational insurance)(?: ?(?:no\b\.?|num(?:ber)?\b|#))?[ :=#(-]{0,4}(?:(?:is|was) )?[ :=#(-]{0,3}$/i;

/**
 * National Insurance numbers in any case, with any separators between the groups or between
 * single characters. Without a label ("NI", "NINO", "National Insurance number") the separators
 * must agree ("AB 12 34 56 C", "AB-123456-C", "AB.12-34.56.C": see {@link separatorsAgree}), so
 * "on 12/06/26 a" is not one; after a label any mix is accepted.
 */
function findNiNumbers(t: string, out: Finding[]) {
  for (const m of t.matchAll(NI)) {
    const chars = m[0].replace(/[ \-./_]/g, '').toUpperCase();
    if (!NI_FIRST.test(chars[0]!) || !NI_SECOND.test(chars[1]!) || NI_NOT_ALLOCATED.has(chars.slice(0, 2))) continue;
    const seps = m.slice(1, 9) as string[];
    if (!separatorsAgree(seps) && !NI_LABEL.test(before(t, m.index))) continue;
    push(out, 'ni-number', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Postcode

// Full UK postcodes only (outward + inward code), so "Q3", "BII" or "v3.0" never match. Letters
// follow Royal Mail's positional rules: Q, V, X never start a postcode; I, J, Z are never second;
// the inward code never uses C, I, K, M, O or V. GIR 0AA is Girobank's historic special case.
const POSTCODE = /(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRV-Y]?|[A-HK-Y]\d\d)) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
// "KS2 2nd" or "Y4 3rd" fit the pattern but are key stages and ordinals, not postcodes.
const ORDINAL_INWARD = /^\d(?:st|nd|rd|th)$/;

function findPostcodes(t: string, out: Finding[]) {
  for (const m of t.matchAll(POSTCODE)) {
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

// Obfuscated addresses: "jane dot smith at example dot com", "jane.smith [at] example [dot] com",
// "jane(at)example(dot)co(dot)uk", "jane @ example . com". Each piece is bounded, and pieces are
// separated by characters no piece contains, so a failed attempt costs a bounded amount.
const E_WORD = '[\\w%+-]{1,64}';
const E_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const E_OPEN = '[\\[({<]';
const E_CLOSE = '[\\])}>]';
const E_DOT = `(?: {0,3}\\. {0,3}| {1,3}dot {1,3}| {0,3}${E_OPEN} {0,2}dot {0,2}${E_CLOSE} {0,3})`;
const E_AT = `(?: {0,3}@ {0,3}| {1,3}at {1,3}| {0,3}${E_OPEN} {0,2}at {0,2}${E_CLOSE} {0,3})`;
// Obfuscated forms must end in a well-known top-level domain, so "meet at the office dot" or
// "look at item dot 3" never qualify.
const E_TLD =
  '(?:com|org|net|uk|gov|nhs|sch|ac|co|edu|info|biz|io|eu|ie|scot|wales|cymru|london|online|email|example|test|police|mod|mil|int|de|fr|es|nl|pl|us|ca|au|nz|app|dev|ai|tv)';
const OBFUSCATED_EMAIL = new RegExp(`(?<![\\w%+-])${E_WORD}(?:${E_DOT}${E_WORD}){0,4}${E_AT}${E_LABEL}(?:${E_DOT}${E_LABEL}){0,5}${E_DOT}${E_TLD}(?![\\w-])`, 'gi');
const SPELLED_AT = / {1,3}at {1,3}/i;
const BRACKETED_AT = new RegExp(`${E_OPEN} {0,2}at {0,2}${E_CLOSE}`, 'i');
const SPELLED_OR_BRACKETED_DOT = new RegExp(`\\bdot\\b|${E_OPEN} {0,2}dot {0,2}${E_CLOSE}`, 'i');

function findEmails(t: string, out: Finding[]) {
  for (const m of t.matchAll(EMAIL)) push(out, 'email', m.index, m.index + m[0].length);
  if (!/@|at/i.test(t)) return;
  // A fresh copy: after a rejected match the search resumes just after its start (a later,
  // shorter address may begin inside it), which needs lastIndex.
  const re = new RegExp(OBFUSCATED_EMAIL.source, OBFUSCATED_EMAIL.flags);
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const s = m[0];
    if (!s.includes('@') && !BRACKETED_AT.test(s)) {
      // "at" written as a plain word: only an address when something else says so, a spelled
      // "dot" or a local part that is not a plain word ("jane.smith at example.com", but not
      // "the offer is at medway.gov.uk").
      const at = SPELLED_AT.exec(s)!;
      const local = s.slice(0, at.index);
      if (!SPELLED_OR_BRACKETED_DOT.test(s) && !/[.\d_%+]/.test(local)) {
        re.lastIndex = m.index + 1;
        continue;
      }
    }
    push(out, 'email', m.index, m.index + s.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Phone

// A candidate is a run of digits, spaces, hyphens, dots and brackets starting at a token boundary
// (not after "£", a decimal point or a slash; "Tel.07700" is fine), optionally with a leading "+". The run is then read
// token by token: the longest leading group of tokens that makes a UK number wins, so "call 07700
// 900123 2 times" still finds the number. Money ("£76.9m"), counts ("539") and dates never start
// with 0 or +44, so they are never candidates.
const PHONE_CANDIDATE = /(?<![\w£$€,/+])(?<![\d£$€]\.)\+?\(?\d[\d ()\-.]{7,22}\d\)?/g;

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

function findPhones(t: string, out: Finding[]) {
  for (const m of t.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0];
    const tokens = [...candidate.matchAll(/\S+/g)].map((tok) => ({ start: tok.index, end: tok.index + tok[0].length }));
    // Try each token as the start ("In 2025 07700 900123" starts at the second), and from there
    // the longest run of tokens that reads as a UK number. Candidates are short, so this is cheap.
    for (let s = 0; s < tokens.length; s++) {
      const from = tokens[s]!.start;
      const international = candidate[from] === '+';
      // A UK number's first group has three digits or more (020, 0161, 07700): "01.04.26 10.30"
      // and "01-04-26 10-30" are a date and a time.
      if (!international && /^\(?\d{1,2}[.-]/.test(candidate.slice(from, tokens[s]!.end))) continue;
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
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
] as const;
const ORDINAL_WORD = `(?:(?:twenty|thirty)[ -]?(?:${ORDINAL_WORDS.slice(0, 9).join('|')})|thirtieth|${ORDINAL_WORDS.join('|')})`;
/** A day of the month: "3", "03", "3rd", "third", "twenty-first". */
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?(?!\\d)|${ORDINAL_WORD})`;
/** Between day, month and year: a space, or a dash, slash or dot with optional spaces. */
const DMY_SEP = '(?: {1,2}| ?[-./] ?)';

// Numeric day-month-year with /, - or . and a 2- or 4-digit year; not inside a longer number,
// version ("v3.0.1") or period id ("2026-27-Q3" has no day-month-year shape).
const NUMERIC_DATE = '(?<![\\w./-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/]|[.-]\\d)';
const BARE_NUMERIC_DATE = new RegExp(NUMERIC_DATE, 'g');

interface DayMonthYear {
  year: number;
  month: number;
  day: number;
}

/** A date as written: a day and a year may be missing ("3rd March", "March 2015"). */
interface WrittenDate {
  day?: number;
  month: number;
  year?: number;
}

function monthFromWord(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** The day of the month a written day stands for: "3", "3rd", "third", "twenty-first". */
function dayFromWord(word: string): number {
  const w = word.toLowerCase();
  const digits = /^\d+/.exec(w);
  if (digits) return Number(digits[0]);
  if (w === 'thirtieth') return 30;
  const tens = /^(twenty|thirty)[ -]?/.exec(w);
  const unit = ORDINAL_WORDS.indexOf((tens ? w.slice(tens[0].length) : w) as (typeof ORDINAL_WORDS)[number]) + 1;
  return (tens ? (tens[1] === 'twenty' ? 20 : 30) : 0) + unit;
}

/** Two-digit years are read as the most recent year that is not in the future (a birth year). */
function fullYear(y: string, nowYear: number): number {
  const digits = y.replace(/^'/, '');
  if (digits.length === 4) return Number(digits);
  const century = Math.floor(nowYear / 100) * 100;
  const guess = century + Number(digits);
  return guess > nowYear ? guess - 100 : guess;
}

function realDate({ year, month, day }: WrittenDate): boolean {
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  // Without a year, 29 February is possible.
  return day >= 1 && day <= new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/** The ways a date is written, each with how to read it. Only the bare-date rule needs a full date. */
const DATE_FORMS: readonly { re: RegExp; read: (m: RegExpMatchArray, nowYear: number) => WrittenDate }[] = [
  {
    // 12/03/2015, 3.4.15, 3 / 3 / 15, 03-03-2015
    re: /(?<![\w./-])(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})(?![\w/]|[.-]\d)/g,
    read: (m, y) => ({ day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4]!, y) }),
  },
  {
    // 2015-03-12, 2015/3/12
    re: /(?<![\w./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\w/]|[.-]\d)/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // 3rd March 2015, third of March 2015, 03-Mar-15, 3 Mar '15, 3rd March
    re: new RegExp(`(?<![\\w'])(${DAY})(?: of)?${DMY_SEP}(${MONTH_WORD})\\.?(?:(?:,? {1,2}| ?[-./] ?)('?\\d{4}|'?\\d{2})(?![\\w]|[.-]?\\d))?(?![\\w])`, 'gi'),
    read: (m, y) => ({ day: dayFromWord(m[1]!), month: monthFromWord(m[2]!), ...(m[3] ? { year: fullYear(m[3], y) } : {}) }),
  },
  {
    // March 12, 2015, March 3rd 2015, March the third
    re: new RegExp(`(?<![\\w])(${MONTH_WORD})\\.?(?: the)? (${DAY})(?:,? {1,2}(\\d{4}))?(?![\\w])`, 'gi'),
    read: (m) => ({ month: monthFromWord(m[1]!), day: dayFromWord(m[2]!), ...(m[3] ? { year: Number(m[3]) } : {}) }),
  },
  {
    // March 2015, March of 2015
    re: new RegExp(`(?<![\\w])(${MONTH_WORD})\\.?,?(?: of)? (\\d{4})(?![\\w])`, 'gi'),
    read: (m) => ({ month: monthFromWord(m[1]!), year: Number(m[2]) }),
  },
  {
    // 03/2015
    re: /(?<![\w./-])(\d{1,2})[/.-](\d{4})(?![\w/]|[.-]\d)/g,
    read: (m) => ({ month: Number(m[1]), year: Number(m[2]) }),
  },
];

// Words that say "the next date is someone's birth date". "born" alone is enough ("born 3/4/15",
// "born in March 2015").
const DOB_WORD = '(?:\\bd\\.? ?o\\.? ?b\\b\\.?|\\bdate of birth\\b|\\bbirth ?date\\b|\\bbirthday\\b|\\bborn\\b)';
const DOB_BEFORE = new RegExp(`${DOB_WORD}(?: {0,3}(?:[:=(),-]|\\bon\\b|\\bis\\b|\\bwas\\b|\\bin\\b|\\bthe\\b|\\bof\\b|\\babout\\b|\\baround\\b)){0,4} {0,3}$`, 'i');
const DOB_AFTER = /^ {0,3}[(,-]? {0,3}(?:d\.? ?o\.? ?b\b|date of birth\b|born\b)/i;
/** How far before a date to look for "DOB" and friends. */
const CONTEXT_CHARS = 32;

/**
 * Default ages (in whole years before "now") between which a bare numeric date is treated as a
 * possible date of birth. See {@link findDatesOfBirth} for the trade-off.
 */
export const BARE_DATE_AGE_WINDOW = { minYears: 1, maxYears: 25 } as const;

/**
 * Dates that look like a date of birth.
 *
 * 1. A date in any common form ("12/03/2015", "12-3-15", "12 March 2015", "3rd March 2015",
 *    "third of March 2015", "03-Mar-15", "March 12, 2015", "2015-03-12", and with a label also a
 *    day and month or a month and year: "3rd March", "March 2015") next to "DOB", "D.O.B.",
 *    "date of birth", "born (on, in)" or "birthday" is always flagged: the writer has said what
 *    it is.
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
function findDatesOfBirth(t: string, out: Finding[], now: DayMonthYear) {
  // Every written date, longest first where two overlap.
  const dates: { start: number; end: number; date: WrittenDate }[] = [];
  for (const form of DATE_FORMS) {
    for (const m of t.matchAll(form.re)) dates.push({ start: m.index, end: m.index + m[0].length, date: form.read(m, now.year) });
  }
  dates.sort((a, b) => a.start - b.start || b.end - a.end);
  let last = -1;
  for (const d of dates) {
    if (d.start < last) continue;
    last = d.end;
    if (!realDate(d.date)) continue;
    const after = t.slice(d.end, d.end + CONTEXT_CHARS);
    if (DOB_BEFORE.test(before(t, d.start, CONTEXT_CHARS)) || DOB_AFTER.test(after)) push(out, 'date-of-birth', d.start, d.end);
  }
  const nowKey = now.year * 10_000 + now.month * 100 + now.day;
  for (const m of t.matchAll(BARE_NUMERIC_DATE)) {
    if (m[4]!.length !== 4) continue;
    const d = { day: Number(m[1]), month: Number(m[3]), year: Number(m[4]) };
    if (!realDate(d)) continue;
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
// A person's name next to an age or a family role

const FAMILY_ROLES = [
  'child',
  'baby',
  'infant',
  'toddler',
  'boy',
  'girl',
  'young person',
  'teenager',
  'son',
  'daughter',
  'mother',
  'father',
  'mum',
  'mummy',
  'mom',
  'dad',
  'daddy',
  'parent',
  'brother',
  'sister',
  'sibling',
  'half-brother',
  'half-sister',
  'stepbrother',
  'stepsister',
  'stepmother',
  'stepfather',
  'stepmum',
  'stepdad',
  'stepson',
  'stepdaughter',
  'grandmother',
  'grandfather',
  'grandparent',
  'grandma',
  'grandpa',
  'grandad',
  'granddad',
  'granny',
  'grandson',
  'granddaughter',
  'grandchild',
  'nan',
  'nana',
  'nanna',
  'aunt',
  'auntie',
  'aunty',
  'uncle',
  'cousin',
  'niece',
  'nephew',
] as const;
/** A role word, lower case or capitalised: "mother", "Mother". Longest first so "grandmother" beats "mother". */
const ROLE = `(?:${[...FAMILY_ROLES]
  .sort((a, b) => b.length - a.length)
  .map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1)}`)
  .join('|')})`;
/** One capitalised name word: "Tom", "Zoë", "O'Brien", "McDonald", "Mary-Jane". */
const NAME_WORD = "(?:Ma?c|O['’])?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
/** Up to three name words: "Amelia", "Jane Smith", "Mary Ann Jones". */
const NAME_RUN = `${NAME_WORD}(?: ${NAME_WORD}){0,2}`;
const NOT_AFTER_WORD = '(?![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = "(?<![\\p{L}\\p{N}'’-])";
const AGE_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
/** An age in figures or words: "7", "seven", "Seven". */
const AGE = `(?:\\d{1,2}(?!\\d)|(?:${AGE_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})(?!\\p{L}))`;
const YEARS = '(?:years?|yrs?)';

/** How sure the context is that the capitalised words are a name. */
type NameContext = 'strong' | 'weak';

/**
 * Each pattern captures the name as `name` and, where the role comes first, the role word as
 * `role`. `nameFirst`: the name comes before the age or role (and ends where they start).
 */
const NAME_PATTERNS: readonly { re: RegExp; nameFirst: boolean; context: NameContext }[] = [
  // "Jane Smith, aged 7", "Tom aged seven", "Tom (aged 7)"
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<name>${NAME_RUN}),? {1,2}\\(?(?:aged?|age:) {0,2}${AGE}`, 'gu'), nameFirst: true, context: 'strong' },
  // "Tom, 7 years old", "Tom 7-years-old", "Tom, seven years old"
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<name>${NAME_RUN}),? {1,2}${AGE}[ -]?${YEARS}[ -]old\\b`, 'gu'), nameFirst: true, context: 'strong' },
  // "Tom (7)", "Ella (4 yrs)": a capitalised word before a bracketed number is often a heading ("Milestones (3)")
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<name>${NAME_RUN}) ?\\( ?${AGE} ?(?:${YEARS}(?: old)?|y/?o)? ?\\)`, 'gu'), nameFirst: true, context: 'weak' },
  // "Sarah (mum)", "Jack (son)"
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<name>${NAME_RUN}) ?\\( ?(?:the )?${ROLE}${NOT_AFTER_WORD}`, 'gu'), nameFirst: true, context: 'weak' },
  // "Tom's mother", "Sarah's son"
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<name>${NAME_WORD})['’]s ${ROLE}${NOT_AFTER_WORD}`, 'gu'), nameFirst: true, context: 'weak' },
  // "mother Sarah", "his mother Sarah Jones", "the child, Amelia Jones", "a child called Tom"
  { re: new RegExp(`${NOT_BEFORE_WORD}(?<role>${ROLE})(?:,? {1,2}| {1,2}(?:called|named) )(?<name>${NAME_RUN})${NOT_AFTER_WORD}`, 'gu'), nameFirst: false, context: 'strong' },
  // "7-year-old Tom", "a seven year old girl, Ella"
  {
    re: new RegExp(
      `(?<![\\p{L}\\p{N}])${AGE}[ -]${YEARS}[ -]old,? {1,2}(?:(?:boy|girl|child|son|daughter|baby|brother|sister)(?:,? {1,2}| {1,2}(?:called|named) ))?(?<name>${NAME_RUN})${NOT_AFTER_WORD}`,
      'gu',
    ),
    nameFirst: false,
    context: 'strong',
  },
];

/** Whether `pos` starts a sentence, a line, a list item or a bracket (so capitals say nothing). */
function atSentenceStart(t: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && t[i] === ' ') i--;
  return i < 0 || /[.!?:;\n•*(["“‘'-]/.test(t[i]!);
}

/**
 * A person's name next to an age ("Jane Smith, aged 7", "Tom (7)", "7-year-old Tom") or a family
 * role ("mother Sarah", "the child, Amelia Jones", "Tom's mother"). Never blocking: a name next to
 * a role can be a member of staff, and the person confirms.
 *
 * The name is one to three capitalised words, and words that are never a name in programme text
 * (months, places, agencies, buildings, workstream and heading words: see names.ts) are not part
 * of it, so "Child Protection Plans", "Family Help teams", "Holly Lodge (5)" or "the Mockingbird
 * constellation" never match; a run that starts with a common given name keeps its surname
 * ("Sarah Ward"). Where the context is weak (a bracketed number, a capitalised role word such as
 * the "Child" of a heading, a single word at the start of a sentence, or a heading word right
 * before), the first word must also be a common given name: "Tom (7)" is found, "Milestones (3)"
 * is not. Ages may be figures or words ("aged seven").
 */
function findPersonNames(t: string, out: Finding[]) {
  for (const { re, nameFirst, context } of NAME_PATTERNS) {
    for (const m of t.matchAll(re)) {
      const runText = m.groups!.name!;
      const role = m.groups!.role;
      // Name-first patterns start with the name; the others end with it.
      const runStart = nameFirst ? m.index : m.index + m[0].length - runText.length;
      const words = runText.split(' ');
      const starts: number[] = [];
      let at = runStart;
      for (const w of words) {
        starts.push(at);
        at += w.length + 1;
      }
      let from = 0;
      let to = words.length;
      let weak = context === 'weak';
      if (nameFirst) {
        // A heading or place word next to the age or role: "Dylan Thomas Centre (2)", "Holly Lodge (5)".
        if (isNotName(words[to - 1]!)) continue;
        // "St Mary's child" is a church or school.
        if (/\b(?:St|Saint)\.? $/.test(before(t, runStart, 8))) continue;
        // "Met Jane Smith, aged 7": the sentence's first word is not part of the name.
        if (to - from > 1 && atSentenceStart(t, starts[0]!) && !isGivenName(words[0]!) && isGivenName(words[1]!)) from++;
        // A run that starts with a given name is a name, whatever the surname ("Sarah Ward").
        // Otherwise heading words before the age or role are cut off ("Kinship Zone (12)"), and
        // what is left needs a given name.
        if (!isGivenName(words[from]!)) {
          for (let i = to - 1; i >= from; i--) {
            if (isNotName(words[i]!)) {
              from = i + 1;
              weak = true;
              break;
            }
          }
          if (to - from === 1 && atSentenceStart(t, starts[from]!)) weak = true;
        }
      } else {
        // The name starts after the role; it ends at the first heading word ("mother Sarah Medway").
        const i = words.findIndex((w) => isNotName(w));
        if (i >= 0) to = i;
        // A capitalised role word is often a heading ("Child Protection", "Baby Bank").
        if (role !== undefined && /^\p{Lu}/u.test(role)) weak = true;
      }
      if (from >= to) continue;
      if (weak && !isGivenName(words[from]!)) continue;
      push(out, 'person-name', starts[from]!, starts[to - 1]! + words[to - 1]!.length);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function push(out: Finding[], kind: PiiKind, start: number, end: number) {
  out.push({ kind, start, end, message: PII_MESSAGES[kind] });
}

const HAS_DIGIT = /\d/;
/** Earlier detectors win overlaps: a valid NHS number is not also reported as a phone number. */
const DETECTORS: readonly [PiiKind, RegExp, (text: string, out: Finding[], now: DayMonthYear) => void][] = [
  ['nhs-number', HAS_DIGIT, findNhsNumbers],
  ['ni-number', HAS_DIGIT, findNiNumbers],
  ['email', /@|at/i, findEmails],
  ['date-of-birth', HAS_DIGIT, findDatesOfBirth],
  ['postcode', HAS_DIGIT, findPostcodes],
  ['phone', HAS_DIGIT, findPhones],
  ['person-name', /\p{Lu}/u, findPersonNames],
];

/**
 * Finds text that looks like personal data, in order of position. Overlapping findings are
 * reported once, as the most specific kind (NHS number, NI number, email, date of birth,
 * postcode, phone, person's name). Only the first {@link MAX_SCAN_LENGTH} characters are scanned.
 * Offsets are positions in `text` as given, although matching runs on its normalised form.
 */
export function detectPersonalData(text: string, opts: DetectOptions = {}): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scanned = text.length > MAX_SCAN_LENGTH ? text.slice(0, MAX_SCAN_LENGTH) : text;
  const normalised = normalise(scanned);
  const t = normalised.text;
  const now = todayParts(opts.now);
  const accepted: Finding[] = [];
  for (const [kind, worthLooking, detect] of DETECTORS) {
    if (opts.kinds && !opts.kinds.includes(kind)) continue;
    if (!worthLooking.test(t)) continue;
    const found: Finding[] = [];
    detect(t, found, now);
    found.sort((a, b) => a.start - b.start);
    for (const f of found) {
      if (accepted.some((a) => f.start < a.end && a.start < f.end)) continue;
      accepted.push(f);
      if (accepted.length >= MAX_FINDINGS_PER_TEXT) break;
    }
    if (accepted.length >= MAX_FINDINGS_PER_TEXT) break;
  }
  return accepted.map((f) => ({ ...f, ...originalRange(normalised, f.start, f.end) })).sort((a, b) => a.start - b.start);
}

/**
 * Keys skipped by default: identifiers, hashes, links, and the actor and time stamps the system
 * writes from the signed-in user's token (`by`, `submittedBy`, `updatedAt`...), none of which is
 * text a person typed.
 */
export function isIdentifierKey(key: string): boolean {
  return key === 'id' || key === 'by' || key === 'at' || /[a-z0-9](?:Ids?|By|At)$/.test(key) || /^(?:sha256|hash|contentHash|etag|url|href|link|links)$/i.test(key);
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
      for (const [i, v] of value.entries()) walk(v, [...path, i]);
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
 * true when any warning is of a kind that may be legitimate (postcode, date, email, phone, person's name).
 * Blocking kinds cannot be confirmed away; check {@link blockingWarnings} first.
 */
export function needsAcknowledgement(warnings: readonly { kind: string }[]): boolean {
  return warnings.some((w) => !isBlocking(w.kind));
}
