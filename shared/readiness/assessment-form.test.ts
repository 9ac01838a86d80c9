import { describe, expect, it } from 'vitest';
import { assessmentFromForm } from './assessment-form.js';

describe('assessment form', () => {
  it('when some link boxes are blank, they are dropped and each link sent remembers its box', () => {
    const { body, boxOf } = assessmentFromForm({
      status: 'ready',
      evidence: 'Done',
      links: ['', ' https://a.example ', '', 'https://b.example'],
      targetDate: '',
      reason: 'ignored',
    });
    expect(body).toEqual({ status: 'ready', evidence: 'Done', links: ['https://a.example', 'https://b.example'], targetDate: null, reason: null });
    expect([boxOf(0), boxOf(1), boxOf(2)]).toEqual([1, 3, undefined]);
  });

  it('when the criterion does not apply, the reason is sent (null when blank)', () => {
    expect(assessmentFromForm({ status: 'not-applicable', evidence: '', links: [], targetDate: '2027-03-31', reason: ' Not ours ' }).body).toMatchObject({
      reason: 'Not ours',
      targetDate: '2027-03-31',
    });
    expect(assessmentFromForm({ status: 'not-applicable', evidence: '', links: [], targetDate: '', reason: '  ' }).body.reason).toBeNull();
  });
});
