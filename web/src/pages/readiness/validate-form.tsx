import { createSignal } from 'solid-js';
import { ValidateRequest } from '../../../../shared/readiness/schema.js';
import { type AssessmentContext, readinessChanged, validateAssessment } from '../../api/readiness.js';
import { Radios, TextArea } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { Section } from '../../components/section.js';
import { Form } from '../../components/form.js';

type Outcome = ValidateRequest['outcome'];

const fieldOf = (path: string) => (path === 'comment' ? 'validation-comment' : 'outcome');

/** The lead confirms (only ready or not applicable) or challenges, with a comment. */
export function ValidateForm(props: { ctx: AssessmentContext; onDone: (message: string) => void }) {
  const [outcome, setOutcome] = createSignal<Outcome | ''>('');
  const [comment, setComment] = createSignal('');
  const form = createFormState();
  const canConfirm = () => props.ctx.assessment.status === 'ready' || props.ctx.assessment.status === 'not-applicable';
  const options = () => [...(canConfirm() ? [{ value: 'confirmed', label: 'Confirm' }] : []), { value: 'challenged', label: 'Challenge' }];

  const submit = () => {
    if (!outcome()) return form.setErrors([{ field: 'outcome', message: 'Choose whether to confirm or challenge the assessment' }]);
    const decision = form.check(ValidateRequest.safeParse({ outcome: outcome(), comment: comment() }), fieldOf);
    if (!decision) return;
    const { agency, criterion, assessment } = props.ctx;
    void form.save(
      async () => {
        await validateAssessment(criterion.id, agency.id, decision, assessment.version);
        setComment('');
        setOutcome('');
        await readinessChanged();
        props.onDone(decision.outcome === 'confirmed' ? `You confirmed ${agency.name}'s assessment.` : `You challenged ${agency.name}'s assessment. They will see your comment.`);
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
      <Form onSubmit={submit} form={form} submit="Save decision">
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
      </Form>
    </Section>
  );
}
