import { describe, expect, it } from 'vitest';
import { filterOffer, leafletNote, type OfferFilterValues, type OfferGroup, offerSearchIndexes } from './offer.js';
import type { PublicItem } from './schema.js';

const item = (id: string, over: Partial<PublicItem> = {}): PublicItem => ({
  id,
  category: 'financial-support',
  title: `Item ${id}`,
  summary: '',
  arrangementTypes: ['informal'],
  audience: ['carers'],
  eligibility: '',
  howToApply: '',
  meansTested: 'no',
  howDecisionsAreMade: null,
  provider: 'Medway Council',
  contact: '',
  ...over,
});

const groups: OfferGroup[] = [
  {
    category: 'financial-support',
    label: 'Financial support',
    items: [item('a', { title: 'Special guardianship allowance', arrangementTypes: ['special-guardianship-order'] }), item('b', { title: 'Household support fund' })],
  },
  {
    category: 'education-and-training',
    label: 'Education and training',
    items: [item('c', { category: 'education-and-training', title: 'Virtual school advice', audience: ['children'] })],
  },
];
const none: OfferFilterValues = { q: '', category: '', arrangement: '', audience: '' };
const ids = (f: Partial<OfferFilterValues>) => filterOffer(groups, { ...none, ...f }, offerSearchIndexes(groups)).flatMap((g) => g.items.map((i) => i.id));

describe('filterOffer', () => {
  it('when nothing is chosen, every item shows', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
  });

  it('when filters and words are chosen, an item shows only if it matches all of them', () => {
    expect(ids({ category: 'financial-support' })).toEqual(['a', 'b']);
    expect(ids({ audience: 'children' })).toEqual(['c']);
    expect(ids({ arrangement: 'special-guardianship-order' })).toEqual(['a']);
    expect(ids({ q: 'SGO allowance' })).toEqual(['a']);
    expect(ids({ q: 'allowance', audience: 'children' })).toEqual([]);
  });

  it('when a group has no matching items, the group is left out', () => {
    expect(filterOffer(groups, { ...none, audience: 'children' }, offerSearchIndexes(groups)).map((g) => g.category)).toEqual(['education-and-training']);
  });
});

describe('leafletNote', () => {
  it('when the whole offer is shown, the leaflet says nothing about itself', () => {
    expect(leafletNote(none)).toBeUndefined();
    expect(leafletNote({ ...none, q: '   ' })).toBeUndefined();
  });

  it('when part of the offer is shown, the leaflet names the part', () => {
    expect(leafletNote({ ...none, category: 'financial-support', q: 'SGO' })).toBe("This leaflet shows only: Financial support, matching 'SGO'.");
    expect(leafletNote({ ...none, audience: 'carers', arrangement: 'informal' })).toBe(
      'This leaflet shows only: support for kinship carers, with an informal or family arrangement.',
    );
  });
});
