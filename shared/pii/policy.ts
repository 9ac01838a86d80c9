import { isBlocking, scanFields, type PiiKind, type ScanOptions, type Warning } from './detect.js';

/**
 * The one rule for every free-text write (returns, comments, kinship items, readiness, milestones,
 * threshold documents, tracker notes, programme set-up, and every route added later):
 *
 * - a **definite identifier** (an NHS number passing its check digit, a National Insurance number)
 *   is refused: nothing is written, whatever the person says;
 * - **possible** personal data (postcode, date of birth, email, phone, a name next to an age or a
 *   family role) is written only after the person confirms it is not about a child or family, and
 *   that confirmation is audited (field and kind, never the text).
 *
 * Fields that exist to hold a service's contact details (a kinship item's `contact`) may name the
 * contact kinds they expect; those kinds are not asked about there.
 */

export { CONFIRM_PERSONAL_DATA_HEADER } from '../http/headers.js';

/** Kinds a contact-details field is for: a service's phone, email and office postcode. */
export const CONTACT_KINDS: readonly PiiKind[] = ['email', 'phone', 'postcode'];

export interface PersonalDataPolicy {
  /** Top-level fields that hold contact details: their contact kinds need no confirmation. */
  contactFields?: readonly string[];
  /**
   * A body about members of staff by design (a person's name and work email): nothing is asked
   * about, but a definite identifier is still refused, as everywhere.
   */
  identifiersOnly?: boolean;
}

/** A finding as the audit keeps it: where and what kind, never the text itself. */
export interface ConfirmedFinding {
  path: string;
  kind: PiiKind;
}

export interface PersonalDataCheck {
  /** Definite identifiers: the write must be refused. */
  refused: Warning[];
  /** Possible personal data that needs the person's confirmation before it is written. */
  toConfirm: Warning[];
}

/** Applies the rule to a request body (or any object of free text). */
export function checkPersonalData(body: unknown, policy: PersonalDataPolicy = {}, opts: ScanOptions = {}): PersonalDataCheck {
  const contact = new Set(policy.contactFields ?? []);
  const refused: Warning[] = [];
  const toConfirm: Warning[] = [];
  for (const w of scanFields(body, opts)) {
    if (isBlocking(w.kind)) refused.push(w);
    else if (policy.identifiersOnly) continue;
    else if (!(contact.has(topField(w.path)) && CONTACT_KINDS.includes(w.kind))) toConfirm.push(w);
  }
  return { refused, toConfirm };
}

/** `sections[0].narrative` -> `sections`; `contact` -> `contact`. */
function topField(path: string): string {
  return /^[^.[]*/.exec(path)![0];
}

/** Whether a header value confirms possible personal data. */
export function isConfirmation(value: string | null | undefined): boolean {
  return typeof value === 'string' && /^\s*(?:true|yes|1)\s*$/i.test(value);
}
