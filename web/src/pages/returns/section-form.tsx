import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Index, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { FieldError as ApiFieldError } from '../../../../shared/http/problem.js';
import { formatPath } from '../../../../shared/http/problem.js';
import { formatDayLong, periodLabel } from '../../../../shared/periods/period.js';
import { scanFields, type Warning } from '../../../../shared/pii/detect.js';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_MEANINGS,
  IMPACT_LABELS,
  IMPACTS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUSES,
  NARRATIVE_MAX,
  ReturnSectionInput,
  type Impact,
  type Likelihood,
  type ReturnSectionView,
} from '../../../../shared/returns/schema.js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { ApiError } from '../../api/client.js';
import { getReturn, getWorkstream, saveReturn, type ReturnView, type WorkstreamWithMilestones } from '../../api/returns.js';
import { Page } from '../../components/page.js';
import { ErrorPage, fieldId, PiiWarning, ReturnLoading, riskRatingText, SectionSummary, setReturnsFlash } from './common.js';
import { editableIn, ourReturnPath, usePartner, usePartnerReturn } from './partner.js';
import { sectionToDo } from '../../../../shared/returns/rules.js';

/*
 * One section of the partner's return: delivery confidence, narrative, milestone updates, risks,
 * escalations and measures. "Save and continue" saves the whole section (PUT with If-Match).
 */

interface FormRisk {
  title: string;
  description: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  owner: string;
}
interface FormState {
  confidence: string;
  narrative: string;
  milestones: { milestoneId: string; status: string; note: string }[];
  risks: FormRisk[];
  escalations: { summary: string }[];
  metrics: { name: string; value: string }[];
}

const emptyRisk = (): FormRisk => ({ title: '', description: '', likelihood: '', impact: '', mitigation: '', owner: '' });

function fromSection(s: ReturnSectionView | undefined, milestones: Milestone[]): FormState {
  return {
    confidence: s?.confidence ?? '',
    narrative: s?.narrative ?? '',
    milestones: milestones.map((m) => {
      const u = s?.milestones.find((x) => x.milestoneId === m.id);
      return { milestoneId: m.id, status: u?.status ?? m.status, note: u?.note ?? '' };
    }),
    risks: (s?.risks ?? []).map((r) => ({ ...r })),
    escalations: (s?.escalations ?? []).map((e) => ({ ...e })),
    metrics: (s?.metrics ?? []).map((m) => ({ name: m.name, value: String(m.value) })),
  };
}

function toRaw(workstreamId: string, f: FormState) {
  return {
    workstreamId,
    confidence: f.confidence || null,
    narrative: f.narrative,
    milestones: f.milestones.map((m) => ({ ...m })),
    risks: f.risks.map((r) => ({ ...r })),
    escalations: f.escalations.map((e) => ({ ...e })),
    metrics: f.metrics.map((m) => {
      const v = m.value.replace(/,/g, '').trim();
      return { name: m.name, value: v === '' ? Number.NaN : Number(v) };
    }),
  };
}

function ReturnSectionPageContent() {
  const params = useParams<{ periodId: string; workstreamId: string }>();
  const { period, periods, ret, mutate, agencyId } = usePartnerReturn(() => params.periodId);
  const [workstream] = createResource(() => params.workstreamId, getWorkstream);
  const { workstreamName } = usePartner();

  return (
    <Switch fallback={<ReturnLoading title={workstreamName(params.workstreamId)} label="Loading this section…" />}>
      <Match when={periods.error || ret.error || workstream.error || period() === null}>
        <ErrorPage
          title="Section of your return"
          error={periods.error ?? ret.error ?? workstream.error ?? new ApiError(404, { detail: `There is no reporting period ${params.periodId}.` })}
          back={{ href: '/our-return', text: 'Go to your current return' }}
        />
      </Match>
      <Match when={ret.state === 'ready' && workstream.state === 'ready' && period() && ret()}>
        {(_) => {
          const view = () => ret()!.data;
          const index = () => view().sections.findIndex((s) => s.workstreamId === params.workstreamId);
          return (
            <Show
              when={index() >= 0}
              fallback={
                <ErrorPage
                  title="Section of your return"
                  error={new ApiError(404, { detail: `Your agency does not report on ${workstreamName(params.workstreamId)}.` })}
                  back={{ href: ourReturnPath(params.periodId), text: 'Go to your return' }}
                />
              }
            >
              <Show
                when={editableIn(view(), period())}
                fallback={
                  <>
                    <A class="govuk-back-link" href={ourReturnPath(params.periodId)}>
                      Back to your return
                    </A>
                    <Page title={workstreamName(params.workstreamId)} caption={`Your return for ${periodLabel(params.periodId)}`}>
                      <p class="govuk-body">This return cannot be changed now (it is {view().status === 'not-started' ? 'not started' : view().status}). These are its answers.</p>
                      <SectionSummary section={view().sections[index()]!} names={{ workstreamName, milestone: (id) => workstream()!.milestones.find((m) => m.id === id) }} />
                    </Page>
                  </>
                }
              >
                <SectionForm
                  periodId={params.periodId}
                  agencyId={agencyId()}
                  workstream={workstream()!}
                  view={view()}
                  etag={ret()!.etag}
                  onReloaded={(r) => mutate(r)}
                />
              </Show>
            </Show>
          );
        }}
      </Match>
    </Switch>
  );
}

function SectionForm(props: {
  periodId: string;
  agencyId: string;
  workstream: WorkstreamWithMilestones;
  view: ReturnView;
  etag: string | undefined;
  onReloaded(r: { data: ReturnView; etag: string | undefined }): void;
}) {
  const navigate = useNavigate();
  const [search] = useSearchParams<{ focus?: string }>();
  const ws = () => props.workstream;
  const openMilestones = () => ws().milestones.filter((m) => !m.closed);
  const section = () => props.view.sections.find((s) => s.workstreamId === ws().id);
  // The form is seeded once; a reload after a conflict replaces it explicitly.
  // eslint-disable-next-line solid/reactivity
  const [form, setForm] = createStore<FormState>(fromSection(section(), openMilestones()));
  // eslint-disable-next-line solid/reactivity
  const [etag, setEtag] = createSignal(props.etag);
  // eslint-disable-next-line solid/reactivity
  const [carried, setCarried] = createSignal({ flag: !!section()?.carriedForward, narrative: section()?.narrative ?? '' });
  const [errors, setErrors] = createSignal<ApiFieldError[]>([]);
  const [summary, setSummary] = createSignal<SummaryError[] | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [conflict, setConflict] = createSignal<FormState | null>(null);
  const [mine, setMine] = createSignal<FormState | null>(null);
  const [reloading, setReloading] = createSignal(false);

  const liveWarnings = createMemo(() => scanFields(toRaw(ws().id, form)));
  const warn = (path: string): Warning[] => liveWarnings().filter((w) => w.path === path);
  const err = (path: string) => errors().find((e) => e.path === path)?.message;
  const describedBy = (path: string, ...more: (string | false | undefined)[]) => {
    const id = fieldId(path);
    const parts = [...more.filter(Boolean), err(path) && `${id}-error`, warn(path).length > 0 && `${id}-warning`].filter(Boolean);
    return parts.length ? parts.join(' ') : undefined;
  };

  onMount(() => {
    const focus = search.focus;
    if (focus) setTimeout(() => document.getElementById(fieldId(focus))?.focus(), 50);
  });

  const showErrors = (list: ApiFieldError[]) => {
    setErrors(list);
    setSummary(list.map((e) => ({ message: e.message, field: fieldId(e.path) })));
  };

  const save = async () => {
    setSummary(null);
    setErrors([]);
    const parsed = ReturnSectionInput.safeParse(toRaw(ws().id, form));
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
      return;
    }
    setSaving(true);
    try {
      const saved = await saveReturn(props.periodId, props.agencyId, [parsed.data], etag());
      const todo = sectionToDo(saved.data.sections.find((s) => s.workstreamId === ws().id) ?? { workstreamId: ws().id });
      if (todo.length) setReturnsFlash(`${ws().name} saved, but it is not complete yet`, 'Your answers are saved. Before you can submit, this section needs:', todo);
      else setReturnsFlash(`${ws().name} saved`, 'Your answers for this section are saved. Complete the other sections, then check your answers and submit.');
      navigate(ourReturnPath(props.periodId));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        setConflict(JSON.parse(JSON.stringify(form)) as FormState);
        queueMicrotask(() => document.getElementById('conflict')?.focus());
      } else if (e instanceof ApiError && e.errors.length) {
        showErrors(e.errors.map((x) => ({ path: x.path.replace(/^sections\[\d+\]\.?/, '') || 'narrative', message: x.message })));
      } else {
        setSummary([{ message: e instanceof ApiError ? e.detail : 'Your answers could not be saved. Check your connection and try again.' }]);
      }
    } finally {
      setSaving(false);
    }
  };

  const reloadTheirs = async () => {
    setReloading(true);
    try {
      const fresh = await getReturn(props.periodId, props.agencyId);
      const theirs = fresh.data.sections.find((s) => s.workstreamId === ws().id);
      setMine(conflict());
      setConflict(null);
      setEtag(fresh.etag);
      setCarried({ flag: !!theirs?.carriedForward, narrative: theirs?.narrative ?? '' });
      setForm(fromSection(theirs, openMilestones()));
      setErrors([]);
      setSummary(null);
      props.onReloaded(fresh);
      queueMicrotask(() => document.getElementById('your-text')?.focus());
    } catch (e) {
      setSummary([{ message: e instanceof ApiError ? e.detail : 'Their version could not be loaded. Check your connection and try again.' }]);
    } finally {
      setReloading(false);
    }
  };

  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

  // Character count: the visible count updates as you type; screen readers hear it after a pause.
  const remaining = () => NARRATIVE_MAX - form.narrative.length;
  const countText = () => {
    const r = remaining();
    return r >= 0 ? `You have ${r.toLocaleString('en-GB')} character${r === 1 ? '' : 's'} remaining` : `You have ${(-r).toLocaleString('en-GB')} character${r === -1 ? '' : 's'} too many`;
  };
  const [srCount, setSrCount] = createSignal('');
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  const onNarrative = (v: string) => {
    setForm('narrative', v);
    clearTimeout(countTimer);
    countTimer = setTimeout(() => setSrCount(countText()), 1000);
  };
  onCleanup(() => clearTimeout(countTimer));

  const stillCarried = () => carried().flag && form.narrative === carried().narrative;
  const dueFor = (m: Milestone) => `Due ${formatDayLong(m.dueDate)}`;

  return (
    <>
      <A class="govuk-back-link" href={ourReturnPath(props.periodId)}>
        Back to your return
      </A>
      <Page title={ws().name} caption={`Your return for ${periodLabel(props.periodId)}`} hasErrors={!!summary()?.length}>
        <Show when={summary()} keyed>
          {(list) => <ErrorSummary errors={list} />}
        </Show>
        <Show when={conflict()}>
          <div class="govuk-error-summary app-conflict" tabindex="-1" id="conflict">
            <div role="alert">
              <h2 class="govuk-error-summary__title">Someone else saved this return first</h2>
              <div class="govuk-error-summary__body">
                <p class="govuk-body">
                  Someone else in your agency saved the return after you opened this page, so your changes to this section have <strong>not</strong> been saved.
                  Your text is still in the form below.
                </p>
                <p class="govuk-body">Reload their version to see what they saved. Your text will stay on this page so you can copy it back in.</p>
                <button type="button" class="govuk-button govuk-button--secondary app-button--tight" disabled={reloading()} onClick={() => void reloadTheirs()}>
                  Reload their version
                </button>
              </div>
            </div>
          </div>
        </Show>
        <Show when={mine()}>{(m) => <YourText text={m()} milestones={openMilestones()} />}</Show>

        <p class="govuk-body">{ws().description}</p>

        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {/* Delivery confidence */}
          <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!err('confidence') }}>
            <fieldset class="govuk-fieldset" aria-describedby={describedBy('confidence', 'confidence-hint')}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 class="govuk-fieldset__heading">Delivery confidence</h2>
              </legend>
              <div class="govuk-hint" id="confidence-hint">
                How confident are you that this workstream will deliver what it should, on time? Each rating's meaning is shown below it. If you choose Amber/Red or
                Red, add at least one risk or escalation saying what is being done.
              </div>
              <FieldError id="confidence-error" message={err('confidence')} />
              <div class="govuk-radios">
                <For each={CONFIDENCE_LEVELS}>
                  {(level, i) => {
                    const id = i() === 0 ? 'confidence' : `confidence-${level}`;
                    return (
                      <div class="govuk-radios__item">
                        <input
                          class="govuk-radios__input"
                          id={id}
                          name="confidence"
                          type="radio"
                          value={level}
                          checked={form.confidence === level}
                          onChange={() => setForm('confidence', level)}
                          aria-describedby={`confidence-${level}-hint`}
                        />
                        <label class="govuk-label govuk-radios__label" for={id}>
                          <span class={`app-conf app-conf--${level} app-conf--plain`}>
                            <span class="app-conf__swatch" aria-hidden="true" />
                            {CONFIDENCE_LABELS[level]}
                          </span>
                        </label>
                        {/* Not `${id}-hint`: the first radio's id is "confidence", and "confidence-hint" is the fieldset's hint. */}
                        <div class="govuk-hint govuk-radios__hint" id={`confidence-${level}-hint`}>
                          {CONFIDENCE_MEANINGS[level]}
                        </div>
                      </div>
                    );
                  }}
                </For>
              </div>
            </fieldset>
          </div>

          {/* Narrative */}
          <div class="govuk-form-group govuk-character-count" classList={{ 'govuk-form-group--error': !!err('narrative') || remaining() < 0 }}>
            <h2 class="govuk-label-wrapper">
              <label class="govuk-label govuk-label--m" for="narrative">
                Progress this quarter
              </label>
            </h2>
            <div class="govuk-hint" id="narrative-hint">
              What has happened since the last return, what is next, and anything the partnership should know. Programme information only: never a child's or
              family member's name, date of birth, NHS number or address.
            </div>
            <Show when={stillCarried()}>
              <p class="app-carried" id="narrative-carried">
                <strong class="govuk-tag govuk-tag--yellow">Carried forward from last quarter: check and update</strong>
              </p>
            </Show>
            <FieldError id="narrative-error" message={err('narrative')} />
            <textarea
              class="govuk-textarea"
              classList={{ 'govuk-textarea--error': !!err('narrative') || remaining() < 0 }}
              id="narrative"
              name="narrative"
              rows="10"
              value={form.narrative}
              onInput={(e) => onNarrative(e.currentTarget.value)}
              aria-describedby={describedBy('narrative', 'narrative-hint', stillCarried() && 'narrative-carried', 'narrative-info')}
            />
            <div class="govuk-visually-hidden" id="narrative-info">
              You can enter up to {NARRATIVE_MAX.toLocaleString('en-GB')} characters
            </div>
            <div class="govuk-hint govuk-character-count__message" classList={{ 'govuk-error-message': remaining() < 0 }} aria-hidden="true">
              {countText()}
            </div>
            <div class="govuk-visually-hidden" aria-live="polite">
              {srCount()}
            </div>
            <PiiWarning warnings={warn('narrative')} id="narrative-warning" />
          </div>

          {/* Milestones */}
          <h2 class="govuk-heading-m" id="milestones" tabindex="-1">
            Milestones
          </h2>
          <Show when={openMilestones().length > 0} fallback={<p class="govuk-body">This workstream has no open milestones to update.</p>}>
            <p class="govuk-body">Give the status of each milestone and a short note on what has changed.</p>
            <Index each={form.milestones}>
              {(m, j) => {
                const ms = () => openMilestones()[j];
                const base = `milestones-${j}`;
                return (
                  <fieldset class="govuk-fieldset app-repeat" aria-describedby={`${base}-hint`}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{ms()?.title ?? m().milestoneId}</legend>
                    <div class="govuk-hint" id={`${base}-hint`}>
                      {ms() ? dueFor(ms()!) : ''}
                    </div>
                    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!err(`milestones[${j}].status`) }}>
                      <label class="govuk-label" for={`${base}-status`}>
                        Status
                      </label>
                      <FieldError id={`${base}-status-error`} message={err(`milestones[${j}].status`)} />
                      <select
                        class="govuk-select"
                        id={`${base}-status`}
                        value={m().status}
                        onChange={(e) => setForm('milestones', j, 'status', e.currentTarget.value)}
                        aria-describedby={describedBy(`milestones[${j}].status`)}
                      >
                        <For each={MILESTONE_STATUSES}>
                          {(st) => (
                            <option value={st} selected={st === m().status}>
                              {MILESTONE_STATUS_LABELS[st]}
                            </option>
                          )}
                        </For>
                      </select>
                    </div>
                    <TextField
                      path={`milestones[${j}].note`}
                      label="Note (optional)"
                      textarea
                      rows={2}
                      value={m().note}
                      onInput={(v) => setForm('milestones', j, 'note', v)}
                      err={err}
                      warn={warn}
                      describedBy={describedBy}
                    />
                  </fieldset>
                );
              }}
            </Index>
          </Show>

          {/* Risks */}
          <h2 class="govuk-heading-m">Risks</h2>
          <p class="govuk-body" id="risks-hint">
            Rate each risk with the council's matrix: likelihood A (very likely) to D (rare), and impact I (catastrophic) to IV (minor). A rating reads like "BII".
          </p>
          <Show when={err('risks')}>
            <div class="govuk-form-group govuk-form-group--error">
              <FieldError id="risks-error" message={err('risks')} />
            </div>
          </Show>
          <Index each={form.risks}>
            {(r, k) => {
              const base = `risks-${k}`;
              const p = (f: string) => `risks[${k}].${f}`;
              return (
                <fieldset class="govuk-fieldset app-repeat">
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Risk {k + 1}</legend>
                  <TextField path={p('title')} label="Title" value={r().title} onInput={(v) => setForm('risks', k, 'title', v)} err={err} warn={warn} describedBy={describedBy} />
                  <TextField
                    path={p('description')}
                    label="Description (optional)"
                    textarea
                    rows={3}
                    value={r().description}
                    onInput={(v) => setForm('risks', k, 'description', v)}
                    err={err}
                    warn={warn}
                    describedBy={describedBy}
                  />
                  <div class="app-field-pair">
                    <SelectField
                      path={p('likelihood')}
                      label="Likelihood"
                      value={r().likelihood}
                      options={LIKELIHOODS.map((l) => ({ value: l, text: `${l} – ${LIKELIHOOD_LABELS[l]}` }))}
                      placeholder="Choose likelihood"
                      onChange={(v) => setForm('risks', k, 'likelihood', v)}
                      err={err}
                      describedBy={describedBy}
                    />
                    <SelectField
                      path={p('impact')}
                      label="Impact"
                      value={r().impact}
                      options={IMPACTS.map((l) => ({ value: l, text: `${l} – ${IMPACT_LABELS[l]}` }))}
                      placeholder="Choose impact"
                      onChange={(v) => setForm('risks', k, 'impact', v)}
                      err={err}
                      describedBy={describedBy}
                    />
                  </div>
                  <p class="govuk-body app-rating-line" id={`${base}-rating`}>
                    Rating:{' '}
                    <Show when={r().likelihood && r().impact} fallback={<span class="app-secondary-text">choose a likelihood and an impact</span>}>
                      <strong>{riskRatingText(r().likelihood as Likelihood, r().impact as Impact)}</strong>
                    </Show>
                  </p>
                  <TextField
                    path={p('mitigation')}
                    label="Mitigation (optional)"
                    textarea
                    rows={2}
                    value={r().mitigation}
                    onInput={(v) => setForm('risks', k, 'mitigation', v)}
                    err={err}
                    warn={warn}
                    describedBy={describedBy}
                  />
                  <TextField path={p('owner')} label="Owner (optional)" hint="A role, not a person's name" value={r().owner} onInput={(v) => setForm('risks', k, 'owner', v)} err={err} warn={warn} describedBy={describedBy} />
                  <button
                    type="button"
                    class="govuk-button govuk-button--secondary app-button--tight"
                    onClick={() => {
                      setForm('risks', (rs) => rs.filter((_, x) => x !== k));
                      focusLater('risks');
                    }}
                  >
                    Remove<span class="govuk-visually-hidden"> risk {k + 1}</span>
                  </button>
                </fieldset>
              );
            }}
          </Index>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            id="risks"
            aria-describedby={err('risks') ? 'risks-hint risks-error' : 'risks-hint'}
            onClick={() => {
              setForm('risks', (rs) => [...rs, emptyRisk()]);
              focusLater(`risks-${form.risks.length - 1}-title`);
            }}
          >
            {form.risks.length ? 'Add another risk' : 'Add a risk'}
          </button>

          {/* Escalations */}
          <h2 class="govuk-heading-m">Escalations</h2>
          <p class="govuk-body" id="escalations-hint">
            Anything the partnership executive needs to decide or unblock. Leave this empty if there is nothing to escalate.
          </p>
          <Index each={form.escalations}>
            {(x, k) => (
              <div class="app-repeat">
                <TextField
                  path={`escalations[${k}].summary`}
                  label={`Escalation ${k + 1}`}
                  textarea
                  rows={3}
                  value={x().summary}
                  onInput={(v) => setForm('escalations', k, 'summary', v)}
                  err={err}
                  warn={warn}
                  describedBy={describedBy}
                />
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary app-button--tight"
                  onClick={() => {
                    setForm('escalations', (es) => es.filter((_, y) => y !== k));
                    focusLater('escalations');
                  }}
                >
                  Remove<span class="govuk-visually-hidden"> escalation {k + 1}</span>
                </button>
              </div>
            )}
          </Index>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            id="escalations"
            aria-describedby="escalations-hint"
            onClick={() => {
              setForm('escalations', (es) => [...es, { summary: '' }]);
              focusLater(`escalations-${form.escalations.length - 1}-summary`);
            }}
          >
            {form.escalations.length ? 'Add another escalation' : 'Add an escalation'}
          </button>

          {/* Metrics */}
          <h2 class="govuk-heading-m">Measures (optional)</h2>
          <p class="govuk-body" id="metrics-hint">
            Numbers that show progress this quarter, for example "Children on Child in Need plans: 433".
          </p>
          <Index each={form.metrics}>
            {(m, k) => (
              <fieldset class="govuk-fieldset app-repeat">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Measure {k + 1}</legend>
                <div class="app-field-pair">
                  <TextField path={`metrics[${k}].name`} label="What is measured" value={m().name} onInput={(v) => setForm('metrics', k, 'name', v)} err={err} warn={warn} describedBy={describedBy} />
                  <TextField
                    path={`metrics[${k}].value`}
                    label="Number"
                    inputmode="decimal"
                    width="app-input--number"
                    value={m().value}
                    onInput={(v) => setForm('metrics', k, 'value', v)}
                    err={err}
                    warn={() => []}
                    describedBy={describedBy}
                  />
                </div>
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary app-button--tight"
                  onClick={() => {
                    setForm('metrics', (ms) => ms.filter((_, y) => y !== k));
                    focusLater('metrics');
                  }}
                >
                  Remove<span class="govuk-visually-hidden"> measure {k + 1}</span>
                </button>
              </fieldset>
            )}
          </Index>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            id="metrics"
            aria-describedby="metrics-hint"
            onClick={() => {
              setForm('metrics', (ms) => [...ms, { name: '', value: '' }]);
              focusLater(`metrics-${form.metrics.length - 1}-name`);
            }}
          >
            {form.metrics.length ? 'Add another measure' : 'Add a measure'}
          </button>

          <div class="govuk-button-group app-save-group">
            <button type="submit" class="govuk-button" disabled={saving()}>
              {saving() ? 'Saving…' : 'Save and continue'}
            </button>
            <A class="govuk-link" href={ourReturnPath(props.periodId)}>
              Cancel
            </A>
          </div>
        </form>
      </Page>
    </>
  );
}

function FieldError(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="govuk-error-message" id={props.id}>
        <span class="govuk-visually-hidden">Error:</span> {props.message}
      </p>
    </Show>
  );
}

interface FieldHelpers {
  err(path: string): string | undefined;
  warn(path: string): Warning[];
  describedBy(path: string, ...more: (string | false | undefined)[]): string | undefined;
}

function TextField(
  props: FieldHelpers & {
    path: string;
    label: string;
    hint?: string;
    value: string;
    onInput(v: string): void;
    textarea?: boolean;
    rows?: number;
    inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputmode'];
    width?: string;
  },
) {
  const id = () => fieldId(props.path);
  const bad = () => !!props.err(props.path);
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': bad() }}>
      <label class="govuk-label" for={id()}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <div class="govuk-hint" id={`${id()}-hint`}>
          {props.hint}
        </div>
      </Show>
      <FieldError id={`${id()}-error`} message={props.err(props.path)} />
      <Show
        when={props.textarea}
        fallback={
          <input
            class={`govuk-input ${props.width ?? ''}`}
            classList={{ 'govuk-input--error': bad() }}
            id={id()}
            type="text"
            inputmode={props.inputmode}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
            aria-describedby={props.describedBy(props.path, props.hint && `${id()}-hint`)}
          />
        }
      >
        <textarea
          class="govuk-textarea"
          classList={{ 'govuk-textarea--error': bad() }}
          id={id()}
          rows={props.rows ?? 3}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          aria-describedby={props.describedBy(props.path, props.hint && `${id()}-hint`)}
        />
      </Show>
      <PiiWarning warnings={props.warn(props.path)} id={`${id()}-warning`} />
    </div>
  );
}

function SelectField(
  props: Omit<FieldHelpers, 'warn'> & {
    path: string;
    label: string;
    value: string;
    options: { value: string; text: string }[];
    placeholder: string;
    onChange(v: string): void;
  },
) {
  const id = () => fieldId(props.path);
  const bad = () => !!props.err(props.path);
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': bad() }}>
      <label class="govuk-label" for={id()}>
        {props.label}
      </label>
      <FieldError id={`${id()}-error`} message={props.err(props.path)} />
      <select
        class="govuk-select"
        classList={{ 'govuk-select--error': bad() }}
        id={id()}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        aria-describedby={props.describedBy(props.path)}
      >
        <option value="" selected={props.value === ''}>
          {props.placeholder}
        </option>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.text}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** What the user had typed when someone else saved first, kept visible so they can copy it back. */
function YourText(props: { text: FormState; milestones: Milestone[] }) {
  const t = () => props.text;
  return (
    <div class="govuk-inset-text app-your-text" id="your-text" tabindex="-1">
      <h2 class="govuk-heading-s">Their version is now in the form</h2>
      <p class="govuk-body">Your text was not saved. It is below so you can copy anything you still need into the form, then save again.</p>
      <details class="govuk-details" open>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Your text</span>
        </summary>
        <div class="govuk-details__text">
          <dl class="govuk-summary-list app-summary-list">
            <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
              <dt class="govuk-summary-list__key">Delivery confidence</dt>
              <dd class="govuk-summary-list__value">{t().confidence ? CONFIDENCE_LABELS[t().confidence as keyof typeof CONFIDENCE_LABELS] : 'Not chosen'}</dd>
            </div>
            <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
              <dt class="govuk-summary-list__key">Progress this quarter</dt>
              <dd class="govuk-summary-list__value">
                <p class="app-multiline app-copyable" data-testid="your-narrative">
                  {t().narrative || 'Empty'}
                </p>
              </dd>
            </div>
            <For each={t().milestones.filter((m) => m.note)}>
              {(m) => (
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">{props.milestones.find((x) => x.id === m.milestoneId)?.title ?? m.milestoneId}</dt>
                  <dd class="govuk-summary-list__value app-multiline">
                    {MILESTONE_STATUS_LABELS[m.status as keyof typeof MILESTONE_STATUS_LABELS]}: {m.note}
                  </dd>
                </div>
              )}
            </For>
            <For each={t().risks}>
              {(r, i) => (
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Risk {i() + 1}</dt>
                  <dd class="govuk-summary-list__value app-multiline">
                    {[r.title, r.likelihood && r.impact ? `${r.likelihood}${r.impact}` : '', r.description, r.mitigation && `Mitigation: ${r.mitigation}`, r.owner && `Owner: ${r.owner}`]
                      .filter(Boolean)
                      .join('\n')}
                  </dd>
                </div>
              )}
            </For>
            <For each={t().escalations}>
              {(e, i) => (
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Escalation {i() + 1}</dt>
                  <dd class="govuk-summary-list__value app-multiline">{e.summary}</dd>
                </div>
              )}
            </For>
            <For each={t().metrics}>
              {(m, i) => (
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Measure {i() + 1}</dt>
                  <dd class="govuk-summary-list__value">
                    {m.name}: {m.value}
                  </dd>
                </div>
              )}
            </For>
          </dl>
        </div>
      </details>
    </div>
  );
}

// Every returns page sits in .app-returns, which scopes returns.css to these pages.

export function ReturnSectionPage() {
  return (
    <div class="app-returns">
      <ReturnSectionPageContent />
    </div>
  );
}
