import { describe, expect, it } from 'vitest';
import { awaitsCheck, criterionChanges, criterionProblem, DERIVATION_SOURCES, MACPT_WORKSTREAM, macptFirst, readinessTitle, scoreSentence, validationText } from './words.js';

describe('readiness in words', () => {
  it('when the workstream is MACPT its title says so, and it is listed first', () => {
    expect(readinessTitle(MACPT_WORKSTREAM, 'Safeguarding')).toBe('MACPT readiness');
    expect(readinessTitle('kinship', 'Kinship')).toBe('Kinship readiness');
    const sorted = macptFirst([
      { id: 'b', order: 2 },
      { id: MACPT_WORKSTREAM, order: 3 },
      { id: 'a', order: 1 },
    ]);
    expect(sorted.map((w) => w.id)).toEqual([MACPT_WORKSTREAM, 'a', 'b']);
  });

  it("when an assessment is ready but not checked, it waits for the lead; the lead's decision is said in words", () => {
    expect(awaitsCheck({ status: 'ready', version: 1 })).toBe(true);
    expect(awaitsCheck({ status: 'ready', version: 0 })).toBe(false);
    expect(validationText({ status: 'ready', version: 2, validation: null })).toBe('Not yet confirmed');
    expect(validationText({ status: 'in-progress', version: 2, validation: { outcome: 'challenged' } })).toBe('Challenged by the lead');
    expect(validationText({ status: 'in-progress', version: 2, validation: null })).toBeNull();
  });

  it("when an agency's score is read out, it counts what is ready and confirmed", () => {
    expect(scoreSentence({ applicable: 0, overdue: 0, selfAssessedCount: 0, confirmedCount: 0 })).toBe('No criteria apply');
    expect(scoreSentence({ applicable: 11, overdue: 2, selfAssessedCount: 3, confirmedCount: 1 })).toBe('3 of 11 ready, 1 confirmed; 2 overdue');
  });

  it('when a criterion is edited, only the changed fields are sent, agencies compared as a set', () => {
    const shown = { title: 'T', description: 'D', agencyIds: ['a', 'b'], evidenceExpected: '', targetDate: null };
    expect(criterionChanges(shown, { ...shown, agencyIds: ['b', 'a'] })).toEqual({});
    expect(criterionChanges(shown, { ...shown, title: 'U', targetDate: '2027-03-31' })).toEqual({ title: 'U', targetDate: '2027-03-31' });
  });

  it('when a criterion is refused, each field has its own words; a blank title is asked for', () => {
    expect(criterionProblem('title', { title: ' ' })).toBe('Enter a title for the criterion');
    expect(criterionProblem('title', { title: 'x'.repeat(201) })).toBe('Title must be 200 characters or fewer');
    expect(criterionProblem('agencyIds', { title: 'T' })).toBe('Choose at least one agency that must assess this criterion');
  });

  it('when a criterion is derived, it links to the record it follows', () => {
    expect(DERIVATION_SOURCES['threshold-signed-off']).toEqual({ text: 'Follows the threshold document sign-off record', href: '/threshold' });
    expect(DERIVATION_SOURCES['kinship-offer-complete'].href).toBe('/kinship');
  });
});
