import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, AssessmentRequest, type AssessmentStatus } from '../../../../shared/readiness/schema.js';
import { ASSESSMENT_STATUS_HINTS, assessmentFieldId as fieldId, assessmentFromForm } from '../../../../shared/readiness/assessment-form.js';
import { type AssessmentContext, readinessChanged, saveAssessment } from '../../api/readiness.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { Radios, TextArea } from '../../components/fields.js';
import { SubmitOrCancel } from '../../components/button-group.js';
import { Page } from '../../components/page.js';
import { ProblemPage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { WebAddressList } from '../../components/list-editor.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { AssessmentLoader, useAssessment } from './readiness-data.js';
import { readinessTitle } from '../../../../shared/readiness/words.js';
import './readiness.css';

const STATUS_OPTIONS = ASSESSMENT_STATUSES.map((s) => ({ value: s, label: ASSESSMENT_STATUS_LABELS[s], hint: ASSESSMENT_STATUS_HINTS[s] }));

function Form(props: { ctx: AssessmentContext }) {
  const navigate = useNavigate();
  // Built once from the version shown: a refetch must not overwrite what the user is typing.
  const { criterion, agency, assessment: a } = props.ctx;
  const [status, setStatus] = createSignal<AssessmentStatus>(a.status);
  const [evidence, setEvidence] = createSignal(a.evidence);
  const [links, setLinks] = createSignal<string[]>(a.links.length ? [...a.links] : ['']);
  const [targetDate, setTargetDate] = createSignal(a.targetDate ?? '');
  const [reason, setReason] = createSignal(a.reason ?? '');
  const form = createFormState();
  // "Not applicable" reveals the box for why (GOV.UK conditional reveal).
  const whyNot = <TextArea id="reason" label="Why does this not apply to your agency?" error={form.err('reason')} value={reason()} onInput={setReason} rows={3} />;
  const options = STATUS_OPTIONS.map((o) => (o.value === 'not-applicable' ? { ...o, conditional: whyNot } : o));
  const detail = `/readiness/${props.ctx.matrix.workstreamId}/${criterion.id}/${agency.id}`;

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const { body, boxOf } = assessmentFromForm({ status: status(), evidence: evidence(), links: links(), targetDate: targetDate(), reason: reason() });
    const parsed = AssessmentRequest.safeParse(body);
    if (!parsed.success) {
      form.setErrors(
        parsed.error.issues.map((i) => ({
          field: fieldId(i.path.join('.'), boxOf),
          message: (i.path[0] === 'targetDate' && dateError(body.targetDate, 'Target date')) || i.message,
        })),
      );
      return;
    }
    void form.save(
      async () => {
        await saveAssessment(criterion.id, agency.id, parsed.data, a.version);
        await readinessChanged();
        navigate(detail, { state: { flash: 'Your assessment has been saved. The programme lead will check it.' } });
      },
      {
        field: (path) => fieldId(path, boxOf),
        stale: 'Someone else in your agency saved this assessment after you opened it. Go back to see their version, then make your change again.',
        fallback: 'Your assessment could not be saved. Try again.',
      },
    );
  };

  return (
    <Page
      title={`Update your assessment: ${criterion.title}`}
      heading={criterion.title}
      caption={`${readinessTitle(props.ctx.matrix.workstreamId, props.ctx.matrix.workstreamName)} · ${agency.name}`}
      hasErrors={form.errors().length > 0}
    >
      <FormErrors errors={form.errors()} />
      <Show when={criterion.evidenceExpected}>
        <div class="govuk-inset-text">
          <p class="govuk-body">Evidence expected: {criterion.evidenceExpected}</p>
        </div>
      </Show>
      <form onSubmit={submit} novalidate>
        <Radios
          id="status"
          legend={`How ready is ${agency.name}?`}
          legendClass="govuk-fieldset__legend--m"
          error={form.err('status')}
          options={options}
          value={status()}
          onChange={(v) => setStatus(v as AssessmentStatus)}
        />
        <TextArea
          id="evidence"
          label="Evidence"
          hint="What shows your progress or that you are ready. Programme information only: never a child's or family member's name, date of birth, NHS number or address."
          error={form.err('evidence')}
          value={evidence()}
          onInput={setEvidence}
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
          id="target-date"
          legend="Target date (optional)"
          hint="When your agency expects to be ready. Leave blank to use the criterion's target date. For example, 31 3 2027"
          error={form.err('target-date')}
          value={targetDate()}
          onChange={setTargetDate}
        />
        <SubmitOrCancel label="Save assessment" disabled={form.busy()} cancelHref={detail} />
      </form>
    </Page>
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
