/**
 * Text normalisation for the personal-data detector, with a map back to the original text.
 *
 * People (and copy-paste from case systems, PDFs and phones) write identifiers in many forms:
 * full-width digits, Arabic-Indic or Devanagari digits, non-breaking and zero-width spaces, en
 * dashes and minus signs. The detector matches against one plain form instead of spelling every
 * variant into every pattern:
 *
 * - each code point is put in Unicode NFKC form (full-width "９" and "＠" become "9" and "@",
 *   ligatures are split, circled and superscript digits become plain digits);
 * - every decimal digit (`\p{Nd}`, any script) becomes its ASCII digit;
 * - every line break (LF, CR, VT, FF, NEL, U+2028, U+2029) becomes "\n", and every other space,
 *   separator, control or invisible format character (tab, NBSP, thin and narrow spaces,
 *   ideographic space, zero-width space and joiners, word joiner, soft hyphen, BOM) becomes " ";
 * - every dash (hyphen, non-breaking hyphen, figure, en and em dashes, minus sign...) becomes "-";
 * - fraction and division slashes become "/".
 *
 * Letters keep their case: the name detector needs it. Runs of spaces are kept (not collapsed),
 * so a character's position changes only where NFKC expands it.
 *
 * Normalisation is per code point, so it is linear in the text length; the common case (printable
 * ASCII and "\n" only) returns the text unchanged with no map at all.
 */

export interface Normalised {
  /** The normalised text: ASCII digits, " " and "\n" as the only whitespace, "-" as the only dash. */
  text: string;
  /**
   * For each UTF-16 index of {@link text}, the index in the original text of the code point it
   * came from (`starts`) and the index after it (`ends`). Null when the text was already normal
   * (every index maps to itself).
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
// Separators (Z*), controls (Cc) and invisible format characters (Cf: zero-width space, joiners,
// word joiner, soft hyphen, BOM, direction marks) all separate what is around them.
const SPACE_LIKE = /[\p{Z}\p{Cc}\p{Cf}]/u;
// Dash punctuation (Pd: hyphen, non-breaking hyphen, figure dash, en and em dashes, horizontal
// bar, small and full-width hyphen-minus...) plus the minus sign and its look-alikes.
const DASH_LIKE = /[\p{Pd}\u2212\u2043\u02D7\u2796\uFE63]/u;
const SLASH_LIKE = /[\u2044\u2215\u29F8]/;
const DECIMAL_DIGIT = /\p{Nd}/u;
/** Characters that never change: printable ASCII and "\n". */
const ALREADY_NORMAL = /^[\x20-\x7e\n]*$/;

const digitCache = new Map<number, string>();

/**
 * The ASCII digit for a Unicode decimal digit. Unicode encodes every decimal digit set as a
 * contiguous run from 0 to 9 (a stability guarantee), and sets that sit back to back are whole
 * runs of ten, so the digit's value is its distance from the start of its run, modulo 10.
 */
function asciiDigit(cp: number): string {
  const cached = digitCache.get(cp);
  if (cached !== undefined) return cached;
  let start = cp;
  // The longest run of back-to-back sets (mathematical digits, U+1D7CE-1D7FF) is 50 long.
  while (start > 0 && cp - start < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const digit = String((cp - start) % 10);
  digitCache.set(cp, digit);
  return digit;
}

/** The normal form of one code point (a string of one or more UTF-16 units). */
function normaliseCodePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return ch;
  if (LINE_BREAK.test(ch)) return '\n';
  let out = ch.normalize('NFKC');
  if (out === ch && !SPACE_LIKE.test(ch) && !DASH_LIKE.test(ch) && !SLASH_LIKE.test(ch) && !DECIMAL_DIGIT.test(ch)) return ch;
  let mapped = '';
  for (const c of out) {
    const code = c.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) mapped += c;
    else if (LINE_BREAK.test(c)) mapped += '\n';
    else if (SPACE_LIKE.test(c)) mapped += ' ';
    else if (DASH_LIKE.test(c)) mapped += '-';
    else if (SLASH_LIKE.test(c)) mapped += '/';
    else if (DECIMAL_DIGIT.test(c)) mapped += asciiDigit(code);
    else mapped += c;
  }
  out = mapped;
  // NFKC can map a character to nothing useful (never in practice); keep one character per code
  // point at least, so every original character has a place in the normalised text.
  return out.length > 0 ? out : ' ';
}

/** Normalises text for matching (see the module comment) and keeps the map back to the original. */
export function normalise(text: string): Normalised {
  if (ALREADY_NORMAL.test(text)) return { text, starts: null, ends: null };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const end = i + ch.length;
    const out = normaliseCodePoint(ch);
    parts.push(out);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(end);
    }
    i = end;
  }
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * The original-text range of a normalised range [start, end). Ranges never split a code point of
 * the original: a finding that starts or ends inside an expanded character covers all of it.
 */
export function originalRange(n: Normalised, start: number, end: number): { start: number; end: number } {
  if (!n.starts || !n.ends) return { start, end };
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : (n.ends[n.ends.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}
