import { useLocation } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { ValidateRequest } from '../../../../shared/readiness/schema.js';
import { ApiError } from '../../api/client.js';
import { getAssessmentHistory, validateAssessment } from '../../api/readiness.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { AssessmentLoader, useAssessment, type AssessmentContext } from './assessment-data.js';
import { day, DERIVATION_SOURCES, readinessTitle, StatusTag, ValidationTag, when } from './readiness-ui.js';
import './readiness.css';

function Row(props: { key: string; children: JSX.Element }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{props.key}</dt>
      <dd class="govuk-summary-list__value">{props.children}</dd>
    </div>
  );
}

/** The lead confirms (only ready or not applicable) or challenges, with a comment. */
function ValidateForm(props: { ctx: AssessmentContext; onDone: (message: string) => void }) {
  const [outcome, setOutcome] = createSignal<'confirmed' | 'challenged' | ''>('');
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const canConfirm = () => props.ctx.assessment.status === 'ready' || props.ctx.assessment.status === 'not-applicable';
  const fieldError = (f: string) => errors().find((e) => e.field === f)?.message;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!outcome()) {
      setErrors([{ field: canConfirm() ? 'outcome-confirmed' : 'outcome-challenged', message: 'Choose whether to confirm or challenge the assessment' }]);
      return;
    }
    const parsed = ValidateRequest.safeParse({ outcome: outcome(), comment: comment() });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => ({ field: i.path[0] === 'comment' ? 'validation-comment' : 'outcome-challenged', message: i.message })));
      return;
    }
    setBusy(true);
    try {
      await validateAssessment(props.ctx.criterion.id, props.ctx.agency.id, parsed.data, props.ctx.assessment.version);
      setErrors([]);
      setComment('');
      setOutcome('');
      props.onDone(parsed.data.outcome === 'confirmed' ? `You confirmed ${props.ctx.agency.name}'s assessment.` : `You challenged ${props.ctx.agency.name}'s assessment. They will see your comment.`);
    } catch (err) {
      const api = err instanceof ApiError ? err : null;
      setErrors(
        api?.errors.length
          ? api.errors.map((x) => ({ field: x.path === 'comment' ? 'validation-comment' : 'outcome-challenged', message: x.message }))
          : [{ message: api?.status === 412 ? 'The agency changed this assessment after you opened it. Read the new version, then decide again.' : (api?.detail ?? 'Your decision could not be saved. Try again.') }],
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="validate-heading">
      <h2 class="govuk-heading-m" id="validate-heading">
        Confirm or challenge
      </h2>
      <Show when={errors().length > 0 ? errors() : false} keyed>
        {(list) => <ErrorSummary errors={list} />}
      </Show>
      <form onSubmit={submit} novalidate>
        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(fieldError('outcome-confirmed') ?? fieldError('outcome-challenged')) }}>
          <fieldset class="govuk-fieldset" aria-describedby="outcome-hint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Your decision</legend>
            <p id="outcome-hint" class="govuk-hint">
              {canConfirm() ? 'Confirm when the evidence shows the criterion is met.' : 'You can confirm once the agency marks this ready or not applicable. You can challenge it now.'}
            </p>
            <Show when={fieldError('outcome-confirmed') ?? fieldError('outcome-challenged')}>
              {(m) => (
                <p class="govuk-error-message">
                  <span class="govuk-visually-hidden">Error:</span> {m()}
                </p>
              )}
            </Show>
            <div class="govuk-radios">
              <Show when={canConfirm()}>
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="outcome-confirmed" name="outcome" type="radio" value="confirmed" checked={outcome() === 'confirmed'} onChange={() => setOutcome('confirmed')} />
                  <label class="govuk-label govuk-radios__label" for="outcome-confirmed">
                    Confirm
                  </label>
                </div>
              </Show>
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id="outcome-challenged" name="outcome" type="radio" value="challenged" checked={outcome() === 'challenged'} onChange={() => setOutcome('challenged')} />
                <label class="govuk-label govuk-radios__label" for="outcome-challenged">
                  Challenge
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': Boolean(fieldError('validation-comment')) }}>
          <label class="govuk-label govuk-label--s" for="validation-comment">
            Comment
          </label>
          <p id="validation-comment-hint" class="govuk-hint">
            Needed when you challenge: say what evidence is missing or needs to change.
          </p>
          <Show when={fieldError('validation-comment')}>
            {(m) => (
              <p class="govuk-error-message" id="validation-comment-error">
                <span class="govuk-visually-hidden">Error:</span> {m()}
              </p>
            )}
          </Show>
          <textarea
            class="govuk-textarea"
            classList={{ 'govuk-textarea--error': Boolean(fieldError('validation-comment')) }}
            id="validation-comment"
            name="comment"
            rows="4"
            aria-describedby={fieldError('validation-comment') ? 'validation-comment-hint validation-comment-error' : 'validation-comment-hint'}
            value={comment()}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="govuk-button" disabled={busy()}>
          Save decision
        </button>
      </form>
    </section>
  );
}

function History(props: { ctx: AssessmentContext; version: number }) {
  const [events] = createResource(
    () => ({ c: props.ctx.criterion.id, a: props.ctx.agency.id, v: props.version }),
    ({ c, a }) => getAssessmentHistory(c, a),
  );
  return (
    <section aria-labelledby="history-heading">
      <h2 class="govuk-heading-m" id="history-heading">
        History
      </h2>
      <Show when={events.latest} fallback={events.error ? <p class="govuk-body">The history could not be loaded.</p> : <Loading label="Loading the history…" />}>
        {(h) => (
          <Show when={h().events.length > 0} fallback={<p class="govuk-body">No changes have been recorded yet.</p>}>
            <div class="app-table-scroll" role="region" aria-label="History of this assessment" tabindex="0">
              <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">Every change to this assessment, oldest first</caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">
                      When
                    </th>
                    <th scope="col" class="govuk-table__header">
                      Who
                    </th>
                    <th scope="col" class="govuk-table__header">
                      What happened
                    </th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  <For each={h().events}>
                    {(e) => (
                      <tr class="govuk-table__row">
                        <td class="govuk-table__cell">{when(e.at)}</td>
                        <td class="govuk-table__cell">{e.actor?.name ?? e.actor?.email ?? 'System'}</td>
                        <td class="govuk-table__cell">
                          {e.summary}
                          <Show when={typeof e.meta?.comment === 'string' && e.meta.comment}>
                            {(c) => <span class="app-readiness-cell__note">Comment: {c() as string}</span>}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}

function Detail(props: { ctx: () => AssessmentContext; refetch: () => void }) {
  const app = useApp();
  const loc = useLocation<{ flash?: string }>();
  const [flash, setFlash] = createSignal<string | undefined>(loc.state?.flash);
  const ctx = () => props.ctx();
  const a = () => ctx().assessment;
  const c = () => ctx().criterion;
  const me = () => app.me();
  const isOwnAgency = () => me()?.role === 'partner' && me()?.agencyId === ctx().agency.id;
  const base = () => `/readiness/${ctx().matrix.workstreamId}/${c().id}/${ctx().agency.id}`;
  const title = () => readinessTitle(ctx().matrix.workstreamId, ctx().matrix.workstreamName);
  return (
    <Page title={`${c().title}: ${ctx().agency.name}`} heading={c().title} caption={`${title()} · ${ctx().agency.name}`}>
      <Show when={flash()}>
        {(m) => (
          <NotificationBanner type="success">
            <p class="govuk-notification-banner__heading">{m()}</p>
          </NotificationBanner>
        )}
      </Show>
      <Show when={isOwnAgency() && a().validation?.outcome === 'challenged'}>
        <NotificationBanner title="The programme lead challenged this assessment">
          <p class="govuk-body">“{a().validation?.comment}”</p>
          <p class="govuk-body">Update your assessment to answer the challenge.</p>
        </NotificationBanner>
      </Show>

      <h2 class="govuk-heading-m">About this criterion</h2>
      <dl class="govuk-summary-list">
        <Row key="Description">{c().description || 'No description.'}</Row>
        <Row key="Evidence expected">{c().evidenceExpected || 'Not specified.'}</Row>
        <Row key="Target date">{day(c().targetDate)}</Row>
        <Show when={c().derivedFrom}>
          {(d) => (
            <Row key="Derived">
              <a class="govuk-link" href={DERIVATION_SOURCES[d()].href}>
                {DERIVATION_SOURCES[d()].text}
              </a>
            </Row>
          )}
        </Show>
      </dl>

      <h2 class="govuk-heading-m">{ctx().agency.name}'s assessment</h2>
      <dl class="govuk-summary-list" data-testid="assessment">
        <Row key="Status">
          <StatusTag status={a().status} />
        </Row>
        <Row key="Evidence">
          <Show when={a().evidence} fallback="None given.">
            <span class="app-preserve-lines">{a().evidence}</span>
          </Show>
        </Row>
        <Row key="Links">
          <Show when={a().links.length > 0} fallback="None given.">
            <ul class="govuk-list">
              <For each={a().links}>
                {(l) => (
                  <li>
                    <a class="govuk-link app-code" href={l} rel="noopener noreferrer" target="_blank">
                      {l} (opens in new tab)
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Row>
        <Row key="Target date">
          {day(a().targetDate)}
          <Show when={a().overdue}>
            {' '}
            <strong class="govuk-tag govuk-tag--red">Overdue</strong>
          </Show>
        </Row>
        <Show when={a().status === 'not-applicable'}>
          <Row key="Why it does not apply">{a().reason ?? 'No reason given.'}</Row>
        </Show>
        <Row key="Last updated">{a().updatedAt ? `${when(a().updatedAt!)} by ${a().updatedByName ?? app.agencyName(a().agencyId)}` : 'Not assessed yet'}</Row>
        <Row key="Validation">
          <Show when={a().validation} fallback={a().version > 0 && (a().status === 'ready' || a().status === 'not-applicable') ? 'Waiting for the programme lead to check it' : 'Not checked yet'}>
            {(v) => (
              <>
                <ValidationTag validation={v()} /> by {v().byName}, {when(v().at)}
                <Show when={v().comment}>
                  <span class="app-readiness-cell__note">“{v().comment}”</span>
                </Show>
              </>
            )}
          </Show>
        </Row>
      </dl>

      <Show when={isOwnAgency() && !c().derived}>
        <p class="govuk-body">
          <a href={`${base()}/edit`} class="govuk-button" draggable="false">
            {a().version > 0 ? 'Update your assessment' : 'Assess this criterion'}
          </a>
        </p>
      </Show>

      <Show when={me()?.role === 'lead'}>
        <Show when={a().version > 0} fallback={<p class="govuk-body">{ctx().agency.name} has not assessed this criterion yet, so there is nothing to confirm.</p>}>
          <ValidateForm
            ctx={ctx()}
            onDone={(m) => {
              setFlash(m);
              props.refetch();
              window.scrollTo(0, 0);
            }}
          />
        </Show>
        <History ctx={ctx()} version={a().version} />
      </Show>

      <p class="govuk-body">
        <a href={`/readiness/${ctx().matrix.workstreamId}`} class="govuk-link">
          Back to {title()}
        </a>
      </p>
    </Page>
  );
}

/** `/readiness/:workstreamId/:criterionId/:agencyId`: one agency's assessment of one criterion. */
export function AssessmentDetailPage() {
  const data = useAssessment();
  return <AssessmentLoader data={data}>{(ctx) => <Detail ctx={ctx} refetch={() => void data.refetch()} />}</AssessmentLoader>;
}
