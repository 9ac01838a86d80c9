import { useNavigate, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CreateCriterionRequest } from '../../../../shared/readiness/schema.js';
import { createCriterion, type CriterionBody, type MatrixCriterion, readinessChanged, type ReadinessMatrix, updateCriterion, useMatrix } from '../../api/readiness.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { Checkboxes, fieldOfPath, TextArea, TextField } from '../../components/fields.js';
import { Loaded } from '../../components/loaded.js';
import { SubmitOrCancel } from '../../components/button-group.js';
import { Page } from '../../components/page.js';
import { ProblemPage } from '../../components/problem-page.js';
import { LeadOnly } from '../../components/role-guard.js';
import { useApp } from '../../state.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { MatrixError } from './readiness-data.js';
import { CRITERION_FIELDS, type CriterionField, criterionChanges, criterionProblem, readinessTitle } from '../../../../shared/readiness/words.js';
import './readiness.css';

type Field = CriterionField;

/** What the schema rejects, in words; a date says what is wrong with it. */
const messageFor = (field: Field, body: CriterionBody) => (field === 'targetDate' && dateError(body.targetDate, 'Target date')) || criterionProblem(field, body);

/** Sends only the fields the lead changed, based on the version shown; says what happened. */
async function update(ws: string, c: MatrixCriterion, v: CriterionBody): Promise<string> {
  const changes = criterionChanges(c, v);
  if (Object.keys(changes).length === 0) return `You made no changes to "${c.title}".`;
  const saved = await updateCriterion(ws, c.id, changes, c.version);
  return `"${saved.data.title}" has been updated.`;
}

async function add(ws: string, v: CriterionBody): Promise<string> {
  const saved = await createCriterion(ws, v);
  return `"${saved.title}" has been added. Each agency you chose can now assess it.`;
}

function CriterionForm(props: { matrix: ReadinessMatrix; criterion: MatrixCriterion | null }) {
  const app = useApp();
  const navigate = useNavigate();
  const c = props.criterion;
  const ws = props.matrix.workstreamId;
  const matrixHref = `/readiness/${ws}`;
  const [v, setV] = createStore({
    title: c?.title ?? '',
    description: c?.description ?? '',
    agencyIds: c ? [...c.agencyIds] : [],
    evidence: c?.evidenceExpected ?? '',
    targetDate: c?.targetDate ?? '',
  });
  const form = createFormState();
  const err = (f: Field) => form.err(f);
  // Partnership order, so the list reads the same as everywhere else.
  const agencies = () => (app.partnership.state === 'ready' ? (app.partnership()?.agencies ?? []) : []);
  const options = () => agencies().map((a) => ({ value: a.id, label: a.name }));

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const order = agencies().map((a) => a.id);
    const body: CriterionBody = {
      title: v.title,
      description: v.description,
      agencyIds: [...v.agencyIds].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      evidenceExpected: v.evidence,
      targetDate: v.targetDate || null,
    };
    const parsed = CreateCriterionRequest.safeParse(body);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0]) as Field));
      form.setErrors(CRITERION_FIELDS.filter((f) => bad.has(f)).map((f) => ({ field: f, message: messageFor(f, body) })));
      return;
    }
    void form.save(
      async () => {
        const flash = c ? await update(ws, c, parsed.data) : await add(ws, parsed.data);
        await readinessChanged();
        navigate(matrixHref, { state: { flash } });
      },
      {
        field: (path) => CRITERION_FIELDS.find((f) => f === fieldOfPath(path)),
        stale: 'Someone else changed this criterion after you opened it. Reload the page to see their changes, then make yours again.',
        conflict: { field: 'title', message: 'A criterion with this title already exists. Give this one a different title.' },
        fallback: 'The criterion could not be saved. Try again.',
      },
    );
  };

  return (
    <Page
      title={c ? `Edit criterion: ${c.title}` : 'Add a criterion'}
      heading={c ? 'Edit criterion' : 'Add a criterion'}
      caption={readinessTitle(ws, props.matrix.workstreamName)}
      hasErrors={form.errors().length > 0}
    >
      <FormErrors errors={form.errors()} />
      <Show when={c} fallback={<p class="govuk-body">Each agency you choose assesses its own readiness against the criterion. You then confirm or challenge what it says.</p>}>
        <p class="govuk-body">Agencies keep the assessments they have already made. An agency you remove no longer sees this criterion in its column.</p>
      </Show>
      <form onSubmit={submit} novalidate class="app-form">
        <TextField
          id="title"
          label="Title"
          hint="A short statement of what must be true, for example: Multi-agency triage team in place."
          error={err('title')}
          value={v.title}
          onInput={(x) => setV('title', x)}
        />
        <TextArea
          id="description"
          label="Description (optional)"
          hint="What the criterion means in practice."
          error={err('description')}
          value={v.description}
          onInput={(x) => setV('description', x)}
          rows={3}
        />
        <Checkboxes
          id="agencyIds"
          legend="Which agencies must assess it?"
          hint="Select all that apply."
          error={err('agencyIds')}
          options={options()}
          selected={v.agencyIds}
          onChange={(x) => setV('agencyIds', x)}
          legendClass="govuk-fieldset__legend--s"
        />
        <TextArea
          id="evidenceExpected"
          label="Evidence expected (optional)"
          hint="What agencies should describe or link to show they are ready. Agencies see this when they update their assessment."
          error={err('evidenceExpected')}
          value={v.evidence}
          onInput={(x) => setV('evidence', x)}
          rows={3}
        />
        <DateInput
          id="targetDate"
          legend="Target date (optional)"
          hint="When agencies should be ready. An agency can set its own date. For example, 31 3 2027"
          error={err('targetDate')}
          value={v.targetDate}
          onChange={(x) => setV('targetDate', x)}
        />
        <SubmitOrCancel label={c ? 'Save changes' : 'Add criterion'} disabled={form.busy()} cancelHref={matrixHref} />
      </form>
    </Page>
  );
}

/** `/readiness/:ws/criteria/new` and `/readiness/:ws/criteria/:criterionId/edit`: the lead manages the criteria. */
export function CriterionFormPage() {
  const app = useApp();
  const params = useParams<{ workstreamId: string; criterionId?: string }>();
  const [data] = useMatrix(() => app.me()?.role === 'lead' && params.workstreamId);
  const criterion = () => (params.criterionId ? data()?.criteria.find((c) => c.id === params.criterionId && !c.derived) : undefined);
  return (
    <LeadOnly
      title="You cannot change readiness criteria"
      reason="Only the programme lead adds and edits readiness criteria. Agencies assess their own readiness against them."
      back={{ href: `/readiness/${params.workstreamId}`, text: 'Back to the readiness matrix' }}
    >
      <Loaded
        data={data}
        pick={(m) => (app.partnership.state === 'ready' ? m : undefined)}
        loading="Loading readiness…"
        error={<MatrixError error={data.error} what="The readiness criteria" />}
      >
        {(m) => (
          <Show
            when={!params.criterionId || criterion()}
            fallback={
              <ProblemPage title="Criterion not found" back={{ href: `/readiness/${m().workstreamId}`, text: 'Back to the readiness matrix' }}>
                <p class="govuk-body">There is no criterion {params.criterionId} that you can edit in this workstream. Criteria that follow another record cannot be edited.</p>
              </ProblemPage>
            }
          >
            {/* Built once from the version shown: a refetch (after the save) must not overwrite what the lead is typing. */}
            <CriterionForm matrix={m()} criterion={criterion() ?? null} />
          </Show>
        )}
      </Loaded>
    </LeadOnly>
  );
}
