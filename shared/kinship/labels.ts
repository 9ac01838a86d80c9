import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, type AUDIENCES, CATEGORY_LABELS, type Category, type ItemStatus } from './schema.js';

/*
 * The words for a kinship item's fields and states, as families and staff read them: the web pages
 * and anything the server writes (notifications, exports) say the same thing.
 */

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  returned: 'Returned with comments',
  published: 'Published',
  retired: 'Retired',
};

export type Audience = (typeof AUDIENCES)[number];
export type Arrangement = (typeof ARRANGEMENT_TYPES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = { carers: 'Kinship carers', children: 'Children and young people' };

export const MEANS_TESTED_LABELS: Record<string, string> = {
  yes: 'Yes, what you get depends on your income and savings',
  no: 'No, your income does not affect it',
  'not-applicable': 'Does not apply',
};

/** Short answers for the staff form's "Is it means-tested?" radios. */
export const MEANS_TESTED_OPTIONS = [
  { value: 'yes', label: 'Yes', hint: 'What people get depends on their income or savings' },
  { value: 'no', label: 'No' },
  { value: 'not-applicable', label: 'Does not apply', hint: 'For example, advice or a support group' },
];

/** What an action on an item did, said to the person who took it. */
export const ITEM_ACTION_DONE: Record<'submit' | 'publish' | 'retire', (item: { title: string }) => string> = {
  submit: (i) => `"${i.title}" has been sent to the programme lead for review.`,
  publish: (i) => `"${i.title}" is published. Families can now read it in the Kinship Local Offer.`,
  retire: (i) => `"${i.title}" has been retired. It no longer appears in the public offer.`,
};

/** "Kinship carers", "Children and young people" or "Kinship carers, and children and young people". */
export function audienceText(audience: readonly string[]): string {
  const parts = (['carers', 'children'] as const).filter((a) => audience.includes(a)).map((a) => AUDIENCE_LABELS[a]);
  return parts.length === 2 ? `${parts[0]}, and ${parts[1]!.toLowerCase()}` : (parts[0] ?? '');
}

/** An arrangement's label; an unknown one as it is stored. */
export const arrangementLabel = (t: string) => ARRANGEMENT_LABELS[t as Arrangement] ?? t;
/** A category's label; an unknown one as it is stored. */
export const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

/** "Who it is for" on the public offer: "Kinship carers, in any kinship arrangement" or the arrangements named. */
export function whoItIsFor(item: { audience: readonly string[]; arrangementTypes: readonly string[] }): string {
  const arrangements =
    item.arrangementTypes.length === ARRANGEMENT_TYPES.length
      ? 'any kinship arrangement'
      : item.arrangementTypes.map((t) => arrangementLabel(t).replace(/^./, (c) => c.toLowerCase())).join(', ');
  return `${audienceText(item.audience)}, in ${arrangements}`;
}
