import { describe, expect, it } from 'vitest';
import { compareRisks, type Impact, type Likelihood } from '../returns/schema.js';
import { cellFor, csvCell, overallConfidence, toCsv, worstConfidence } from './compute.js';

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
    expect(overallConfidence(cells, undefined)).toEqual({ confidence: 'green', source: 'accepted' });
    expect(overallConfidence(cells, { confidence: 'amber' })).toEqual({ confidence: 'amber', source: 'lead' });
    expect(overallConfidence([cells[1]!], undefined)).toEqual({ confidence: 'red', source: 'submitted' });
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
