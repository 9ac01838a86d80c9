import { describe, expect, it } from 'vitest';
import { concernSummary, kinshipSummary, macptSummary, thresholdSummary } from './overview.js';

type Tracker = NonNullable<Parameters<typeof thresholdSummary>[0]>;
const tracker = (t: object) => t as unknown as Tracker;

describe("the lead's overview", () => {
  it('when no period is open yet, each area says how to start', () => {
    expect(thresholdSummary(undefined)).toEqual({
      status: 'No version issued',
      note: "Issue the refreshed threshold document here, then follow each statutory partner's sign-off.",
    });
    expect(kinshipSummary(undefined)).toEqual({ status: '0 statutory categories not covered', note: 'No reviews overdue.' });
    expect(macptSummary(undefined)).toEqual({ status: 'No criteria yet', note: '' });
    expect(concernSummary(undefined)).toBe('No workstream at amber/red or red');
  });

  it('when the tracker is in, each area gives its figures', () => {
    const t = tracker({
      threshold: { versionLabel: 'v2', status: 'issued', required: [{ agencyName: 'Police', decision: null }] },
      kinship: { complete: false, gaps: ['housing'], overdueReviews: [{}, {}] },
      readiness: [{ highlighted: true, overall: { confirmedPercent: 40, selfAssessedPercent: 60, overdue: 1 } }],
      matrix: [{ overall: { confidence: 'red' } }],
    });
    expect(thresholdSummary(t).note).toBe('Waiting for: Police.');
    expect(kinshipSummary(t)).toEqual({ status: '1 statutory category not covered', note: '2 published items overdue for review.' });
    expect(macptSummary(t)).toEqual({ status: '40% confirmed ready', note: '60% self-assessed ready across agencies; 1 target date overdue.' });
    expect(concernSummary(t)).toBe('1 workstream amber/red or red');
  });
});
