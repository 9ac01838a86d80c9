import { describe, expect, it } from 'vitest';
import { awaitsCheck, criterionChanges, criterionProblem, DERIVATION_SOURCES, macptFirst, macptReadinessHref, readinessTitle, scoreSentence, validationText } from './words.js';

describe('readiness in words', () => {
  it('when the workstream is marked MACPT its title says so, whatever its id or name; the others are called by name', () => {
    expect(readinessTitle({ name: 'Multi-agency child protection', macpt: true })).toBe('MACPT readiness');
    expect(readinessTitle({ name: 'Improving Safeguarding and Multi-Agency Collaboration', macpt: false })).toBe('Improving Safeguarding and Multi-Agency Collaboration readiness');
    expect(readinessTitle({ name: 'Kinship' })).toBe('Kinship readiness');
  });

  it('when workstreams are listed for readiness, the one marked MACPT comes first and the rest keep their order; with none marked, the order alone', () => {
    const kent = [
      { id: 'sufficiency-placements', order: 4 },
      { id: 'multi-agency-child-protection', order: 3, macpt: true },
      { id: 'family-help-kent', order: 1 },
      { id: 'safeguarding', order: 2, macpt: false },
    ];
    expect(macptFirst(kent).map((w) => w.id)).toEqual(['multi-agency-child-protection', 'family-help-kent', 'safeguarding', 'sufficiency-placements']);
    expect(macptFirst(kent.map(({ macpt: _, ...w }) => w)).map((w) => w.id)).toEqual([
      'family-help-kent',
      'safeguarding',
      'multi-agency-child-protection',
      'sufficiency-placements',
    ]);
  });

  it('when "MACPT readiness" is linked, it opens the marked workstream in use, or the list of every workstream when none is', () => {
    expect(macptReadinessHref([{ id: 'kinship-kent' }, { id: 'multi-agency-child-protection', macpt: true }])).toBe('/readiness/multi-agency-child-protection');
    expect(macptReadinessHref([{ id: 'safeguarding', macpt: true, retiredAt: '2027-01-05T10:00:00.000Z' }])).toBe('/readiness');
    expect(macptReadinessHref([{ id: 'safeguarding' }])).toBe('/readiness');
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
