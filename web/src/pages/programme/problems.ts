import { ApiError } from '../../api/client.js';
import type { SummaryError } from '../../components/error-summary.js';

/** Problem details as error-summary entries, each linked to its field where the API named one. */
export function toErrors(err: unknown, fieldPrefix: string): SummaryError[] {
  if (err instanceof ApiError) {
    if (err.errors.length) return err.errors.map((e) => ({ field: `${fieldPrefix}-${e.path}`, message: e.message }));
    return [{ message: err.detail }];
  }
  return [{ message: 'Something went wrong. Try again.' }];
}
