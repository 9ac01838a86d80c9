import { createSignal, Show } from 'solid-js';
import type { Decision, ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { signOff } from '../../api/threshold.js';
import { TextArea } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { WarningText } from '../../components/warning-text.js';
import { Hash } from '../../components/hash.js';
import { Section } from '../../components/section.js';
import { ConfirmForm } from '../../components/form.js';

/** Approve / request changes, then a confirmation step naming exactly the version and hash signed. */
export function DecisionPanel(props: { version: ThresholdVersion; hashVerified: boolean | null; onDone: (v: ThresholdVersion, decision: Decision) => void }) {
  const [choice, setChoice] = createSignal<Decision | null>(null);
  const [comment, setComment] = createSignal('');
  const form = createFormState();

  const start = (d: Decision) => {
    setChoice(d);
    form.setErrors([]);
  };
  const cancel = () => {
    setChoice(null);
    setComment('');
    form.setErrors([]);
  };
  const submit = () => {
    const decision = choice();
    if (!decision) return;
    if (decision === 'request-changes' && !comment().trim()) return form.setErrors([{ field: 'comment', message: 'Say what needs to change before the document can be approved' }]);
    const sent = { decision, comment: comment().trim(), sha256: props.version.sha256 };
    void form.save(async () => props.onDone(await signOff(props.version.id, sent), decision), {
      field: () => 'comment',
      fallback: 'Your decision could not be recorded. Try again.',
    });
  };

  return (
    <Section headingId="decision-heading" title="Your agency's decision" focusable id="decision" class="app-decision">
      <Show
        when={choice()}
        fallback={
          <>
            <p class="govuk-body">
              When you have read {props.version.versionLabel} above, approve it for your agency or ask for changes. Your decision is permanent and is recorded against this version
              and its SHA-256 hash.
            </p>
            <Show when={props.hashVerified === false}>
              <WarningText lines={['The document this page received does not match its recorded hash. Reload the page before you decide.']} />
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
          <ConfirmForm
            title={d() === 'approve' ? 'Confirm your approval' : 'Confirm your request for changes'}
            focusHeading
            form={form}
            onSubmit={submit}
            submit={d() === 'approve' ? `Confirm approval of ${props.version.versionLabel}` : 'Send request for changes'}
            onCancel={cancel}
          >
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
              error={form.err('comment')}
              value={comment()}
              onInput={setComment}
              rows={4}
            />
          </ConfirmForm>
        )}
      </Show>
    </Section>
  );
}
