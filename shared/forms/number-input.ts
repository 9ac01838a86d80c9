/*
 * A number as a person types it in a form: "1,250", "-12.5", "£2,700,000", "92%", " 7 ". Every
 * form that takes a number reads it here, so "1,5" or "0x1A" is refused alike wherever it is typed.
 */

/**
 * What {@link parseNumberInput} answers for text that is not a number: NaN, so the schema the
 * form is checked with (and the API) refuses it as "Enter a number" at its field.
 */
export const NOT_A_NUMBER: number = Number.NaN;

/**
 * An optional sign (before or after a leading "£"), then digits (with commas only between
 * thousands: 1,234,567, not 1,5 or 12,34), then an optional decimal part; a leading "£" or a
 * trailing "%" (not both), spaces around each part.
 */
const NUMBER = /^(?<sign>[-+\u2212]?)\s*(?<pound>£?)\s*(?<sign2>[-+\u2212]?)\s*(?<digits>\d{1,3}(?:,\d{3})+|\d+)?(?<fraction>\.\d*)?\s*(?<percent>%?)$/u;

/**
 * The number in what was typed; null when nothing was typed (only spaces); {@link NOT_A_NUMBER}
 * (NaN) when it is not a number as people write one: hexadecimal ("0x1A"), exponents ("1e3"),
 * misplaced commas ("1,5"), two signs, both "£" and "%", or too big to hold.
 */
export function parseNumberInput(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const m = NUMBER.exec(t)?.groups;
  if (!m) return NOT_A_NUMBER;
  const { sign = '', pound = '', sign2 = '', digits = '', fraction = '', percent = '' } = m;
  // Digits before or after the point ("5", ".5", "5."), never neither; one sign; "£" or "%", not both.
  if ((digits === '' && fraction.length < 2) || (sign && sign2) || (pound && percent)) return NOT_A_NUMBER;
  const negative = (sign || sign2) === '-' || (sign || sign2) === '\u2212';
  const n = Number(`${digits.replace(/,/g, '') || '0'}${fraction === '.' ? '' : fraction}`);
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  // -0 is 0: nobody means "minus nothing".
  return negative && n !== 0 ? -n : n;
}
