import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, clipForAudit, noChanges, sameValue } from './changes.js';

describe('changedFields', () => {
  it('when a stored risk comes back with its keys in another order, it is not a change', () => {
    const stored = { risks: [{ owner: 'Head of Service', likelihood: 'B', impact: 'II', title: 'Staffing', description: 'Vacancies' }] };
    const sent = { risks: [{ title: 'Staffing', description: 'Vacancies', likelihood: 'B', impact: 'II', owner: 'Head of Service' }] };
    expect(changedFields(stored, sent, ['risks'])).toEqual({});
  });

  it('when an optional field is absent in one and empty in the other, it is not a change', () => {
    type Section = { milestones: { milestoneId: string; status: string; note?: string }[]; note: string | null; escalations?: string[] };
    const stored: Partial<Section> = { milestones: [{ milestoneId: 'm1', status: 'on-track' }], note: null };
    const sent: Section = { milestones: [{ milestoneId: 'm1', status: 'on-track', note: '' }], note: '', escalations: [] };
    expect(changedFields(stored, sent, ['milestones', 'note', 'escalations'])).toEqual({});
  });

  it('when text differs only in line endings or trailing spaces, it is not a change', () => {
    expect(changedFields({ narrative: 'Line one\r\nLine two ' }, { narrative: 'Line one\nLine two' }, ['narrative'])).toEqual({});
  });

  it('when a value really changes, only that field is recorded, with the prefix', () => {
    expect(changedFields({ confidence: 'green', narrative: 'Same' }, { confidence: 'amber', narrative: 'Same' }, ['confidence', 'narrative'], 'kinship.')).toEqual({
      'kinship.confidence': { from: 'green', to: 'amber' },
    });
    expect(noChanges(changedFields({ a: 1 }, { a: 1 }, ['a']))).toBe(true);
  });

  it('when a value is long, the audit keeps a clipped copy', () => {
    const long = 'x'.repeat(600);
    expect(String(clipForAudit(long))).toMatch(/… \(600 characters\)$/);
    expect(clipForAudit(Array.from({ length: 25 }, () => 1))).toBe('25 entries');
  });

  it('when any object is compared with a copy whose keys are shuffled, they are the same', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (obj) => {
        const shuffled = Object.fromEntries(Object.entries(obj).reverse());
        return sameValue(obj, shuffled);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
