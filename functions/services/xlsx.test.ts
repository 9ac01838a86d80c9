import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from './xlsx.js';

/** The cells of sheet 1 as written: style index and text (XML entities decoded). */
function cells(book: Uint8Array) {
  const files = unzipSync(book);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const styles = strFromU8(files['xl/styles.xml']!);
  const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf[^>]*\/>/g)].map((m) => m[0]);
  const decode = (s: string) => s.replace(/&lt;|&gt;|&quot;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' })[e]!);
  return [...sheet.matchAll(/<c r="([A-Z]+\d+)"(?: t="inlineStr")?(?: s="(\d+)")?>(?:<is><t xml:space="preserve">([\s\S]*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map((m) => ({
    ref: m[1]!,
    quotePrefix: /quotePrefix="1"/.test(xfs[Number(m[2] ?? 0)] ?? ''),
    text: m[3] !== undefined ? decode(m[3]) : undefined,
    number: m[4],
  }));
}

const INVISIBLES = [' ', '\u00A0', '\u3000', '\u202F', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\n', '\r\n', '\u2028'];
const TRIGGERS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\u2212', '\u2013', '\u2014'];

describe('XLSX formula guard', () => {
  it('when text starts with a formula trigger after any invisible prefix, it is written as quote-prefixed text, never a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 6 }).map((a) => a.join('')),
        fc.constantFrom(...TRIGGERS),
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the property leaves out
        fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f]/g, '')),
        (prefix, trigger, tail) => {
          const value = `${prefix}${trigger}${tail}`;
          const [header, cell] = cells(buildXlsx([{ name: 'S', header: ['h'], rows: [[value]] }]));
          expect(header).toMatchObject({ ref: 'A1', quotePrefix: false });
          expect(cell).toMatchObject({ ref: 'A2', quotePrefix: true, text: value });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when the workbook is built, it holds no formula cells and plain text and numbers stay unmarked', () => {
    const book = buildXlsx([{ name: 'S', header: ['=Header'], rows: [['Family Help', 5, -5, '-5', ' =1+1']] }]);
    expect(strFromU8(unzipSync(book)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
    expect(cells(book).map((c) => [c.ref, c.quotePrefix, c.text ?? c.number])).toEqual([
      ['A1', true, '=Header'],
      ['A2', false, 'Family Help'],
      ['B2', false, '5'],
      ['C2', false, '-5'],
      ['D2', true, '-5'],
      ['E2', true, ' =1+1'],
    ]);
  });

  it('when a cell is a date, it is written as a day number with a dd/mm/yyyy format, so Excel reads a date', () => {
    const book = buildXlsx([{ name: 'S', header: ['Period ends'], rows: [[{ date: '2026-12-31' }], [{ date: '2023-03-31' }]] }]);
    const files = unzipSync(book);
    const styles = strFromU8(files['xl/styles.xml']!);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const style = /<c r="A2" s="(\d+)"><v>46387<\/v><\/c>/.exec(sheet)?.[1];
    expect(style).toBeDefined();
    const xf = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf[^>]*\/>/g)][Number(style)]?.[0] ?? '';
    const fmt = /numFmtId="(\d+)"/.exec(xf)?.[1];
    expect(styles).toContain(`<numFmt numFmtId="${fmt}" formatCode="dd/mm/yyyy"/>`);
    expect(sheet).toContain('<v>45016</v>');
  });

  it('when a cell is a date and time, it is a day number with its fraction of the day, shown dd/mm/yyyy hh:mm', () => {
    const files = unzipSync(buildXlsx([{ name: 'S', header: ['Submitted'], rows: [[{ date: '2026-07-24', time: '16:42' }]] }]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const styles = strFromU8(files['xl/styles.xml']!);
    const [, style, serial] = /<c r="A2" s="(\d+)"><v>([\d.]+)<\/v><\/c>/.exec(sheet) ?? [];
    // 24 July 2026 is day 46227; 16:42 is 1002 minutes of 1440.
    expect(Number(serial)).toBeCloseTo(46227 + 1002 / 1440, 6);
    const xf = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf[^>]*\/>/g)][Number(style)]?.[0] ?? '';
    expect(styles).toContain(`<numFmt numFmtId="${/numFmtId="(\d+)"/.exec(xf)?.[1]}" formatCode="dd/mm/yyyy hh:mm"/>`);
  });
});
