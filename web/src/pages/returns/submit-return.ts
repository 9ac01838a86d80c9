import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { blockingWarnings } from '../../../../shared/pii/detect.js';
import { submitErrors } from '../../../../shared/returns/rules.js';
import { ApiError } from '../../api/client.js';
import { submitReturn, type ReturnView } from '../../api/returns.js';
import type { SummaryError } from '../../components/error-summary.js';
import { afterReturnWrite, type LoadedReturn } from './data.js';
import { problemMessage } from '../../components/problem-page.js';
import { sectionAt } from './format.js';
import { ourReturnPath, sectionPath } from './paths.js';

/*
 * Submitting the partner's return from "check your answers": the same checks as the server first
 * (every section complete, no personal details, possible ones confirmed), each problem linking to
 * the section to fix; then the submit, whose answer goes into the cache before the confirmation.
 */

export function useSubmitReturn(opts: { workstreamName: (id: string) => string; mutate: (r: LoadedReturn) => void; refetch: () => Promise<unknown> }) {
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
    const required = view.requiredWorkstreamIds ?? view.sections.map((s) => s.workstreamId);
    const names = Object.fromEntries(view.sections.map((s) => [s.workstreamId, opts.workstreamName(s.workstreamId)]));
    const incomplete = submitErrors(view.sections, required, names);
    if (incomplete.length) {
      fail(
        'Your return is not complete yet',
        incomplete.map((e) => errorAt(view, e.path, e.message)),
      );
      return true;
    }
    const blocking = blockingWarnings(view.warnings);
    if (blocking.length) {
      const where = (path: string) => opts.workstreamName(sectionAt(view, path)?.section.workstreamId ?? '');
      fail(
        'Remove the personal details before you submit',
        blocking.map((w) => errorAt(view, w.path, `${where(w.path)}: ${w.message}`)),
      );
      return true;
    }
    if (view.warnings.length && !acknowledged()) {
      fail('There is a problem', [{ field: 'acknowledge', message: 'Check the answers that may contain personal details, then confirm they are not personal details' }]);
      return true;
    }
    return false;
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
