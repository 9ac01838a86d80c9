import type { FieldError } from '../http/problem.js';

/** What an item needs before it goes to the lead or to families, in the order the form asks. */
export const READY_FIELDS = ['audience', 'howToApply', 'contact'] as const;
export type ReadyField = (typeof READY_FIELDS)[number];

/** Plain-English messages for what is missing, used by the API's 422 and by the web pages. */
export const READY_MESSAGES: Record<ReadyField, string> = {
  audience: 'Say who it is for: kinship carers, children and young people, or both',
  howToApply: 'Say how to apply',
  contact: 'Give a contact: a phone number, email or web page families can use',
};

/** The parts of an item the rule reads (form values and stored items both fit). */
export interface ReadyInput {
  audience: readonly string[];
  howToApply: string;
  contact: string;
}

/**
 * An item can be sent for review or published only when it says who it is for, how to apply and
 * whom to contact: families cannot use support they cannot reach. Returns one error per missing
 * field (none when it is ready); text that is only spaces counts as missing.
 */
export function readyForReview(item: ReadyInput): FieldError[] {
  const missing: Record<ReadyField, boolean> = {
    audience: !item.audience?.length,
    howToApply: !item.howToApply?.trim(),
    contact: !item.contact?.trim(),
  };
  return READY_FIELDS.filter((f) => missing[f]).map((path) => ({ path, message: READY_MESSAGES[path] }));
}
