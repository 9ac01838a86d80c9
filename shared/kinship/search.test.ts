import { describe, expect, it } from 'vitest';
import { indexText, matchesSearch, normalise, parseSearch, stem, SYNONYMS } from './search.js';

const finds = (query: string, text: string) => matchesSearch(parseSearch(query), indexText(text));

describe('normalise', () => {
  it('when text has capitals, accents, apostrophes and punctuation, only lower-case words and single spaces remain', () => {
    expect(normalise("  The Carer’s  GUIDE: café & SGO's (2026)! ")).toBe('the carers guide cafe and sgos 2026');
  });
});

describe('stem', () => {
  it.each([
    ['allowances', 'allowance'],
    ['allowance', 'allowance'],
    ['families', 'family'],
    ['grandparents', 'grandparent'],
    ['coaches', 'coach'],
    ['classes', 'class'],
    ['boxes', 'box'],
    ['children', 'child'],
    ['childrens', 'child'],
    ['people', 'person'],
    ['sgos', 'sgo'],
    ['nans', 'nan'],
  ])('when the word is %s, its stem is %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(['bus', 'status', 'crisis', 'class', 'sgo', 'gas', '2026s'])('when %s only looks plural, it stays as it is', (word) => {
    expect(stem(word)).toBe(word);
  });
});

describe('searching the offer', () => {
  it('when the search is empty or only small words, everything matches', () => {
    expect(parseSearch('')).toEqual([]);
    expect(parseSearch('  for the ')).toEqual([]);
    expect(finds('', 'anything')).toBe(true);
  });

  it('when the search is a plural, it finds the singular, and the other way round', () => {
    expect(finds('allowances', 'You may get a regular allowance.')).toBe(true);
    expect(finds('allowance', 'Fostering allowances for kinship foster carers')).toBe(true);
    expect(finds('families', 'Help for every family')).toBe(true);
    expect(finds('grandparents', 'A grandparent caring for a child')).toBe(true);
  });

  it('when the search is SGO, it finds special guardianship, and special guardianship finds SGO', () => {
    expect(finds('SGO', 'Special guardianship allowance')).toBe(true);
    expect(finds('sgo', 'If you are a special guardian, you may get an allowance.')).toBe(true);
    expect(finds('special guardianship', 'Enhanced SGO fees')).toBe(true);
    expect(finds('special guardianship order', 'Support for SGOs')).toBe(true);
    expect(finds('SGO', 'Fostering allowances for kinship foster carers')).toBe(false);
  });

  it('when the search is CAO or child arrangements order, it finds the other', () => {
    expect(finds('CAO', 'Carers with a child arrangements order')).toBe(true);
    expect(finds('child arrangements order', 'Support for carers with a CAO')).toBe(true);
    expect(finds('residence order', 'a child arrangements order')).toBe(true);
    expect(finds('CAO', 'a special guardianship order')).toBe(false);
  });

  it('when the search is an everyday word for a grandparent, it finds grandparents', () => {
    for (const q of ['nan', 'Nana', 'gran', 'granny', 'grandad', 'grandmother', 'grandfather', 'grandma', 'grandparents']) {
      expect(finds(q, 'Support for grandparents bringing up a grandchild'), q).toBe(true);
    }
    expect(finds('nan', 'Grandma and grandad groups')).toBe(true);
  });

  it('when a synonym is short, it matches whole words only ("gran" is not "grant", "nan" is not "finance")', () => {
    expect(finds('gran', 'A one-off grant for furniture')).toBe(false);
    expect(finds('nan', 'Help with finance')).toBe(false);
    expect(finds('sen', 'Ask a senior social worker')).toBe(false);
  });

  it('when the search is fostering or foster carer, it finds the other', () => {
    expect(finds('fostering', 'Approved as a foster carer')).toBe(true);
    expect(finds('foster carers', 'The fostering service')).toBe(true);
    expect(finds('connected carers', 'Kinship foster care (connected carers)')).toBe(true);
    expect(finds('kinship foster carer', 'If you are a connected person')).toBe(true);
  });

  it('when the search uses another common word, it finds the term the offer uses', () => {
    expect(finds('accommodation', 'Housing advice for kinship carers')).toBe(true);
    expect(finds('housing', 'Housing and accommodation')).toBe(true);
    expect(finds('contact', 'Help with family time')).toBe(true);
    expect(finds('respite', 'Short breaks for kinship carers')).toBe(true);
    expect(finds('solicitor', 'Free legal advice')).toBe(true);
    expect(finds('CAMHS', 'child and adolescent mental health services')).toBe(true);
    expect(finds('SEND', 'children with special educational needs')).toBe(true);
    expect(finds('EHCP', 'an education, health and care plan')).toBe(true);
    expect(finds('family and friends carers', 'kinship carers')).toBe(true);
  });

  it('when several words are typed, every one must match, so more words narrow the results', () => {
    expect(finds('SGO allowance', 'Special guardianship allowance')).toBe(true);
    expect(finds('SGO allowance', 'Special guardianship support group')).toBe(false);
    expect(finds('help for grandparents', 'Help groups: grandparents welcome')).toBe(true);
    expect(finds('zebra crossing', 'Special guardianship allowance')).toBe(false);
  });

  it('when a word is being typed, its start already finds the words it begins', () => {
    expect(finds('allow', 'Special guardianship allowance')).toBe(true);
    expect(finds('therap', 'Therapeutic parenting programme')).toBe(true);
    expect(finds('familie', 'Support for families')).toBe(true);
    expect(finds('schoo', 'Virtual School advice')).toBe(true);
  });

  it('when the table is read, no phrase belongs to two groups (a search would otherwise depend on the order)', () => {
    const all = SYNONYMS.flatMap((g) => g.map((p) => normalise(p).split(' ').map(stem).join(' ')));
    expect(new Set(all).size).toBe(all.length);
  });
});
