import { createSignal, Show } from 'solid-js';
import type { Decision, ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { ApiError } from '../../api/client.js';
import { signOff } from '../../api/threshold.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { errorFor, TextArea } from '../../components/fields.js';
import { Hash } from './status.js';

/** Approve / request changes, then a confirmation step naming exactly the version and hash signed. */
export function DecisionPanel(props: { version: ThresholdVersion; hashVerified: boolean | null; onDone: (v: ThresholdVersion, decision: Decision) => void }) {
  const [choice, setChoice] = createSignal<Decision | null>(null);
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  let confirmHeading!: HTMLHeadingElement;

  const start = (d: Decision) => {
    setChoice(d);
    setErrors([]);
    queueMicrotask(() => confirmHeading?.focus());
  };
  const cancel = () => {
    setChoice(null);
    setComment('');
    setErrors([]);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const decision = choice();
    if (!decision || busy()) return;
    if (decision === 'request-changes' && !comment().trim()) {
      setErrors([{ field: 'comment', message: 'Say what needs to change before the document can be approved' }]);
      return;
    }
    setBusy(true);
    try {
      const v = await signOff(props.version.id, { decision, comment: comment().trim(), sha256: props.version.sha256 });
      props.onDone(v, decision);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(err.errors.map((fe) => ({ field: 'comment', message: fe.message })));
      else setErrors([{ message: err instanceof ApiError ? err.detail : 'Your decision could not be recorded. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="app-decision" id="decision" aria-labelledby="decision-heading">
      <h2 class="govuk-heading-m" id="decision-heading" tabindex="-1">
        Your agency's decision
      </h2>
      <Show
        when={choice()}
        fallback={
          <>
            <p class="govuk-body">
              When you have read {props.version.versionLabel} above, approve it for your agency or ask for changes. Your decision is permanent and is recorded against this version
              and its SHA-256 hash.
            </p>
            <Show when={props.hashVerified === false}>
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  The document this page received does not match its recorded hash. Reload the page before you decide.
                </strong>
              </div>
            </Show>
            <div class="govuk-button-group">
              <button type="button" class="govuk-button" onClick={() => start('approve')}>
                Approve
              </button>
              <button type="button" class="govuk-button govuk-button--secondary" onClick={() => start('request-changes')}>
                Request changes
              </button>
            </div>
          </>
        }
      >
        {(d) => (
          <form class="app-confirm" onSubmit={submit} novalidate>
            <Show when={errors().length}>
              <ErrorSummary errors={errors()} />
            </Show>
            <h3 class="govuk-heading-s" tabindex="-1" ref={confirmHeading}>
              {d() === 'approve' ? 'Confirm your approval' : 'Confirm your request for changes'}
            </h3>
            <p class="govuk-body app-confirm__statement" data-testid="confirm-statement">
              {d() === 'approve' ? 'You are approving ' : 'You are requesting changes to '}
              <strong>
                {props.version.title} {props.version.versionLabel}
              </strong>
              , SHA-256 <Hash value={props.version.sha256} />.
            </p>
            <TextArea
              id="comment"
              label={d() === 'approve' ? 'Comment (optional)' : 'What needs to change'}
              hint={d() === 'approve' ? 'For example, conditions or briefings your agency will carry out.' : 'The programme lead will see this when preparing the next version.'}
              error={errorFor(errors(), 'comment')}
              value={comment()}
              onInput={setComment}
              rows={4}
            />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" disabled={busy()}>
                {d() === 'approve' ? `Confirm approval of ${props.version.versionLabel}` : 'Send request for changes'}
              </button>
              <button type="button" class="govuk-button govuk-button--secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
