import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markersIn, type ReportBlock, type ReportInline, readInline, readReportText } from './text.js';

/** Fixed seeds: every run generates the same cases, so a failure is reproducible. */
const RUNS = { numRuns: 100 } as const;

/** Inlines back to text: a source as its marker `[n]`. */
const flat = (inlines: readonly ReportInline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : `[${i.n}]`)).join('');
const tokens = (text: string) => text.split(/\s+/).filter((t) => t !== '');

/* A model of a section's text: paragraphs of lines, and lists of bullets with indented continuation lines. */

/** A word: letters, digits and punctuation, possibly with markers `[n]` in or around it (never a lone "-" or "*", which would be a bullet). */
const plainWord = fc.stringMatching(/^[A-Za-z0-9.,;:'"()!?£%/-]{1,8}$/).filter((w) => w !== '-');
const marker = fc.nat({ max: 30 }).map((n) => `[${n}]`);
const word = fc.oneof(
  { weight: 6, arbitrary: plainWord },
  { weight: 2, arbitrary: marker },
  { weight: 1, arbitrary: fc.tuple(plainWord, marker).map(([w, m]) => `${w}${m}`) },
  { weight: 1, arbitrary: fc.tuple(marker, fc.constantFrom('.', ',', ';', '')).map(([m, p]) => `${m}${p}`) },
);
const words = fc.array(word, { minLength: 1, maxLength: 6 });
/** Space between words within a line. */
const gap = fc.constantFrom(' ', ' ', '  ', '\t', ' \t ');
const trailing = fc.constantFrom('', '', ' ', '\t', '  ');

type Para = { kind: 'paragraph'; lines: string[][] };
type Item = { bullet: '-' | '*'; first: string[]; more: string[][] };
type List = { kind: 'list'; items: Item[] };
type Block = Para | List;

const para: fc.Arbitrary<Para> = fc.record({ kind: fc.constant('paragraph' as const), lines: fc.array(words, { minLength: 1, maxLength: 3 }) });
const item: fc.Arbitrary<Item> = fc.record({ bullet: fc.constantFrom('-' as const, '*' as const), first: words, more: fc.array(words, { maxLength: 2 }) });
const list: fc.Arbitrary<List> = fc.record({ kind: fc.constant('list' as const), items: fc.array(item, { minLength: 1, maxLength: 4 }) });
const doc = fc.array(fc.oneof(para, list), { minLength: 0, maxLength: 5 });

/** How the model is written out: the whitespace choices, drawn once per document. */
const layout = fc.record({
  gaps: fc.array(gap, { minLength: 1, maxLength: 8 }),
  trailing: fc.array(trailing, { minLength: 1, maxLength: 8 }),
  /** A paragraph line may start with one space (two or more after a bullet would continue it). */
  paraIndent: fc.array(fc.constantFrom('', ' '), { minLength: 1, maxLength: 8 }),
  bulletIndent: fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 1, maxLength: 8 }),
  afterBullet: fc.array(fc.constantFrom(' ', '  ', '\t'), { minLength: 1, maxLength: 8 }),
  moreIndent: fc.array(fc.constantFrom('  ', '    ', '\t\t', ' \t'), { minLength: 1, maxLength: 8 }),
  blank: fc.array(fc.constantFrom('\n\n', '\n  \n', '\n\t\n', '\n\n\n', '\n \n \n'), { minLength: 1, maxLength: 8 }),
  /** Whether a paragraph and a list next to each other share a chunk (one newline between them). */
  tight: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  leading: fc.constantFrom('', '\n', '\n\n', '  \n'),
  ending: fc.constantFrom('', '\n', '\n\n', '\n  '),
});
type Layout = typeof layout extends fc.Arbitrary<infer L> ? L : never;

function render(blocks: readonly Block[], l: Layout): string {
  let k = 0;
  const pick = <T>(xs: readonly T[]): T => xs[k++ % xs.length]!;
  const line = (ws: readonly string[]) => ws.map((w, i) => (i === 0 ? w : `${pick(l.gaps)}${w}`)).join('') + pick(l.trailing);
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) {
      const prev = blocks[i - 1]!;
      out.push(prev.kind !== b.kind && pick(l.tight) ? '\n' : pick(l.blank));
    }
    if (b.kind === 'paragraph') out.push(b.lines.map((ws) => `${pick(l.paraIndent)}${line(ws)}`).join('\n'));
    else
      out.push(
        b.items
          .map((it) => [`${pick(l.bulletIndent)}${it.bullet}${pick(l.afterBullet)}${line(it.first)}`, ...it.more.map((ws) => `${pick(l.moreIndent)}${line(ws)}`)].join('\n'))
          .join('\n'),
      );
  });
  return `${l.leading}${out.join('')}${l.ending}`;
}

/** What the model says the blocks hold, as tokens (whitespace collapsed). */
function expected(blocks: readonly Block[]) {
  return blocks.map((b) =>
    b.kind === 'paragraph' ? { kind: 'paragraph', tokens: b.lines.flat() } : { kind: 'list', items: b.items.map((it) => [...it.first, ...it.more.flat()]) },
  );
}

/** What the reader made of it, in the same form. */
function read(blocks: readonly ReportBlock[]) {
  return blocks.map((b) => (b.kind === 'paragraph' ? { kind: 'paragraph', tokens: tokens(flat(b.inlines)) } : { kind: 'list', items: b.items.map((i) => tokens(flat(i))) }));
}

const knownSet = fc.uniqueArray(fc.nat({ max: 30 }), { maxLength: 31 }).map((ns) => new Set(ns));
const allInlines = (blocks: readonly ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items));

describe('readReportText', () => {
  it('when text is written from paragraphs and bullets, it reads back the same blocks with the same words in order', () => {
    fc.assert(
      fc.property(doc, layout, knownSet, (blocks, l, known) => {
        const text = render(blocks, l);
        expect(read(readReportText(text, (n) => known.has(n)))).toEqual(expected(blocks));
      }),
      { seed: 11, ...RUNS },
    );
  });

  it("when the text's words are compared with the input's, the only differences are whitespace and the bullet prefixes", () => {
    fc.assert(
      fc.property(doc, layout, knownSet, (blocks, l, known) => {
        const text = render(blocks, l);
        const fromInput = text.split('\n').flatMap((lineText) => tokens(lineText.replace(/^\s*[-*]\s+/, '')));
        const fromBlocks = allInlines(readReportText(text, (n) => known.has(n))).flatMap((inl) => tokens(flat(inl)));
        expect(fromBlocks).toEqual(fromInput);
      }),
      { seed: 12, ...RUNS },
    );
  });

  it('when a marker names a known source it becomes a source inline, and a marker for an unknown one stays text', () => {
    fc.assert(
      fc.property(doc, layout, knownSet, (blocks, l, known) => {
        const text = render(blocks, l);
        const inlines = allInlines(readReportText(text, (n) => known.has(n))).flat();
        for (const i of inlines) {
          if (i.kind === 'source') expect(known.has(i.n)).toBe(true);
          else expect(markersIn(i.text).filter((n) => known.has(n))).toEqual([]);
        }
        // Every marker in the input is accounted for: as a source, or as text.
        const sources = inlines.filter((i) => i.kind === 'source').map((i) => i.n);
        expect(new Set(sources)).toEqual(new Set(markersIn(text).filter((n) => known.has(n))));
      }),
      { seed: 13, ...RUNS },
    );
  });

  it('when text is read, no paragraph, list, list item or text inline is empty, and no two text inlines sit side by side', () => {
    fc.assert(
      fc.property(doc, layout, knownSet, (blocks, l, known) => {
        for (const b of readReportText(render(blocks, l), (n) => known.has(n))) {
          if (b.kind === 'paragraph') expect(b.inlines.length).toBeGreaterThan(0);
          else expect(b.items.length).toBeGreaterThan(0);
          for (const inl of b.kind === 'paragraph' ? [b.inlines] : b.items) {
            expect(inl.length).toBeGreaterThan(0);
            inl.forEach((x, j) => {
              if (x.kind === 'text') {
                expect(x.text).not.toBe('');
                expect(inl[j + 1]?.kind).not.toBe('text');
              }
            });
          }
        }
      }),
      { seed: 14, ...RUNS },
    );
  });

  it('when lines end in CRLF or a lone CR, it reads the same blocks as with LF', () => {
    fc.assert(
      fc.property(doc, layout, fc.constantFrom('\r\n', '\r'), (blocks, l, eol) => {
        const text = render(blocks, l);
        expect(readReportText(text.replace(/\n/g, eol))).toEqual(readReportText(text));
      }),
      { seed: 15, ...RUNS },
    );
  });

  it('when the text is empty or only whitespace, it reads no blocks', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t\r\n]*$/), (text) => {
        expect(readReportText(text)).toEqual([]);
      }),
      { seed: 16, ...RUNS },
    );
  });

  it('when given a paragraph, a list with a continued bullet and a second paragraph, it reads exactly those blocks', () => {
    const text = 'The partners met [1] each quarter.\nThey agreed a plan [2].\n- First bullet [3]\n  carried on here\n* Second bullet [9]\n\nClosing words.';
    expect(readReportText(text, (n) => n <= 3)).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'The partners met ' },
          { kind: 'source', n: 1 },
          { kind: 'text', text: ' each quarter. They agreed a plan ' },
          { kind: 'source', n: 2 },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        items: [
          [
            { kind: 'text', text: 'First bullet ' },
            { kind: 'source', n: 3 },
            { kind: 'text', text: ' carried on here' },
          ],
          [{ kind: 'text', text: 'Second bullet [9]' }],
        ],
      },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Closing words.' }] },
    ]);
  });

  it('when a line is indented under a paragraph rather than a bullet, it stays part of the paragraph', () => {
    expect(readReportText('Opening line\n    indented line')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Opening line indented line' }] }]);
  });

  it('when a dash is not followed by a space, the line is not a bullet', () => {
    expect(readReportText('-5 children\n*emphasis*')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: '-5 children *emphasis*' }] }]);
  });

  it('when a bullet line holds nothing after the dash, it makes no empty list item', () => {
    for (const text of ['- First\n- \n- Third', '- First\n-  \t\n- Third']) {
      const blocks = readReportText(text);
      const items = blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      expect({ text, empty: items.filter((i) => i.length === 0).length }).toEqual({ text, empty: 0 });
    }
  });
});

describe('readInline', () => {
  it('when text holds markers, joining the inlines back gives the text, and every marker of a known source is a source inline', () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 6 }), marker, fc.constantFrom('[', ']', '[1234]', '[x]', '[ 1]')), { maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, knownSet, (t, known) => {
        const inlines = readInline(t, (n) => known.has(n));
        expect(flat(inlines)).toBe(t);
        const sources = inlines.filter((i) => i.kind === 'source').map((i) => i.n);
        expect(sources.every((n) => known.has(n))).toBe(true);
        expect([...new Set(sources)]).toEqual(markersIn(t).filter((n) => known.has(n)));
        for (const i of inlines) if (i.kind === 'text') expect(i.text).not.toBe('');
      }),
      { seed: 21, ...RUNS },
    );
  });

  it('when no known predicate is given, every marker of one to three digits is a source', () => {
    expect(readInline('a [1] b [22] c [333] d [4444]')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'source', n: 1 },
      { kind: 'text', text: ' b ' },
      { kind: 'source', n: 22 },
      { kind: 'text', text: ' c ' },
      { kind: 'source', n: 333 },
      { kind: 'text', text: ' d [4444]' },
    ]);
  });

  it('when a marker is unknown, it merges into the text around it', () => {
    expect(readInline('see [2] and [3]', (n) => n === 3)).toEqual([
      { kind: 'text', text: 'see [2] and ' },
      { kind: 'source', n: 3 },
    ]);
  });
});

describe('markersIn', () => {
  it('when markers repeat, it lists each number once in order of first use', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 999 }), fc.string({ maxLength: 5 })), { maxLength: 12 }), (parts) => {
        // Separators cannot hold brackets or digits, so every marker is exactly the ones put in.
        const safe = parts.map(([n, s]) => [n, s.replace(/[[\]\d]/g, '')] as const);
        const text = safe.map(([n, s]) => `${s}[${n}]`).join('');
        expect(markersIn(text)).toEqual([...new Set(safe.map(([n]) => n))]);
      }),
      { seed: 31, ...RUNS },
    );
  });

  it('when brackets hold no number of one to three digits, they are not markers', () => {
    expect(markersIn('[] [a] [1a] [1234] [ 2] (3) 4] [5')).toEqual([]);
    expect(markersIn('x[7]y[7][8]')).toEqual([7, 8]);
  });
});
