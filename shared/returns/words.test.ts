import { describe, expect, it } from 'vitest';
import { describeReturnChanges, returnCounts, returnsSummary, riskRatingText, taskHint } from './words.js';

describe('returns in words', () => {
  it('when a risk is rated, its rating reads as the code and the words', () => {
    expect(riskRatingText('B', 'II')).toBe('BII – likely, major');
  });

  it('when a section is complete there is no hint; when it is carried forward it says so first', () => {
    const done = { workstreamId: 'a', confidence: 'green', narrative: 'Fine', risks: [], escalations: [] };
    expect(taskHint(done)).toBeNull();
    expect(taskHint({ ...done, narrative: '' })).toMatch(/^Still needed: /);
    expect(taskHint({ ...done, carriedForward: true })).toBe('Carried forward from last quarter: check and update');
  });

  it('when returns are counted, submitted and accepted ones are in, and the sentence names only what there is', () => {
    const rows = [
      { status: 'submitted', overdue: false },
      { status: 'accepted', overdue: false },
      { status: 'draft', overdue: true },
      { status: 'not-started', overdue: false },
    ];
    expect(returnCounts(rows)).toEqual({ total: 4, received: 2, waiting: 1, accepted: 1, withAgencies: 2, overdue: 1 });
    expect(returnsSummary(rows)).toBe('2 of 4 returns submitted, 1 waiting for your review, 1 overdue.');
    expect(returnsSummary([{ status: 'accepted' }])).toBe('1 of 1 returns submitted.');
  });

  it("when a return's history is read, each change is a line in words, with the comment and confirmed warnings", () => {
    const lines = describeReturnChanges(
      {
        changes: { status: { from: 'draft', to: 'submitted' }, 'kinship.confidence': { from: 'amber', to: 'green' }, 'kinship.risks': { from: [], to: [1] } },
        meta: { comment: 'Thanks', acknowledgedWarnings: ['x', 'y'] },
      },
      (id) => (id === 'kinship' ? 'Kinship' : id),
    );
    expect(lines).toEqual([
      'Status from Draft to Submitted',
      'Kinship: delivery confidence from Amber to Green',
      'Kinship: risks changed',
      'Comment: “Thanks”',
      'Confirmed that 2 possible personal-data warnings were not personal details',
    ]);
  });
});
