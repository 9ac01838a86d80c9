import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { CreateCriterionRequest } from '../../../../shared/readiness/schema.js';
import { ApiError } from '../../api/client.js';
import { createCriterion, getReadiness, updateCriterion, type CriterionBody, type MatrixCriterion, type ReadinessMatrix } from '../../api/readiness.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { Choices, errorFor, fieldOfPath, TextArea, TextField } from '../threshold/form-fields.js';
import { readinessTitle } from './readiness-ui.js';
import './readiness.css';

type Field = keyof CriterionBody;
const ORDER: Field[] = ['title', 'description', 'agencyIds', 'evidenceExpected', 'targetDate'];

/** Plain-English messages for what the shared schema rejects. */
function messageFor(field: Field, body: CriterionBody): string {
  switch (field) {
    case 'title':
      return body.title.trim() ? 'Title must be 200 characters or fewer' : 'Enter a title for the criterion';
    case 'description':
      return 'Description must be 2,000 characters or fewer';
    case 'agencyIds':
      return 'Choose at least one agency that must assess this criterion';
    case 'evidenceExpected':
      return 'Evidence expected must be 2,000 characters or fewer';
    case 'targetDate':
      return 'Target date must be a real date, for example 31 March 2027';
  }
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function CriterionForm(props: { matrix: ReadinessMatrix; criterion: MatrixCriterion | null }) {
  const app = useApp();
  const navigate = useNavigate();
  const c = props.criterion;
  const ws = props.matrix.workstreamId;
  const matrixHref = `/readiness/${ws}`;
  const [title, setTitle] = createSignal(c?.title ?? '');
  const [description, setDescription] = createSignal(c?.description ?? '');
  const [agencyIds, setAgencyIds] = createSignal<string[]>(c ? [...c.agencyIds] : []);
  const [evidence, setEvidence] = createSignal(c?.evidenceExpected ?? '');
  const [targetDate, setTargetDate] = createSignal(c?.targetDate ?? '');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const err = (f: Field) => errorFor(errors(), f);
  // Partnership order, so the list reads the same as everywhere else.
  const agencies = () => (app.partnership.state === 'ready' ? (app.partnership()?.agencies ?? []) : []);
  const options = () => agencies().map((a) => ({ value: a.id, label: a.name }));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const order = agencies().map((a) => a.id);
    const body: CriterionBody = {
      title: title(),
      description: description(),
      agencyIds: [...agencyIds()].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      evidenceExpected: evidence(),
      targetDate: targetDate() || null,
    };
    const parsed = CreateCriterionRequest.safeParse(body);
    if (!parsed.success) {
      const bad = new Set(parsed.error.issues.map((i) => String(i.path[0]) as Field));
      setErrors(ORDER.filter((f) => bad.has(f)).map((f) => ({ field: f, message: messageFor(f, body) })));
      return;
    }
    setBusy(true);
    try {
      if (c) {
        const v = parsed.data;
        const changes: Partial<CriterionBody> = {};
        if (v.title !== c.title) changes.title = v.title;
        if (v.description !== c.description) changes.description = v.description;
        if (!same(v.agencyIds, c.agencyIds)) changes.agencyIds = v.agencyIds;
        if (v.evidenceExpected !== c.evidenceExpected) changes.evidenceExpected = v.evidenceExpected;
        if (v.targetDate !== c.targetDate) changes.targetDate = v.targetDate;
        if (Object.keys(changes).length === 0) {
          navigate(matrixHref, { state: { flash: `You made no changes to "${c.title}".` } });
          return;
        }
        const saved = await updateCriterion(ws, c.id, changes, c.version);
        navigate(matrixHref, { state: { flash: `"${saved.data.title}" has been updated.` } });
      } else {
        const saved = await createCriterion(ws, parsed.data);
        navigate(matrixHref, { state: { flash: `"${saved.title}" has been added. Each agency you chose can now assess it.` } });
      }
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      if (api?.errors.length) {
        // One message per field: several unknown agencies still point at the one group of checkboxes.
        const seen = new Set<string>();
        const list: SummaryError[] = [];
        for (const fe of api.errors) {
          const f = fieldOfPath(fe.path);
          const field = ORDER.includes(f as Field) ? f : undefined;
          if (field && seen.has(field)) continue;
          if (field) seen.add(field);
          list.push(field ? { field, message: fe.message } : { message: fe.message });
        }
        setErrors(list);
      } else if (api?.status === 412) {
        setErrors([{ message: 'Someone else changed this criterion after you opened it. Reload the page to see their changes, then make yours again.' }]);
      } else if (api?.status === 409) {
        setErrors([{ field: 'title', message: 'A criterion with this title already exists. Give this one a different title.' }]);
      } else {
        setErrors([{ message: api?.detail ?? 'The criterion could not be saved. Try again.' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={c ? `Edit criterion: ${c.title}` : 'Add a criterion'} heading={c ? 'Edit criterion' : 'Add a criterion'} caption={readinessTitle(ws, props.matrix.workstreamName)} hasErrors={errors().length > 0}>
      <Show when={errors().length > 0 ? errors() : false} keyed>
        {(list) => <ErrorSummary errors={list} />}
      </Show>
      <Show when={c} fallback={<p class="govuk-body">Each agency you choose assesses its own readiness against the criterion. You then confirm or challenge what it says.</p>}>
        <p class="govuk-body">Agencies keep the assessments they have already made. An agency you remove no longer sees this criterion in its column.</p>
      </Show>
      <form onSubmit={submit} novalidate class="app-form">
        <TextField id="title" label="Title" hint="A short statement of what must be true, for example: Multi-agency triage team in place." error={err('title')} value={title()} onInput={setTitle} />
        <TextArea id="description" label="Description (optional)" hint="What the criterion means in practice." error={err('description')} value={description()} onInput={setDescription} rows={3} />
        <Choices
          type="checkbox"
          id="agencyIds"
          legend="Which agencies must assess it?"
          hint="Select all that apply."
          error={err('agencyIds')}
          options={options()}
          selected={agencyIds()}
          onChange={setAgencyIds}
          legendClass="govuk-fieldset__legend--s"
        />
        <TextArea id="evidenceExpected" label="Evidence expected (optional)" hint="What agencies should describe or link to show they are ready. Agencies see this when they update their assessment." error={err('evidenceExpected')} value={evidence()} onInput={setEvidence} rows={3} />
        <TextField id="targetDate" label="Target date (optional)" hint="When agencies should be ready. An agency can set its own date." type="date" error={err('targetDate')} value={targetDate()} onInput={setTargetDate} width="medium" />
        <div class="app-button-group">
          <button type="submit" class="govuk-button" disabled={busy()}>
            {c ? 'Save changes' : 'Add criterion'}
          </button>
          <a href={matrixHref} class="govuk-link app-button-group__link">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}

/** `/readiness/:ws/criteria/new` and `/readiness/:ws/criteria/:criterionId/edit`: the lead manages the criteria. */
export function CriterionFormPage() {
  const app = useApp();
  const params = useParams<{ workstreamId: string; criterionId?: string }>();
  const isLead = () => app.me()?.role === 'lead';
  const [data] = createResource(() => (isLead() ? params.workstreamId : false), getReadiness);
  const criterion = () => (params.criterionId ? data()?.criteria.find((c) => c.id === params.criterionId && !c.derived) : undefined);
  return (
    <Show
      when={isLead()}
      fallback={
        <Page title="You cannot change readiness criteria">
          <p class="govuk-body">Only the programme lead adds and edits readiness criteria. Agencies assess their own readiness against them.</p>
          <p class="govuk-body">
            <a href={`/readiness/${params.workstreamId}`} class="govuk-link">
              Back to the readiness matrix
            </a>
          </p>
        </Page>
      }
    >
      <Switch fallback={<Loading label="Loading readiness…" />}>
        <Match when={data.error}>
          <Page title={data.error instanceof ApiError && data.error.status === 404 ? 'Workstream not found' : 'Sorry, there is a problem with the service'}>
            <p class="govuk-body">{data.error instanceof ApiError ? data.error.detail : 'The readiness criteria could not be loaded. Try again later.'}</p>
            <p class="govuk-body">
              <a href="/readiness" class="govuk-link">
                Choose a workstream
              </a>
            </p>
          </Page>
        </Match>
        <Match when={data.state === 'ready' && app.partnership.state === 'ready' ? data() : undefined} keyed>
          {(m) => (
            <Show
              when={!params.criterionId || criterion()}
              fallback={
                <Page title="Criterion not found">
                  <p class="govuk-body">There is no criterion {params.criterionId} that you can edit in this workstream. Criteria that follow another record cannot be edited.</p>
                  <p class="govuk-body">
                    <a href={`/readiness/${m.workstreamId}`} class="govuk-link">
                      Back to the readiness matrix
                    </a>
                  </p>
                </Page>
              }
            >
              {/* Built once from the version shown: a refetch must not overwrite what the lead is typing. */}
              <CriterionForm matrix={m} criterion={criterion() ?? null} />
            </Show>
          )}
        </Match>
      </Switch>
    </Show>
  );
}
