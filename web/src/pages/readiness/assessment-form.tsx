import { useNavigate } from '@solidjs/router';
import { createSignal, For, Index, Show } from 'solid-js';
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES, AssessmentRequest, type AssessmentStatus } from '../../../../shared/readiness/schema.js';
import { ApiError } from '../../api/client.js';
import { saveAssessment } from '../../api/readiness.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { AssessmentLoader, useAssessment, type AssessmentContext } from './assessment-data.js';
import { readinessTitle } from './readiness-ui.js';
import './readiness.css';

const STATUS_HINTS: Record<AssessmentStatus, string> = {
  'not-started': 'Work on this has not begun.',
  'in-progress': 'Work has started but the criterion is not met yet.',
  ready: 'The criterion is met. Describe or link the evidence.',
  'not-applicable': 'The criterion does not apply to your agency. Say why.',
};

/** Maps a schema or API field path to the id of the input to focus. */
function fieldId(path: string | number | undefined, index?: string | number): string {
  if (path === 'links') return `link-${index ?? 0}`;
  if (path === 'targetDate') return 'target-date';
  if (path === 'status') return 'status-not-started';
  if (path === 'reason') return 'reason';
  return 'evidence';
}

function Form(props: { ctx: AssessmentContext }) {
  const navigate = useNavigate();
  const a = props.ctx.assessment;
  const [status, setStatus] = createSignal<AssessmentStatus>(a.status);
  const [evidence, setEvidence] = createSignal(a.evidence);
  const [links, setLinks] = createSignal<string[]>(a.links.length ? [...a.links] : ['']);
  const [targetDate, setTargetDate] = createSignal(a.targetDate ?? '');
  const [reason, setReason] = createSignal(a.reason ?? '');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const err = (id: string) => errors().find((e) => e.field === id)?.message;
  const detail = `/readiness/${props.ctx.matrix.workstreamId}/${props.ctx.criterion.id}/${props.ctx.agency.id}`;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // Keep the position of each link so an error points at the box the user typed in.
    const kept = links()
      .map((l, i) => ({ l: l.trim(), i }))
      .filter((x) => x.l);
    const body = {
      status: status(),
      evidence: evidence(),
      links: kept.map((x) => x.l),
      targetDate: targetDate() || null,
      reason: status() === 'not-applicable' ? reason().trim() || null : null,
    };
    const parsed = AssessmentRequest.safeParse(body);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => ({ field: fieldId(i.path[0] as string, i.path[0] === 'links' ? kept[Number(i.path[1])]?.i : undefined), message: i.message })));
      return;
    }
    setBusy(true);
    try {
      await saveAssessment(props.ctx.criterion.id, props.ctx.agency.id, parsed.data, a.version);
      navigate(detail, { state: { flash: 'Your assessment has been saved. The programme lead will check it.' } });
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      if (api?.errors.length) {
        setErrors(api.errors.map((x) => {
          const [head, idx] = x.path.split(/[.[\]]+/);
          return { field: fieldId(head, head === 'links' ? kept[Number(idx)]?.i : undefined), message: x.message };
        }));
      } else {
        setErrors([{ message: api?.status === 412 ? 'Someone else in your agency saved this assessment after you opened it. Go back to see their version, then make your change again.' : (api?.detail ?? 'Your assessment could not be saved. Try again.') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const ErrorText = (p: { id: string }) => (
    <Show when={err(p.id)}>
      {(m) => (
        <p class="govuk-error-message" id={`${p.id}-error`}>
          <span class="govuk-visually-hidden">Error:</span> {m()}
        </p>
      )}
    </Show>
  );
  const describedBy = (id: string, hint = true) => [hint ? `${id}-hint` : '', err(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <Page
      title={`Update your assessment: ${props.ctx.criterion.title}`}
      heading={props.ctx.criterion.title}
      caption={`${readinessTitle(props.ctx.matrix.workstreamId, props.ctx.matrix.workstreamName)} · ${props.ctx.agency.name}`}
      hasErrors={errors().length > 0}
    >
      <Show when={errors().length > 0 ? errors() : false} keyed>
        {(list) => <ErrorSummary errors={list} />}
      </Show>
      <Show when={props.ctx.criterion.evidenceExpected}>
        <div class="govuk-inset-text">
          <p class="govuk-body">Evidence expected: {props.ctx.criterion.evidenceExpected}</p>
        </div>
      </Show>
      <form onSubmit={submit} novalidate>
        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(err('status-not-started')) }}>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 class="govuk-fieldset__heading">How ready is {props.ctx.agency.name}?</h2>
            </legend>
            <ErrorText id="status-not-started" />
            <div class="govuk-radios">
              <For each={ASSESSMENT_STATUSES}>
                {(s) => (
                  <>
                    <div class="govuk-radios__item">
                      <input class="govuk-radios__input" id={`status-${s}`} name="status" type="radio" value={s} checked={status() === s} onChange={() => setStatus(s)} aria-describedby={`status-${s}-hint`} />
                      <label class="govuk-label govuk-radios__label" for={`status-${s}`}>
                        {ASSESSMENT_STATUS_LABELS[s]}
                      </label>
                      <p id={`status-${s}-hint`} class="govuk-hint govuk-radios__hint">
                        {STATUS_HINTS[s]}
                      </p>
                    </div>
                    <Show when={s === 'not-applicable' && status() === 'not-applicable'}>
                      <div class="govuk-radios__conditional">
                        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(err('reason')) }}>
                          <label class="govuk-label" for="reason">
                            Why does this not apply to your agency?
                          </label>
                          <ErrorText id="reason" />
                          <textarea class="govuk-textarea" classList={{ 'govuk-textarea--error': Boolean(err('reason')) }} id="reason" name="reason" rows="3" aria-describedby={describedBy('reason', false)} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
                        </div>
                      </div>
                    </Show>
                  </>
                )}
              </For>
            </div>
          </fieldset>
        </div>

        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(err('evidence')) }}>
          <label class="govuk-label govuk-label--s" for="evidence">
            Evidence
          </label>
          <p class="govuk-hint" id="evidence-hint">
            What shows your progress or that you are ready. Programme information only: never a child's or family member's name, date of birth, NHS number or address.
          </p>
          <ErrorText id="evidence" />
          <textarea class="govuk-textarea" classList={{ 'govuk-textarea--error': Boolean(err('evidence')) }} id="evidence" name="evidence" rows="6" aria-describedby={describedBy('evidence')} value={evidence()} onInput={(e) => setEvidence(e.currentTarget.value)} />
        </div>

        <fieldset class="govuk-fieldset govuk-form-group">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Links to evidence (optional)</legend>
          <p class="govuk-hint" id="links-hint">
            Full web addresses starting with https://, for example a document on your intranet. Up to 10.
          </p>
          <Index each={links()}>
            {(link, i) => (
              <div class="govuk-form-group app-link-row" classList={{ 'govuk-form-group--error': Boolean(err(`link-${i}`)) }}>
                <label class="govuk-label" for={`link-${i}`}>
                  Link {i + 1}
                </label>
                <ErrorText id={`link-${i}`} />
                <div class="app-link-row__controls">
                  <input
                    class="govuk-input"
                    classList={{ 'govuk-input--error': Boolean(err(`link-${i}`)) }}
                    id={`link-${i}`}
                    name={`link-${i}`}
                    type="url"
                    inputmode="url"
                    spellcheck={false}
                    autocomplete="url"
                    aria-describedby={err(`link-${i}`) ? `links-hint link-${i}-error` : 'links-hint'}
                    value={link()}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setLinks((ls) => ls.map((x, j) => (j === i ? v : x)));
                    }}
                  />
                  <Show when={links().length > 1 || link()}>
                    <button
                      type="button"
                      class="govuk-button govuk-button--secondary app-link-row__remove"
                      onClick={() => {
                        setLinks((ls) => (ls.length > 1 ? ls.filter((_, j) => j !== i) : ['']));
                        queueMicrotask(() => document.getElementById(`link-${Math.max(0, i - 1)}`)?.focus());
                      }}
                    >
                      Remove<span class="govuk-visually-hidden"> link {i + 1}</span>
                    </button>
                  </Show>
                </div>
              </div>
            )}
          </Index>
          <Show when={links().length < 10}>
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              onClick={() => {
                setLinks((ls) => [...ls, '']);
                queueMicrotask(() => document.getElementById(`link-${links().length - 1}`)?.focus());
              }}
            >
              Add another link
            </button>
          </Show>
        </fieldset>

        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(err('target-date')) }}>
          <label class="govuk-label govuk-label--s" for="target-date">
            Target date (optional)
          </label>
          <p class="govuk-hint" id="target-date-hint">
            When your agency expects to be ready. Leave blank to use the criterion's target date.
          </p>
          <ErrorText id="target-date" />
          <input class="govuk-input govuk-input--width-10" classList={{ 'govuk-input--error': Boolean(err('target-date')) }} id="target-date" name="targetDate" type="date" aria-describedby={describedBy('target-date')} value={targetDate()} onInput={(e) => setTargetDate(e.currentTarget.value)} />
        </div>

        <div class="app-button-group">
          <button type="submit" class="govuk-button" disabled={busy()}>
            Save assessment
          </button>
          <a href={detail} class="govuk-link app-button-group__link">
            Cancel
          </a>
        </div>
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
            <Page title="You cannot change this assessment">
              <p class="govuk-body">Only {ctx().agency.name}'s own officers assess its readiness. The programme lead confirms or challenges what they say.</p>
              <p class="govuk-body">
                <a class="govuk-link" href={`/readiness/${ctx().matrix.workstreamId}/${ctx().criterion.id}/${ctx().agency.id}`}>
                  See the assessment
                </a>
              </p>
            </Page>
          }
        >
          {/* Built once from the version shown: a refetch must not overwrite what the user is typing. */}
          <Form ctx={ctx()} />
        </Show>
      )}
    </AssessmentLoader>
  );
}
