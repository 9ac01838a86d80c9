import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, AssessmentRequest, type AssessmentStatus } from '../../../../shared/readiness/schema.js';
import { ASSESSMENT_STATUS_HINTS, assessmentFieldId as fieldId, assessmentFromForm } from '../../../../shared/readiness/assessment-form.js';
import { type AssessmentContext, readinessChanged, saveAssessment } from '../../api/readiness.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { Radios, TextArea } from '../../components/fields.js';
import { ProblemPage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { WebAddressList } from '../../components/list-editor.js';
import { createFormState } from '../../components/form-state.js';
import { AssessmentLoader, useAssessment } from './readiness-data.js';
import { readinessTitle } from '../../../../shared/readiness/words.js';
import './readiness.css';
import { InsetText } from '../../components/inset-text.js';
import { FormPage } from '../../components/form.js';
import { storeFields } from '../../components/store-fields.js';

const STATUS_OPTIONS = ASSESSMENT_STATUSES.map((s) => ({ value: s, label: ASSESSMENT_STATUS_LABELS[s], hint: ASSESSMENT_STATUS_HINTS[s] }));

function Form(props: { ctx: AssessmentContext }) {
  const navigate = useNavigate();
  // Built once from the version shown: a refetch must not overwrite what the user is typing.
  const { criterion, agency, assessment: a } = props.ctx;
  const [v, setV] = createStore({ status: a.status as string, evidence: a.evidence, targetDate: a.targetDate ?? '', reason: a.reason ?? '' });
  const [links, setLinks] = createSignal<string[]>(a.links.length ? [...a.links] : ['']);
  const form = createFormState();
  const { text, choice } = storeFields({ values: v, set: setV, err: form.err });
  // "Not applicable" reveals the box for why (GOV.UK conditional reveal).
  const whyNot = <TextArea {...text('reason')} label="Why does this not apply to your agency?" rows={3} />;
  const options = STATUS_OPTIONS.map((o) => (o.value === 'not-applicable' ? { ...o, conditional: whyNot } : o));
  const detail = `/readiness/${props.ctx.matrix.workstreamId}/${criterion.id}/${agency.id}`;

  const submit = () => {
    const { body, boxOf } = assessmentFromForm({ ...v, status: v.status as AssessmentStatus, links: links() });
    const field = (path: string) => fieldId(path, boxOf);
    const checked = form.check(AssessmentRequest.safeParse(body), field, (f) => (f === 'target-date' ? dateError(body.targetDate, 'Target date') : undefined));
    if (!checked) return;
    void form.save(
      async () => {
        await saveAssessment(criterion.id, agency.id, checked, a.version);
        await readinessChanged();
        navigate(detail, { state: { flash: 'Your assessment has been saved. The programme lead will check it.' } });
      },
      {
        field,
        stale: 'Someone else in your agency saved this assessment after you opened it. Go back to see their version, then make your change again.',
        fallback: 'Your assessment could not be saved. Try again.',
      },
    );
  };

  return (
    <FormPage
      title={`Update your assessment: ${criterion.title}`}
      heading={criterion.title}
      caption={`${readinessTitle({ name: props.ctx.matrix.workstreamName, macpt: props.ctx.matrix.macpt })} · ${agency.name}`}
      form={form}
      onSubmit={submit}
      submit="Save assessment"
      cancelHref={detail}
    >
      <Show when={criterion.evidenceExpected}>
        <InsetText>Evidence expected: {criterion.evidenceExpected}</InsetText>
      </Show>
      <Radios {...choice('status')} legend={`How ready is ${agency.name}?`} legendClass="govuk-fieldset__legend--m" options={options} />
      <TextArea
        {...text('evidence')}
        label="Evidence"
        hint="What shows your progress or that you are ready. Programme information only: never a child's or family member's name, date of birth, NHS number or address."
        rows={6}
      />
      {/* Up to 10 links to evidence, each in its own box (link-0, link-1...). */}
      <WebAddressList
        id="links"
        noun="link"
        heading="Links to evidence (optional)"
        hint="Full web addresses starting with https://, for example a document on your intranet. Up to 10."
        max={10}
        links={links()}
        onChange={setLinks}
        error={(i) => form.err(`link-${i}`)}
      />
      <DateInput
        {...choice('targetDate')}
        id="target-date"
        error={form.err('target-date')}
        legend="Target date (optional)"
        hint="When your agency expects to be ready. Leave blank to use the criterion's target date. For example, 31 3 2027"
      />
    </FormPage>
  );
}

/** `/readiness/:ws/:criterionId/:agencyId/edit`: the agency's own self-assessment. */
export function AssessmentFormPage() {
  const app = useApp();
  const data = useAssessment();
  return (
    <AssessmentLoader data={data}>
      {(ctx) => (
        <Show
          when={app.me()?.role === 'partner' && app.me()?.agencyId === ctx().agency.id && !ctx().criterion.derived}
          fallback={
            <ProblemPage
              title="You cannot change this assessment"
              back={{ href: `/readiness/${ctx().matrix.workstreamId}/${ctx().criterion.id}/${ctx().agency.id}`, text: 'See the assessment' }}
            >
              <p class="govuk-body">Only {ctx().agency.name}'s own officers assess its readiness. The programme lead confirms or challenges what they say.</p>
            </ProblemPage>
          }
        >
          <Form ctx={ctx()} />
        </Show>
      )}
    </AssessmentLoader>
  );
}
