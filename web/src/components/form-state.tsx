import { createSignal, Show } from 'solid-js';
import { ApiError } from '../api/client.js';
import { ErrorSummary, type SummaryError } from './error-summary.js';
import { errorFor } from './fields.js';

/*
 * The kit's form state, for every form that saves to the API: the errors it shows, a save that
 * runs once at a time (a second click while saving does nothing), and the reading of a refused
 * save (412 someone saved first, 409 already exists, 400/422 with field errors) into error
 * summary entries, each linked to its field. `FormErrors` shows them, focused on every new list.
 */

export interface SaveFailure {
  /** The form field a server error path belongs to, or undefined for the summary alone. */
  field?: (path: string) => string | undefined;
  /** Said when someone else saved first (412); the server's own words unless told. */
  stale?: string;
  /** Said when the save failed for another reason the server did not explain. */
  fallback: string;
  /** What a 409 (the record already exists) means on this form. */
  conflict?: SummaryError;
}

/** A refused save as the error summary shows it: the server's field errors, one per field, or one message. */
export function saveErrors(error: unknown, says: SaveFailure): SummaryError[] {
  const api = error instanceof ApiError ? error : undefined;
  if (api?.errors.length) {
    // One message per field: several bad values in one group still point at that one group.
    const seen = new Set<string>();
    const list: SummaryError[] = [];
    for (const fe of api.errors) {
      const field = says.field?.(fe.path);
      if (field && seen.has(field)) continue;
      if (field) seen.add(field);
      list.push(field ? { field, message: fe.message } : { message: fe.message });
    }
    return list;
  }
  if (api?.status === 412 && says.stale) return [{ message: says.stale }];
  if (api?.status === 409 && says.conflict) return [says.conflict];
  return [{ message: api?.detail ?? says.fallback }];
}

export function createFormState() {
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  /** Runs `write` unless a save is already running; a refusal becomes the errors on show. */
  const save = async (write: () => Promise<void>, failure: SaveFailure) => {
    if (busy()) return;
    setBusy(true);
    try {
      await write();
      setErrors([]);
    } catch (error) {
      setErrors(saveErrors(error, failure));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, save, err: (field: string) => errorFor(errors(), field) };
}

/** The error summary while there are errors; a new list of errors is focused and announced again. */
export function FormErrors(props: { errors: SummaryError[] }) {
  return (
    <Show when={props.errors.length > 0 ? props.errors : false} keyed>
      {(list) => <ErrorSummary errors={list} />}
    </Show>
  );
}
