import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { submitStop } from '../../../../shared/returns/submit-check.js';
import { ApiError } from '../../api/client.js';
import { afterReturnWrite, type LoadedReturn, type ReturnKey, type ReturnView, submitReturn } from '../../api/returns.js';
import type { SummaryError } from '../../components/error-summary.js';
import { problemMessage } from '../../components/problem-page.js';
import { sectionAt } from '../../../../shared/returns/paths.js';
import { ourReturnPath, sectionPath } from './paths.js';

/*
 * Submitting the partner's return from "check your answers": the same checks as the server first
 * (every section complete, no personal details, possible ones confirmed), each problem linking to
 * the section to fix; then the submit, whose answer goes into the cache before the confirmation.
 */

export function useSubmitReturn(opts: { workstreamName: (id: string) => string; mutate: (r: LoadedReturn, forKey?: ReturnKey) => void; refetch: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<SummaryError[] | null>(null);
  const [errorTitle, setErrorTitle] = createSignal<string | undefined>();
  const [conflict, setConflict] = createSignal(false);
  const [acknowledged, setAcknowledged] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);

  const fail = (title: string, list: SummaryError[]) => {
    setErrorTitle(title);
    setErrors(list);
  };
  /** An error about a place in the return links to that section (and field) of the form. */
  const errorAt = (view: ReturnView, path: string, message: string): SummaryError => {
    const at = sectionAt(view, path);
    return at ? { message, href: sectionPath(view.periodId, at.section.workstreamId, at.field) } : { message };
  };

  /** What stops the return being submitted, as the server would say it; false when nothing does. */
  const stopped = (view: ReturnView): boolean => {
    const stop = submitStop(view, opts.workstreamName, acknowledged());
    if (stop)
      fail(
        stop.title,
        stop.errors.map((e) => (e.path === 'acknowledge' ? { field: 'acknowledge', message: e.message } : errorAt(view, e.path, e.message))),
      );
    return stop !== null;
  };

  const submit = async ({ data: view, etag }: LoadedReturn) => {
    setErrors(null);
    setConflict(false);
    if (stopped(view)) return;
    setSubmitting(true);
    try {
      afterReturnWrite(await submitReturn(view.periodId, view.agencyId, etag, acknowledged()), opts.mutate);
      navigate(`${ourReturnPath(view.periodId)}/submitted`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 412 || err.status === 428)) {
        setConflict(true);
      } else if (err instanceof ApiError && err.status === 422) {
        fail(
          err.detail,
          err.errors.map((e) => errorAt(view, e.path, e.message)),
        );
        void opts.refetch();
      } else {
        fail('There is a problem', [{ message: problemMessage(err, 'The return could not be submitted. Check your connection and try again.') }]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reload = () => {
    setConflict(false);
    void opts.refetch();
  };

  return { errors, errorTitle, conflict, reload, acknowledged, setAcknowledged, submitting, submit };
}
