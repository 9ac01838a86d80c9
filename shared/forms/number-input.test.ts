import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './number-input.js';

/** A number written as people write it: thousands commas, up to two decimal places. */
const written = (n: number, decimals: number) => Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

const spaces = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');

describe('a number as typed in a form', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['12,345.67', 12345.67],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-12.5', -12.5],
    ['+3', 3],
    ['\u22124', -4],
    ['£2,700,000', 2700000],
    ['-£2,700', -2700],
    ['£-2,700', -2700],
    ['£ 15.50', 15.5],
    ['92%', 92],
    ['92.5 %', 92.5],
    ['  548  ', 548],
    ['007', 7],
    ['-0', 0],
  ])('when %j is typed, it is %j', (typed, n) => {
    expect(parseNumberInput(typed)).toBe(n);
  });

  it.each([[''], [' '], ['\t \u00a0']])('when only %j is typed, there is no number (null)', (typed) => {
    expect(parseNumberInput(typed)).toBeNull();
  });

  it.each([
    ['1,5'],
    ['12,34'],
    ['1234,567'],
    ['1,234,56'],
    [',123'],
    ['1,'],
    ['1,,234'],
    ['0x1A'],
    ['0b101'],
    ['0o17'],
    ['1e3'],
    ['1E-2'],
    ['Infinity'],
    ['NaN'],
    ['lots'],
    ['.'],
    ['-'],
    ['£'],
    ['%'],
    ['--5'],
    ['-£-5'],
    ['+-5'],
    ['£5%'],
    ['5£'],
    ['%5'],
    ['1.2.3'],
    ['1 234'],
    ['12a'],
    ['9'.repeat(400)],
  ])('when %j is typed, it is not a number (NaN, so the field is named)', (typed) => {
    expect(parseNumberInput(typed)).toBeNaN();
  });

  it('when any text is typed, the answer is null, NaN or a finite number, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const n = parseNumberInput(typed);
        expect(n === null || Number.isNaN(n) || Number.isFinite(n)).toBe(true);
        expect(n === null).toBe(typed.trim() === '');
      }),
    );
  });

  it('when a number is written with thousands commas, a sign, "£" or "%" and spaces, it reads back as that number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('', '£', '%'),
        fc.boolean(),
        spaces,
        spaces,
        (whole, decimals, affix, commas, before, after) => {
          const n = whole / 10 ** decimals;
          const digits = commas ? written(n, decimals) : written(n, decimals).replace(/,/g, '');
          const typed = `${before}${n < 0 ? '-' : ''}${affix === '£' ? '£' : ''}${digits}${affix === '%' ? '%' : ''}${after}`;
          expect(parseNumberInput(typed)).toBe(n);
        },
      ),
    );
  });

  it('when a comma is not between thousands, it is not a number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,8}$/), fc.integer({ min: 1, max: 8 }), (digits, at) => {
        // A comma with other than three digits after it (up to the point or the next comma).
        fc.pre(at < digits.length && (digits.length - at) % 3 !== 0);
        expect(parseNumberInput(`${digits.slice(0, at)},${digits.slice(at)}`)).toBeNaN();
      }),
    );
  });

  it('when the number is hexadecimal, binary, octal or has an exponent, it is not a number', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('0x', '0X', '0b', '0o'), (n, prefix) => {
        expect(parseNumberInput(`${prefix}${n.toString(prefix.toLowerCase() === '0x' ? 16 : prefix === '0b' ? 2 : 8)}`)).toBeNaN();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -20, max: 20 }), fc.constantFrom('e', 'E'), (m, exp, e) => {
        expect(parseNumberInput(`${m}${e}${exp}`)).toBeNaN();
      }),
    );
  });
});
