import { type Arrangement, type Audience, AUDIENCE_LABELS, arrangementLabel } from './labels.js';
import { CATEGORY_LABELS, type Category, type PublicItem } from './schema.js';
import { indexText, matchesSearch, parseSearch, type SearchIndex } from './search.js';

/*
 * Finding support in the public Kinship Local Offer: the filters families choose, which items
 * they match, and what a printed leaflet of part of the offer says about itself.
 */

/** The public offer's filters: words typed, type of support, arrangement and who it is for ('' for any). */
export interface OfferFilterValues {
  q: string;
  category: Category | '';
  arrangement: Arrangement | '';
  audience: Audience | '';
}

/** A group of the offer: one category's items. */
export interface OfferGroup<I extends PublicItem = PublicItem> {
  category: Category;
  label: string;
  items: I[];
}

/** An item's words for the search: everything families read about it, with its group and arrangements. */
export const offerSearchIndex = (i: PublicItem, groupLabel: string): SearchIndex =>
  indexText(
    [i.title, i.summary, i.eligibility, i.howToApply, i.howDecisionsAreMade ?? '', i.provider, i.contact, groupLabel, ...i.arrangementTypes.map(arrangementLabel)].join(' '),
  );

/** Each item's words, prepared once for every search of the offer. */
export const offerSearchIndexes = (groups: readonly OfferGroup[]) => new Map(groups.flatMap((g) => g.items.map((i) => [i.id, offerSearchIndex(i, g.label)] as const)));

/**
 * The groups and items that match: every filter chosen and every word typed must match, so
 * "SGO allowance" narrows rather than widens. Groups left empty are dropped.
 */
export function filterOffer<G extends OfferGroup>(groups: readonly G[], f: OfferFilterValues, indexes: Map<string, SearchIndex>): G[] {
  const search = parseSearch(f.q);
  const matches = (item: PublicItem) =>
    (!f.arrangement || item.arrangementTypes.includes(f.arrangement)) &&
    (!f.audience || item.audience.includes(f.audience)) &&
    matchesSearch(search, indexes.get(item.id) ?? offerSearchIndex(item, ''));
  return groups
    .filter((g) => !f.category || g.category === f.category)
    .map((g) => ({ ...g, items: g.items.filter(matches) }))
    .filter((g) => g.items.length > 0);
}

const ARRANGEMENT_PHRASES: Record<Arrangement, string> = {
  informal: 'an informal or family arrangement',
  'private-fostering': 'private fostering',
  'kinship-foster-care': 'kinship foster care (connected carers)',
  'child-arrangements-order': 'a child arrangements order',
  'special-guardianship-order': 'a special guardianship order',
};

/** What the printed leaflet says when it is not the whole offer: "This leaflet shows only: Financial support, matching 'SGO'." */
export function leafletNote(v: OfferFilterValues): string | undefined {
  const q = v.q.trim();
  const qualifiers = [
    v.audience && `for ${AUDIENCE_LABELS[v.audience].toLowerCase()}`,
    v.arrangement && `with ${ARRANGEMENT_PHRASES[v.arrangement]}`,
    q && `matching '${q}'`,
  ].filter(Boolean);
  if (!v.category && qualifiers.length === 0) return undefined;
  const what = v.category ? [CATEGORY_LABELS[v.category], ...qualifiers].join(', ') : `support ${qualifiers.join(', ')}`;
  return `This leaflet shows only: ${what}.`;
}
