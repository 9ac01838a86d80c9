import { describe, expect, it } from 'vitest';
import { assessmentFieldId, assessmentFromForm } from './assessment-form.js';

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

  it('when the schema or the API names a field, the error points at its input: a link at the box it was typed in', () => {
    const { boxOf } = assessmentFromForm({ status: 'ready', evidence: '', links: ['', 'https://a.example', 'not a link'], targetDate: '', reason: '' });
    expect(assessmentFieldId('links.1', boxOf)).toBe('link-2');
    expect(assessmentFieldId('links[0]', boxOf)).toBe('link-1');
    expect(assessmentFieldId('links', boxOf)).toBe('link-0');
    expect(assessmentFieldId('targetDate', boxOf)).toBe('target-date');
    expect(assessmentFieldId('status', boxOf)).toBe('status');
    expect(assessmentFieldId('reason', boxOf)).toBe('reason');
    expect(assessmentFieldId('evidence', boxOf)).toBe('evidence');
    expect(assessmentFieldId('', boxOf)).toBe('evidence');
  });
});
