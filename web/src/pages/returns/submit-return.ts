import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { submitStop } from '../../../../shared/returns/submit-check.js';
import { ApiError } from '../../api/client.js';
import { afterReturnWrite, type LoadedReturn, type ReturnKey, type ReturnView, submitReturn } from '../../api/returns.js';
import { createFormState } from '../../components/form-state.js';
import { sectionAt } from '../../../../shared/returns/paths.js';
import { ourReturnPath, sectionPath } from './paths.js';

/*
 * Submitting the partner's return from "check your answers": the same checks as the server first
 * (every section complete, no personal details, possible ones confirmed), each problem linking to
 * the section to fix; then the submit, whose answer goes into the cache before the confirmation.
 */

export function useSubmitReturn(opts: { workstreamName: (id: string) => string; mutate: (r: LoadedReturn, forKey?: ReturnKey) => void; refetch: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const form = createFormState();
  const [errorTitle, setErrorTitle] = createSignal<string | undefined>();
  const [conflict, setConflict] = createSignal(false);
  const [acknowledged, setAcknowledged] = createSignal(false);

  /** An error about a place in the return links to that section (and field) of the form. */
  const hrefAt = (view: ReturnView, path: string) => {
    const at = sectionAt(view, path);
    return at && sectionPath(view.periodId, at.section.workstreamId, at.field);
  };

  /** What stops the return being submitted, as the server would say it; false when nothing does. */
  const stopped = (view: ReturnView): boolean => {
    const stop = submitStop(view, opts.workstreamName, acknowledged());
    if (stop) {
      setErrorTitle(stop.title);
      form.setErrors(stop.errors.map((e) => (e.path === 'acknowledge' ? { field: 'acknowledge', message: e.message } : { message: e.message, ...withHref(hrefAt(view, e.path)) })));
    }
    return stop !== null;
  };

  const submit = async ({ data: view, etag }: LoadedReturn) => {
    setErrorTitle(undefined);
    setConflict(false);
    if (stopped(view)) return;
    await form.save(
      async () => {
        try {
          afterReturnWrite(await submitReturn(view.periodId, view.agencyId, etag, acknowledged()), opts.mutate);
          navigate(`${ourReturnPath(view.periodId)}/submitted`);
        } catch (err) {
          // Not complete after all (someone changed it): the server's reason, each problem linking to its section.
          if (err instanceof ApiError && err.status === 422) {
            setErrorTitle(err.detail);
            void opts.refetch();
          }
          throw err;
        }
      },
      { href: (path) => hrefAt(view, path), fallback: 'The return could not be submitted. Check your connection and try again.', onStale: () => setConflict(true) },
    );
  };

  const reload = () => {
    setConflict(false);
    void opts.refetch();
  };

  return { errors: form.errors, errorTitle, conflict, reload, acknowledged, setAcknowledged, submitting: form.busy, submit };
}

const withHref = (href: string | undefined) => (href ? { href } : {});
