import { createSignal, Show } from 'solid-js';
import { formatPath } from '../../../shared/http/problem.js';
import { ApiError } from '../api/client.js';
import { ErrorSummary, type SummaryError } from './error-summary.js';
import { errorFor } from './fields.js';

/*
 * The kit's form state, for every form that saves to the API: the errors it shows, a save that
 * runs once at a time (a second click while saving does nothing), and the reading of a refused
 * save (412 someone saved first, 409 already exists, 400/422 with field errors) into error
 * summary entries, each linked to its field. `check` reads a shared schema's verdict on what was
 * typed the same way, before anything is sent. `FormErrors` shows them, focused on every new list.
 */

export interface SaveFailure {
  /** The form field a server error path belongs to, or undefined for the summary alone. */
  field?: (path: string) => string | undefined;
  /** The page a server error path is entered on, when it is not this form (the error summary links there). */
  href?: (path: string) => string | undefined;
  /** The field a refusal without field errors points at (a refused sign-in: the email address). */
  anchor?: string;
  /** Said when someone else saved first (412); the server's own words unless told. */
  stale?: string;
  /** Said when the save failed for another reason the server did not explain. */
  fallback: string;
  /** What a 409 (the record already exists) means on this form. */
  conflict?: SummaryError;
  /**
   * Someone else saved first (412), or the save carried no version (428): instead of an error,
   * this runs (the page keeps what was typed and offers the latest version).
   */
  onStale?: () => void;
}

/** The record changed since the page loaded it (412), or the write did not say which version it changes (428). */
export const isStale = (error: unknown) => error instanceof ApiError && (error.status === 412 || error.status === 428);

/** A refused save as the error summary shows it: the server's field errors, one per field, or one message. */
export function saveErrors(error: unknown, says: SaveFailure): SummaryError[] {
  const api = error instanceof ApiError ? error : undefined;
  if (api?.errors.length) {
    // One message per field: several bad values in one group still point at that one group.
    return onePerField(
      api.errors.map((fe) => {
        const field = says.field?.(fe.path);
        const href = field ? undefined : says.href?.(fe.path);
        return field ? { field, message: fe.message } : href ? { href, message: fe.message } : { message: fe.message };
      }),
    );
  }
  if (api?.status === 412 && says.stale) return [{ message: says.stale }];
  if (api?.status === 409 && says.conflict) return [says.conflict];
  const message = api?.detail ?? says.fallback;
  return [says.anchor ? { field: says.anchor, message } : { message }];
}

/** A schema's verdict on what was typed (zod's safeParse): the value, or the problems with their paths. */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/** One error per field, the first said of it: several problems in one field point at that one field. */
function onePerField(list: SummaryError[]): SummaryError[] {
  const seen = new Set<string>();
  return list.filter((e) => !e.field || (!seen.has(e.field) && seen.add(e.field)));
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
      if (failure.onStale && isStale(error)) {
        setErrors([]);
        failure.onStale();
      } else setErrors(saveErrors(error, failure));
    } finally {
      setBusy(false);
    }
  };
  /**
   * The checked value, or undefined with the problems on show, each at the field `field` names
   * from its path (as the server writes it: `links[2]`), in the page's words when `message` says.
   */
  const check = <T,>(result: Checked<T>, field: (path: string) => string | undefined, message?: (field: string, said: string) => string | undefined): T | undefined => {
    if (result.success) return result.data;
    setErrors(
      onePerField(
        result.error.issues.map((i) => {
          const f = field(formatPath(i.path));
          return f ? { field: f, message: message?.(f, i.message) ?? i.message } : { message: i.message };
        }),
      ),
    );
    return undefined;
  };
  return { errors, setErrors, busy, save, check, err: (field: string) => errorFor(errors(), field) };
}

/** The error summary while there are errors (under `title`: "There is a problem" unless told); a new list of errors is focused and announced again. */
export function FormErrors(props: { errors: SummaryError[]; title?: string | undefined }) {
  return (
    <Show when={props.errors.length > 0 ? props.errors : false} keyed>
      {(list) => <ErrorSummary errors={list} title={props.title} />}
    </Show>
  );
}
