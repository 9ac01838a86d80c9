import { describe, expect, it } from 'vitest';
import { approvedCount, awaitingSignOff, concernCount, statutoryCoverage } from './figures.js';

describe('tracker figures', () => {
  it('when workstreams are rated, only amber/red and red give concern', () => {
    expect(
      concernCount([{ overall: { confidence: 'red' } }, { overall: { confidence: 'amber-red' } }, { overall: { confidence: 'amber' } }, { overall: { confidence: null } }]),
    ).toBe(2);
  });

  it('when some partners have decided on the threshold document, the others are awaited and approvals counted', () => {
    const th = {
      required: [
        { agencyName: 'Police', decision: { decision: 'approve' } },
        { agencyName: 'ICB', decision: { decision: 'request-changes' } },
        { agencyName: 'Council', decision: null },
      ],
    };
    expect(awaitingSignOff(th)).toEqual(['Council']);
    expect(awaitingSignOff(null)).toEqual([]);
    expect(approvedCount(th)).toBe(1);
  });

  it('when the Kinship Local Offer has gaps, statutory categories not covered are named', () => {
    const k = {
      categories: [
        { label: 'Financial support', statutory: true, covered: true },
        { label: 'Housing', statutory: true, covered: false },
        { label: 'Other', statutory: false, covered: false },
      ],
    };
    expect(statutoryCoverage(k)).toEqual({ total: 2, covered: 1, missing: ['Housing'] });
  });
});
