import { describe, expect, it } from 'vitest';
import { arrangementLabel, audienceText, categoryLabel, ITEM_ACTION_DONE, MEANS_TESTED_LABELS, MEANS_TESTED_OPTIONS, whoItIsFor } from './labels.js';
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

  it('when staff answer whether an item is means-tested, every stored answer is offered', () => {
    expect(MEANS_TESTED_OPTIONS.map((o) => o.value)).toEqual(Object.keys(MEANS_TESTED_LABELS));
  });

  it('when an item is sent for review, published or retired, the message names it and says what follows', () => {
    const item = { title: 'Special guardianship allowance' };
    expect(ITEM_ACTION_DONE.submit(item)).toBe('"Special guardianship allowance" has been sent to the programme lead for review.');
    expect(ITEM_ACTION_DONE.publish(item)).toBe('"Special guardianship allowance" is published. Families can now read it in the Kinship Local Offer.');
    expect(ITEM_ACTION_DONE.retire(item)).toBe('"Special guardianship allowance" has been retired. It no longer appears in the public offer.');
  });
});
