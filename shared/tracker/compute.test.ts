import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRisks, type Impact, type Likelihood } from '../returns/schema.js';
import { cellFor, csvCell, overallConfidence, startsLikeFormula, toCsv, ukDateTimeCell, worstConfidence } from './compute.js';

describe('tracker rules', () => {
  it('when levels are mixed, the worst wins', () => {
    expect(worstConfidence(['green', 'amber-red', null, 'amber'])).toBe('amber-red');
    expect(worstConfidence([null, undefined])).toBeNull();
  });

  it('when a return is a draft or returned, its cell is not reported', () => {
    expect(cellFor({ periodId: 'p', agencyId: 'a', status: 'draft', confidence: { ws: 'red' } }, 'ws')).toEqual({ confidence: null, state: 'not-reported' });
    expect(cellFor({ periodId: 'p', agencyId: 'a', status: 'submitted', confidence: { ws: 'red' } }, 'ws')).toEqual({ confidence: 'red', state: 'submitted' });
  });

  it('when the lead set an overall confidence, it wins; otherwise accepted returns decide before submitted ones', () => {
    const cells = [
      { agencyId: 'a', confidence: 'green' as const, state: 'accepted' as const },
      { agencyId: 'b', confidence: 'red' as const, state: 'submitted' as const },
    ];
    expect(overallConfidence(cells, undefined)).toEqual({ confidence: 'green', source: 'accepted', provisional: true });
    expect(overallConfidence(cells, { confidence: 'amber' })).toEqual({ confidence: 'amber', source: 'lead', provisional: false });
    expect(overallConfidence([cells[1]!], undefined)).toEqual({ confidence: 'red', source: 'submitted', provisional: true });
  });

  it('when every contributing agency’s return is accepted, the rating is final; one not in or only submitted makes it provisional', () => {
    const accepted = (agencyId: string, confidence: 'green' | 'amber') => ({ agencyId, confidence, state: 'accepted' as const });
    expect(overallConfidence([accepted('a', 'green'), accepted('b', 'amber')], undefined)).toEqual({ confidence: 'amber', source: 'accepted', provisional: false });
    expect(overallConfidence([accepted('a', 'green'), { agencyId: 'b', confidence: null, state: 'not-reported' }], undefined)).toEqual({
      confidence: 'green',
      source: 'accepted',
      provisional: true,
    });
    expect(overallConfidence([{ agencyId: 'b', confidence: null, state: 'not-reported' }], undefined)).toEqual({ confidence: null, source: 'none', provisional: false });
  });

  it('when risks are sorted, A-I comes first and D-IV last', () => {
    const ratings = (['DIV', 'AI', 'BII', 'CIII', 'AIII', 'BI'] as const)
      .map((r) => ({ likelihood: r[0] as Likelihood, impact: r.slice(1) as Impact }))
      .sort(compareRisks)
      .map((r) => `${r.likelihood}${r.impact}`);
    expect(ratings).toEqual(['AI', 'BI', 'BII', 'AIII', 'CIII', 'DIV']);
  });

  it.each(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx'])('when a cell starts with %j, it is escaped against formula injection', (v) => {
    expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('when a cell has commas, quotes or newlines, it is quoted', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"']])).toBe('a,b\r\n"x, y","say ""hi"""\r\n');
  });
});

/** Characters a person cannot see before a cell's first visible character. */
const INVISIBLES = [
  ' ',
  '\u00A0',
  '\u2000',
  '\u2003',
  '\u2007',
  '\u2009',
  '\u200A',
  '\u202F',
  '\u205F',
  '\u3000',
  '\u1680', // spaces
  '\u200B',
  '\u200C',
  '\u200D',
  '\uFEFF',
  '\u2060',
  '\u00AD',
  '\u200E',
  '\u200F', // zero-width and format
  '\n',
  '\r\n',
  '\u000B',
  '\u000C',
  '\u0085',
  '\u2028',
  '\u2029', // line breaks
];
/** Formula triggers as typed, pasted or produced by word processors. */
const TRIGGERS = [
  '=',
  '+',
  '-',
  '@',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  '\u2212',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\uFE62',
  '\uFE63',
  '\uFE66',
  '\uFE6B',
  '\u207A',
  '\u207B',
  '\u207C',
];
const TRIGGER_AFTER_FOLDING = /^[=+\-@\u2212\u2010-\u2015]/;

/** What a spreadsheet reads from one CSV field: the text inside the quotes, quotes undoubled. */
function opened(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}
/** The cell as seen: invisible leading characters gone, compatibility forms folded. */
function firstVisible(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const inv of INVISIBLES) {
      if (rest.startsWith(inv)) {
        rest = rest.slice(inv.length);
        changed = true;
      }
    }
  }
  return rest.normalize('NFKC');
}

const invisiblePrefix = fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 8 }).map((a) => a.join(''));
const trigger = fc.constantFrom(...TRIGGERS);
const rest = fc.string({ maxLength: 20 });

describe('formula injection guard (CSV)', () => {
  it('when any invisible prefix comes before a formula trigger, the opened cell does not start with a trigger', () => {
    fc.assert(
      fc.property(invisiblePrefix, trigger, rest, (prefix, t, tail) => {
        const value = `${prefix}${t}${tail}`;
        const cell = opened(csvCell(value));
        expect(TRIGGER_AFTER_FOLDING.test(firstVisible(cell))).toBe(false);
        // The text itself is kept: only the quote that marks it as text is added in front.
        expect(cell).toBe(`'${value}`);
      }),
      { numRuns: 500 },
    );
  });

  it('when a cell starts with a tab or carriage return after invisible characters, it is escaped too', () => {
    fc.assert(
      fc.property(invisiblePrefix, fc.constantFrom('\t', '\r'), rest, (prefix, t, tail) => {
        expect(opened(csvCell(`${prefix}${t}${tail}`)).startsWith("'")).toBe(true);
      }),
    );
  });

  it('when the first visible character is not a trigger, the text is left as it is', () => {
    const safeStart = fc.constantFrom('a', 'Z', '5', '£', '(', '"', 'é', '中', '#', "'");
    fc.assert(
      fc.property(
        invisiblePrefix.filter((p) => !/[\r]/.test(p)),
        safeStart,
        rest,
        (prefix, first, tail) => {
          const value = `${prefix}${first}${tail}`;
          expect(startsLikeFormula(value)).toBe(false);
          expect(opened(csvCell(value))).toBe(value);
        },
      ),
    );
  });

  it('when a number is negative, it is escaped whether written as text or as a number, as before', () => {
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe("'-5");
    expect(csvCell('\u22125')).toBe("'\u22125");
    expect(csvCell(' -5')).toBe("' -5");
    expect(csvCell(5)).toBe('5');
    expect(csvCell('5 - 3')).toBe('5 - 3');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('dates and times in exports', () => {
  it('when a moment is exported, it is the date and time it was in London (BST in summer, GMT in winter), written YYYY-MM-DD HH:MM in CSV', () => {
    expect(ukDateTimeCell('2026-07-24T15:42:00Z')).toEqual({ date: '2026-07-24', time: '16:42' });
    expect(ukDateTimeCell('2027-01-10T23:30:00Z')).toEqual({ date: '2027-01-10', time: '23:30' });
    expect(ukDateTimeCell('2026-03-31T23:30:00Z')).toEqual({ date: '2026-04-01', time: '00:30' });
    expect(csvCell(ukDateTimeCell('2026-07-24T15:42:00Z'))).toBe('2026-07-24 16:42');
    expect(ukDateTimeCell(null)).toBeNull();
    expect(ukDateTimeCell('not a date')).toBeNull();
  });
});
