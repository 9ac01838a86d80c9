import { checkPersonalData } from '../../shared/pii/policy.js';
import { PersonalDataRefused } from '../http/errors.js';

/**
 * Refuses stored text that holds a definite identifier before it goes further (published to the
 * public, submitted to the lead). Requests are checked as they arrive (`readJson`); this catches
 * text saved before that rule existed, until the lead erases it.
 */
export function refuseStoredIdentifiers(fields: Record<string, unknown>): void {
  const { refused } = checkPersonalData(fields);
  if (refused.length) throw new PersonalDataRefused(refused.map(({ path, message, kind }) => ({ path, message, kind })));
}
