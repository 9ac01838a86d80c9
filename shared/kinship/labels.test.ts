import { describe, expect, it } from 'vitest';
import { arrangementLabel, audienceText, categoryLabel, whoItIsFor } from './labels.js';
import { ARRANGEMENT_TYPES } from './schema.js';

describe('kinship labels', () => {
  it('when an item is for carers, children or both, the audience reads as one phrase in that order', () => {
    expect(audienceText(['carers'])).toBe('Kinship carers');
    expect(audienceText(['children'])).toBe('Children and young people');
    expect(audienceText(['children', 'carers'])).toBe('Kinship carers, and children and young people');
    expect(audienceText([])).toBe('');
  });

  it('when a stored value has no label, it is shown as stored', () => {
    expect(arrangementLabel('special-guardianship-order')).toBe('Special guardianship order');
    expect(arrangementLabel('unknown')).toBe('unknown');
    expect(categoryLabel('financial-support')).toBe('Financial support');
    expect(categoryLabel('unknown')).toBe('unknown');
  });

  it('when an item covers every arrangement, it says any; otherwise it names them in lower case', () => {
    expect(whoItIsFor({ audience: ['carers'], arrangementTypes: [...ARRANGEMENT_TYPES] })).toBe('Kinship carers, in any kinship arrangement');
    expect(whoItIsFor({ audience: ['children'], arrangementTypes: ['informal', 'special-guardianship-order'] })).toBe(
      `Children and young people, in ${arrangementLabel('informal').toLowerCase()}, special guardianship order`,
    );
  });
});
