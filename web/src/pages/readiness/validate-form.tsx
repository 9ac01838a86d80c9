import { createSignal } from 'solid-js';
import { ValidateRequest } from '../../../../shared/readiness/schema.js';
import { type AssessmentContext, readinessChanged, validateAssessment } from '../../api/readiness.js';
import { Radios, TextArea } from '../../components/fields.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { Section } from '../../components/section.js';

type Outcome = ValidateRequest['outcome'];

const fieldOf = (path: string) => (path === 'comment' ? 'validation-comment' : 'outcome');

/** The lead confirms (only ready or not applicable) or challenges, with a comment. */
export function ValidateForm(props: { ctx: AssessmentContext; onDone: (message: string) => void }) {
  const [outcome, setOutcome] = createSignal<Outcome | ''>('');
  const [comment, setComment] = createSignal('');
  const form = createFormState();
  const canConfirm = () => props.ctx.assessment.status === 'ready' || props.ctx.assessment.status === 'not-applicable';
  const options = () => [...(canConfirm() ? [{ value: 'confirmed', label: 'Confirm' }] : []), { value: 'challenged', label: 'Challenge' }];

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!outcome()) {
      form.setErrors([{ field: 'outcome', message: 'Choose whether to confirm or challenge the assessment' }]);
      return;
    }
    const parsed = ValidateRequest.safeParse({ outcome: outcome(), comment: comment() });
    if (!parsed.success) {
      form.setErrors(parsed.error.issues.map((i) => ({ field: fieldOf(String(i.path[0])), message: i.message })));
      return;
    }
    const { agency, criterion, assessment } = props.ctx;
    void form.save(
      async () => {
        await validateAssessment(criterion.id, agency.id, parsed.data, assessment.version);
        setComment('');
        setOutcome('');
        await readinessChanged();
        props.onDone(
          parsed.data.outcome === 'confirmed' ? `You confirmed ${agency.name}'s assessment.` : `You challenged ${agency.name}'s assessment. They will see your comment.`,
        );
      },
      {
        field: fieldOf,
        stale: 'The agency changed this assessment after you opened it. Read the new version, then decide again.',
        fallback: 'Your decision could not be saved. Try again.',
      },
    );
  };
  return (
    <Section headingId="validate-heading" title="Confirm or challenge">
      <FormErrors errors={form.errors()} />
      <form onSubmit={submit} novalidate>
        <Radios
          id="outcome"
          legend="Your decision"
          hint={
            canConfirm() ? 'Confirm when the evidence shows the criterion is met.' : 'You can confirm once the agency marks this ready or not applicable. You can challenge it now.'
          }
          error={form.err('outcome')}
          options={options()}
          value={outcome()}
          onChange={(v) => setOutcome(v as Outcome | '')}
        />
        <TextArea
          id="validation-comment"
          label="Comment"
          hint="Needed when you challenge: say what evidence is missing or needs to change."
          error={form.err('validation-comment')}
          value={comment()}
          onInput={setComment}
          rows={4}
        />
        <button type="submit" class="govuk-button" disabled={form.busy()}>
          Save decision
        </button>
      </form>
    </Section>
  );
}
