import type { FieldError } from '../http/problem.js';
import { readyForReview } from './ready.js';
import { CreateItemRequest, type ItemContent } from './schema.js';

/*
 * The staff item form's values and how they map to and from the API, with the plain-English
 * messages for what the shared CreateItemRequest schema rejects.
 */
/** The form's values: every field of the item's content a string or list, as the inputs hold them. */
export type FormValues = { [K in keyof ItemContent]-?: ItemContent[K] extends readonly unknown[] ? string[] : string };

export const FIELDS: (keyof FormValues)[] = [
  'category',
  'title',
  'summary',
  'arrangementTypes',
  'audience',
  'eligibility',
  'howToApply',
  'meansTested',
  'howDecisionsAreMade',
  'providerAgencyId',
  'providerName',
  'contact',
];
export const OTHER = '';

const LIMITS: Partial<Record<keyof FormValues, [string, number]>> = {
  title: ['Title', 200],
  summary: ['Summary', 1500],
  eligibility: ['Who can get it', 2000],
  howToApply: ['How to apply', 2000],
  howDecisionsAreMade: ['How decisions are made', 2000],
  providerName: ['Organisation name', 200],
  contact: ['Contact', 500],
};

/** Plain-English messages for what the shared CreateItemRequest schema rejects. */
export function messageFor(field: keyof FormValues, v: FormValues, schemaMessage: string): string {
  const limit = LIMITS[field];
  const empty = Array.isArray(v[field]) ? v[field].length === 0 : !String(v[field]).trim();
  switch (field) {
    case 'category':
      return 'Choose the category this support belongs to';
    case 'title':
      return empty ? 'Enter a title families will recognise' : `${limit![0]} must be ${limit![1]} characters or fewer`;
    case 'summary':
      return empty ? 'Enter a plain-English summary of the support' : `${limit![0]} must be ${limit![1]} characters or fewer`;
    case 'arrangementTypes':
      return 'Choose at least one kinship arrangement this support is for';
    case 'audience':
      return 'Choose whether this support is for kinship carers, children, or both';
    case 'howDecisionsAreMade':
      return empty ? 'Say how decisions about financial support are made' : `${limit![0]} must be ${limit![1]} characters or fewer`;
    case 'providerName':
      return empty ? 'Choose the agency that provides it, or enter the name of the organisation' : `${limit![0]} must be ${limit![1]} characters or fewer`;
    default:
      return limit ? `${limit[0]} must be ${limit[1]} characters or fewer` : schemaMessage;
  }
}

export const blank = (agencyId: string | null | undefined): FormValues => ({
  category: '',
  title: '',
  summary: '',
  arrangementTypes: [],
  audience: ['carers'],
  eligibility: '',
  howToApply: '',
  meansTested: 'not-applicable',
  howDecisionsAreMade: '',
  providerAgencyId: agencyId ?? OTHER,
  providerName: '',
  contact: '',
});

export const fromItem = (i: ItemContent): FormValues => ({
  category: i.category,
  title: i.title,
  summary: i.summary,
  arrangementTypes: [...i.arrangementTypes],
  audience: [...i.audience],
  eligibility: i.eligibility,
  howToApply: i.howToApply,
  meansTested: i.meansTested,
  howDecisionsAreMade: i.howDecisionsAreMade ?? '',
  providerAgencyId: i.providerAgencyId ?? OTHER,
  providerName: i.providerName ?? '',
  contact: i.contact,
});

/** The request body: empty optional text becomes null, as the API stores it. */
export const toRequest = (v: FormValues) => ({
  ...v,
  howDecisionsAreMade: v.howDecisionsAreMade.trim() || null,
  providerAgencyId: v.providerAgencyId || null,
  providerName: v.providerAgencyId ? null : v.providerName.trim() || null,
});

/** The request to send, or the errors to show (one per field, in the order of the form). */
export function checkItemForm(v: FormValues): { request: ItemContent | null; errors: FieldError[] } {
  const parsed = CreateItemRequest.safeParse(toRequest(v));
  if (parsed.success) return { request: parsed.data, errors: [] };
  const seen = new Map<keyof FormValues, string>();
  for (const issue of parsed.error.issues) {
    const f = String(issue.path[0]) as keyof FormValues;
    if (!seen.has(f)) seen.set(f, messageFor(f, v, issue.message));
  }
  return { request: null, errors: FIELDS.filter((f) => seen.has(f)).map((f) => ({ path: f, message: seen.get(f)! })) };
}

/** Said after saving when the item cannot be sent for review yet (the API's own rule), or ''. */
export function stillNeeded(v: FormValues): string {
  const missing = readyForReview(v);
  return missing.length ? ` Before it can be sent for review: ${missing.map((m) => m.message).join('; ')}.` : '';
}
