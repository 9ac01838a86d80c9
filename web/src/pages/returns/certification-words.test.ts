import { describe, expect, it } from 'vitest';
import { certifyNextStep, checkLinkWords, decisionErrors, NO_CERTIFIER, notAwaitingWords, orList, submitWords, whoCanCertify } from './certification-words.js';

describe('orList', () => {
  it('when names are listed as alternatives, they are joined with "or"', () => {
    expect(orList([])).toBe('');
    expect(orList(['Morgan Reid'])).toBe('Morgan Reid');
    expect(orList(['Avery Khan', 'Morgan Reid'])).toBe('Avery Khan or Morgan Reid');
    expect(orList(['A', 'B', 'C'])).toBe('A, B or C');
  });
});

describe('who can certify', () => {
  it('when there are certifiers, it names them', () => {
    expect(whoCanCertify(['Morgan Reid'])).toBe('Morgan Reid can certify it.');
    expect(whoCanCertify(['Avery Khan', 'Morgan Reid'])).toBe('Avery Khan or Morgan Reid can certify it.');
    expect(certifyNextStep(['Morgan Reid'])).toMatch(/^Morgan Reid will check it, then either certify it/);
  });
  it('when nobody can certify it, it says whom to ask to make another signatory', () => {
    for (const none of [[], undefined]) {
      expect(whoCanCertify(none)).toBe(NO_CERTIFIER);
      expect(certifyNextStep(none)).toBe(NO_CERTIFIER);
    }
    expect(NO_CERTIFIER).toContain('agency administrator or the programme lead');
  });
});

describe('submitWords', () => {
  it('when the partnership certifies returns, the check page sends the return for certification', () => {
    const w = submitWords(true);
    expect(w.title).toBe('Check your answers before you send your return for certification');
    expect(w.button).toBe('Send for certification');
    expect(w.busy).toBe('Sending…');
    expect(w.declaration).toContain('a signatory at your agency to certify before the programme lead sees it');
    expect(checkLinkWords(true)).toBe('Check your answers and send for certification');
  });
  it('when it does not, the words are the submit words as before', () => {
    for (const off of [false, undefined]) {
      expect(submitWords(off).title).toBe('Check your answers before you submit your return');
      expect(submitWords(off).button).toBe('Submit return');
      expect(submitWords(off).busy).toBe('Submitting…');
      expect(checkLinkWords(off)).toBe('Check your answers and submit');
    }
  });
});

describe('notAwaitingWords', () => {
  it('when the return is not awaiting certification, it says where it stands', () => {
    expect(notAwaitingWords('draft')).toBe('This return is not waiting for certification: it is a draft that has not been sent for certification.');
    expect(notAwaitingWords('submitted')).toBe('This return is not waiting for certification: it has been submitted to the programme lead.');
  });
});

describe('decisionErrors', () => {
  it('when nothing is chosen, it asks for a choice on the radios', () => {
    expect(decisionErrors('', 'anything')).toEqual([{ field: 'decision', message: 'Choose whether to certify the return or send it back' }]);
  });
  it('when the return is certified, no comment is needed', () => {
    expect(decisionErrors('certify', '')).toEqual([]);
  });
  it('when it is sent back, the comment must say something and not be too long', () => {
    expect(decisionErrors('send-back', '   ')).toEqual([{ field: 'comment', message: 'Enter what needs changing' }]);
    expect(decisionErrors('send-back', 'x'.repeat(2001))).toEqual([{ field: 'comment', message: 'Comments must be 2,000 characters or fewer' }]);
    expect(decisionErrors('send-back', ` ${'x'.repeat(2000)} `)).toEqual([]);
  });
});
