import type { FieldError } from '../../shared/http/problem.js';
import { BLOCKING_KINDS, scanFields, type PiiKind } from '../../shared/pii/detect.js';
import { ValidationFailed } from '../http/errors.js';

/**
 * Refuses free text that holds personal data the portal must never store. NHS and National
 * Insurance numbers are always refused; dates of birth too by default. Contact details (email,
 * phone, postcode) are allowed where services publish them (the Kinship Local Offer) and only
 * warned about in returns, where the submitter confirms them.
 */
export function refusePersonalData(fields: Record<string, unknown>, refuse: readonly PiiKind[] = [...BLOCKING_KINDS, 'date-of-birth']): void {
  const errors: FieldError[] = scanFields(fields)
    .filter((w) => refuse.includes(w.kind))
    .map((w) => ({ path: w.path, message: w.message }));
  if (errors.length) throw new ValidationFailed(errors, 'Some text looks like personal data, which the portal must not hold. Remove it and try again.');
}
