import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { nextVersionLabels } from '../../../../shared/threshold/next-label.js';
import { compareWith as compareWithCurrent, issueIntro, labelHint as labelHintText, startingPoint as startingPointText } from '../../../../shared/threshold/issue-words.js';
import { ApiError } from '../../api/client.js';
import { createVersionText, issueVersion, thresholdChanged, uploadVersion, useThresholdConfig, useThresholdVersions } from '../../api/threshold.js';
import type { SummaryError } from '../../components/error-summary.js';
import { saveErrors } from '../../components/form-state.js';
import { setThresholdFlash } from './flash.js';
import { fieldOfPath } from '../../components/fields.js';
import { checkAnswers, emptyAnswers, FIELD_ORDER, type IssueField } from './issue-answers.js';
import { IssueCheck } from './issue-check.js';
import { IssueForm } from './issue-form.js';
import { LeadOnly } from '../../components/role-guard.js';
import './threshold.css';

/** First load only: a refetch after a 412 keeps what is on screen (and what was typed). */
const loaded = (state: string) => state !== 'pending';
/** A server error's path to the form's answer it belongs to. */
const issueField = (path: string) => {
  const f = fieldOfPath(path) as IssueField;
  return FIELD_ORDER.includes(f) ? f : undefined;
};

/**
 * /threshold/issue: the lead issues a new version. The form starts from the current version (its
 * title and text, the next label suggested); Continue leads to a check answers step (?step=check)
 * showing what changed, where the irreversible "Issue version" is.
 */
export default function IssueVersionPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ step: string }>();
  const [versions, { refetch: refetchVersions }] = useThresholdVersions();
  // Issuing is guarded by the configuration's ETag (the current version and who signs, as shown here).
  const [config, { refetch: refetchConfig }] = useThresholdConfig();
  const previous = () => (versions.error ? undefined : versions()?.[0]);
  const previousText = createVersionText(previous);
  const issued = () => (versions.error ? [] : (versions() ?? []).map((v) => v.versionLabel));
  const labels = () => {
    const p = previous();
    return p ? nextVersionLabels(p.versionLabel, issued()) : null;
  };
  const [answers, setAnswers] = createStore(emptyAnswers());
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [continued, setContinued] = createSignal(false);
  const [focus, setFocus] = createSignal<IssueField>();

  // The current version's text has arrived (or there is none to wait for: a PDF, or the first version).
  const textSettled = () => {
    const p = previous();
    return p?.contentType !== 'text/markdown' || previousText.state === 'ready' || previousText.state === 'errored';
  };
  const [seeded, setSeeded] = createSignal(false);
  createEffect(() => {
    if (untrack(seeded) || !loaded(versions.state) || !loaded(config.state) || !textSettled()) return;
    const p = previous();
    const text = previousText.state === 'ready' ? (previousText()?.content ?? '') : '';
    if (p) setAnswers({ title: p.title, versionLabel: labels()?.revision ?? '', content: text });
    setSeeded(true);
  });

  const startingPoint = () => startingPointText(previous(), previousText.state);
  const labelHint = () => labelHintText(previous(), labels());
  const compareWith = () => compareWithCurrent(previous(), previousText.state, previousText()?.content);

  // Once issued, the check stays on show while the page leaves (the refreshed list has its label now).
  const [done, setDone] = createSignal(false);
  const checking = createMemo(() => done() || (params.step === 'check' && continued() && checkAnswers(answers, issued()).errors.length === 0));

  const toForm = (errs: SummaryError[], field?: IssueField) => {
    setErrors(errs);
    setFocus(field);
    navigate('/threshold/issue');
  };
  const onContinue = () => {
    const { errors: errs } = checkAnswers(answers, issued());
    setErrors(errs);
    if (errs.length) return;
    setContinued(true);
    setFocus(undefined);
    setParams({ step: 'check' });
  };

  const issue = async () => {
    if (busy()) return;
    const { request, errors: errs } = checkAnswers(answers, issued());
    if (!request) return toForm(errs);
    setBusy(true);
    try {
      const { content: _c, ...fields } = request;
      const etag = config()?.etag;
      const v = answers.format === 'pdf' && answers.file ? await uploadVersion(fields, answers.file, etag) : await issueVersion(request, etag);
      setDone(true);
      // A new current version: the configuration's ETag, the home pages' and tracker's view of it, the audit trail.
      void thresholdChanged();
      setThresholdFlash(`${v.title} ${v.versionLabel} has been issued. The statutory partners' signatories can now approve it or request changes.`);
      navigate('/threshold');
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone issued a version or changed who signs since this page loaded: compare with the new state.
        setErrors([
          {
            message:
              'The threshold document changed while you were checking your answers: another version was issued, or the agencies that sign were changed. Check what changed below, then issue yours again.',
          },
        ]);
        void refetchVersions();
        void refetchConfig();
      } else if (error instanceof ApiError && error.needsPersonalDataConfirmation) {
        // Answered here: the error summary asks, and "Issue version" sends again.
        setErrors(error.errors.length ? error.errors.map((fe) => ({ message: fe.message })) : [{ message: error.detail }]);
      } else if (error instanceof ApiError && (error.errors.length || error.status === 409)) {
        // An answer to change (409: that label has been issued already): back to the form, at the answer.
        toForm(saveErrors(error, { field: issueField, conflict: { field: 'versionLabel', message: error.detail }, fallback: error.detail }));
      } else {
        setErrors(saveErrors(error, { fallback: 'The version could not be issued. Try again.' }));
      }
    } finally {
      setBusy(false);
    }
  };

  const change = (field: IssueField) => toForm([], field);
  const intro = () => issueIntro(previous());

  return (
    <LeadOnly
      title="You cannot issue threshold document versions"
      reason="Only the programme lead issues new versions of the threshold document."
      back={{ href: '/threshold', text: 'Back to the threshold document' }}
    >
      <Show
        when={checking()}
        fallback={
          <IssueForm
            answers={answers}
            set={setAnswers}
            errors={errors()}
            intro={intro()}
            startingPoint={startingPoint()}
            labelHint={labelHint()}
            focus={focus()}
            ready={seeded()}
            onContinue={onContinue}
          />
        }
      >
        <IssueCheck
          answers={answers}
          previous={previous()}
          compareWith={compareWith()}
          errors={errors()}
          busy={busy()}
          onChange={change}
          onBack={() => toForm([])}
          onIssue={() => void issue()}
        />
      </Show>
    </LeadOnly>
  );
}
