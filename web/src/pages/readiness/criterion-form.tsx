import { useNavigate, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CreateCriterionRequest } from '../../../../shared/readiness/schema.js';
import { createCriterion, type CriterionBody, type MatrixCriterion, readinessChanged, type ReadinessMatrix, updateCriterion, useMatrix } from '../../api/readiness.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { Choices, fieldOfPath, namedOptions, TextArea, TextField } from '../../components/fields.js';
import { storeFields } from '../../components/store-fields.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { LeadOnly } from '../../components/role-guard.js';
import { useApp } from '../../state.js';
import { createFormState } from '../../components/form-state.js';
import { matrixFailed } from './readiness-data.js';
import { CRITERION_FIELDS, type CriterionField, criterionChanges, criterionProblem, readinessTitle } from '../../../../shared/readiness/words.js';
import './readiness.css';
import { FormPage } from '../../components/form.js';

type Field = CriterionField;

/** The form field a problem's path (the client's check or the server's) belongs to. */
const fieldOf = (path: string) => CRITERION_FIELDS.find((f) => f === fieldOfPath(path));

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
    evidenceExpected: c?.evidenceExpected ?? '',
    targetDate: c?.targetDate ?? '',
  });
  const form = createFormState();
  const { text, choice, choices } = storeFields({ values: v, set: setV, err: form.err });
  // Partnership order, so the list reads the same as everywhere else.
  const agencies = () => app.agencies();

  const submit = () => {
    const order = agencies().map((a) => a.id);
    const body: CriterionBody = {
      title: v.title,
      description: v.description,
      agencyIds: [...v.agencyIds].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      evidenceExpected: v.evidenceExpected,
      targetDate: v.targetDate || null,
    };
    const checked = form.check(CreateCriterionRequest.safeParse(body), fieldOf, (f) => messageFor(f as Field, body));
    if (!checked) return;
    void form.save(
      async () => {
        const flash = c ? await update(ws, c, checked) : await add(ws, checked);
        await readinessChanged();
        navigate(matrixHref, { state: { flash } });
      },
      {
        field: fieldOf,
        stale: 'Someone else changed this criterion after you opened it. Reload the page to see their changes, then make yours again.',
        conflict: { field: 'title', message: 'A criterion with this title already exists. Give this one a different title.' },
        fallback: 'The criterion could not be saved. Try again.',
      },
    );
  };

  return (
    <FormPage
      title={c ? `Edit criterion: ${c.title}` : 'Add a criterion'}
      heading={c ? 'Edit criterion' : 'Add a criterion'}
      caption={readinessTitle({ name: props.matrix.workstreamName, macpt: props.matrix.macpt })}
      form={form}
      onSubmit={submit}
      submit={c ? 'Save changes' : 'Add criterion'}
      cancelHref={matrixHref}
    >
      <Show when={c} fallback={<p class="govuk-body">Each agency you choose assesses its own readiness against the criterion. You then confirm or challenge what it says.</p>}>
        <p class="govuk-body">Agencies keep the assessments they have already made. An agency you remove no longer sees this criterion in its column.</p>
      </Show>
      <TextField {...text('title')} label="Title" hint="A short statement of what must be true, for example: Multi-agency triage team in place." />
      <TextArea {...text('description')} label="Description (optional)" hint="What the criterion means in practice." rows={3} />
      <Choices
        {...choices('agencyIds')}
        legend="Which agencies must assess it?"
        hint="Select all that apply."
        options={namedOptions(agencies())}
        legendClass="govuk-fieldset__legend--s"
      />
      <TextArea
        {...text('evidenceExpected')}
        label="Evidence expected (optional)"
        hint="What agencies should describe or link to show they are ready. Agencies see this when they update their assessment."
        rows={3}
      />
      <DateInput {...choice('targetDate')} legend="Target date (optional)" hint="When agencies should be ready. An agency can set its own date. For example, 31 3 2027" />
    </FormPage>
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
      <Loaded data={data} pick={(m) => (app.partnership.state === 'ready' ? m : undefined)} loading="Loading readiness…" failed={matrixFailed('The readiness criteria')}>
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
