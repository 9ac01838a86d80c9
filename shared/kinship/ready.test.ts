import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READY_FIELDS, READY_MESSAGES, readyForReview } from './ready.js';

const complete = { audience: ['carers'], howToApply: 'Ask your social worker.', contact: '01634 331234' };

describe('readyForReview', () => {
  it('when an item says who it is for, how to apply and a contact, nothing is missing', () => {
    expect(readyForReview(complete)).toEqual([]);
  });

  it('when all three are missing, each is named in the form order with its plain-English message', () => {
    expect(readyForReview({ audience: [], howToApply: '', contact: '   ' })).toEqual([
      { path: 'audience', message: READY_MESSAGES.audience },
      { path: 'howToApply', message: 'Say how to apply' },
      { path: 'contact', message: 'Give a contact: a phone number, email or web page families can use' },
    ]);
  });

  it('when any of the three is blank or only spaces, exactly the blank ones are named', () => {
    const blank = fc.constantFrom('', ' ', '\n\t ');
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.boolean(), fc.oneof(blank, text), fc.oneof(blank, text), (hasAudience, howToApply, contact) => {
        const errors = readyForReview({ audience: hasAudience ? ['children'] : [], howToApply, contact });
        const expected = READY_FIELDS.filter((f) => (f === 'audience' ? !hasAudience : !(f === 'howToApply' ? howToApply : contact).trim()));
        expect(errors.map((e) => e.path)).toEqual(expected);
      }),
    );
  });
});
