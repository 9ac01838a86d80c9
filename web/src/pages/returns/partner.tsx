import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { blockingWarnings, type Warning } from '../../../../shared/pii/detect.js';
import { isEditable, sectionToDo, submitErrors, type SectionLike } from '../../../../shared/returns/rules.js';
import type { Period } from '../../../../shared/periods/period.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { ApiError } from '../../api/client.js';
import { getReturn, listPeriods, listWorkstreams, submitReturn, type ReturnView } from '../../api/returns.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import {
  DueDate,
  EmptyStateLink,
  ErrorPage,
  periodChoice,
  ReturnLoading,
  formatDateTime,
  ProgressTag,
  RagKey,
  SectionSummary,
  sectionWarnings,
  StatusTag,
  takeReturnsFlash,
} from './common.js';

/*
 * The partner's return: task list of sections, check your answers and submit, confirmation.
 * The section form is in section-form.tsx.
 */

/** Under a section in the task list: why it is still in progress, so "In progress" always has a reason. */
function taskHint(s: SectionLike): string | null {
  const rest = sectionToDo(s).slice(0, s.carriedForward ? -1 : undefined);
  const needed = rest.length ? `Still needed: ${rest.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join('; ')}.` : '';
  if (s.carriedForward) return `Carried forward from last quarter: check and update${needed ? `. ${needed}` : ''}`;
  return needed || null;
}

export const ourReturnPath = (periodId: string) => `/our-return/${periodId}`;
export const sectionPath = (periodId: string, workstreamId: string, focus?: string) =>
  `/our-return/${periodId}/section/${workstreamId}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`;

/** The partner's agency and the workstream names, from the app-wide data. */
export function usePartner() {
  const app = useApp();
  const agencyId = () => app.me()?.agencyId ?? '';
  const workstreamName = (id: string) => {
    const data = app.partnership.state === 'ready' ? app.partnership() : undefined;
    return data?.workstreams.find((w) => w.id === id)?.name ?? id;
  };
  return { app, agencyId, workstreamName };
}

/** Periods and the partner's return for one of them (the open period when none is named). */
export function usePartnerReturn(periodIdParam: () => string | undefined) {
  const { agencyId } = usePartner();
  const [periods] = createResource(listPeriods);
  const period = createMemo<Period | undefined | null>(() => {
    if (periods.state !== 'ready') return undefined;
    return periodChoice(periods(), periodIdParam()) ?? null;
  });
  const [ret, { refetch, mutate }] = createResource(
    () => {
      const p = period();
      return p && agencyId() ? `${p.id}|${agencyId()}` : undefined;
    },
    (key) => {
      const [p, a] = key.split('|') as [string, string];
      return getReturn(p, a);
    },
  );
  return { periods, period, ret, refetch, mutate, agencyId };
}

export function editableIn(view: ReturnView, period: Period | undefined | null): boolean {
  return isEditable(view.status) && period?.status === 'open';
}

// ---------------------------------------------------------------------------------------------
// Task list

function OurReturnPageContent() {
  const params = useParams<{ periodId?: string }>();
  const { app, workstreamName } = usePartner();
  const { periods, period, ret } = usePartnerReturn(() => params.periodId);
  const flash = takeReturnsFlash();
  const agencyName = () => app.agencyName(app.me()?.agencyId) ?? '';

  return (
    <Switch fallback={<ReturnLoading title="Our return" label="Loading your return…" />}>
      <Match when={periods.error || ret.error}>
        <ErrorPage title="Our return" error={periods.error ?? ret.error} back={{ href: '/our-return', text: 'Go to your current return' }} />
      </Match>
      <Match when={period() === null}>
        <Page title="Our return" caption={agencyName()}>
          <Show
            when={params.periodId}
            fallback={
              <EmptyStateLink
                text="No reporting period is open yet. Your return will open here when the programme lead opens the next quarter; your previous answers will carry forward."
                href="/"
                link="Back to your home page"
              />
            }
          >
            <EmptyStateLink text={`There is no reporting period ${params.periodId}. Check the address, or choose a period from your current return page.`} href="/our-return" link="Go to your current return" />
          </Show>
        </Page>
      </Match>
      <Match when={ret.state === 'ready' && period() && ret()}>
        {(_) => {
          const view = () => ret()!.data;
          const p = () => period()!;
          const editable = () => editableIn(view(), p());
          const done = () => view().sections.filter((s) => s.progress === 'completed').length;
          const lastComment = () => view().review.comments.at(-1);
          const otherPeriods = () => (periods() ?? []).filter((x) => x.id !== p().id);
          return (
            <Page title={`Your return for ${periodLabel(p().id)}`} caption={agencyName()}>
              <Show when={flash}>
                {(f) => (
                  <NotificationBanner {...(f().todo?.length ? {} : { type: 'success' as const })} title={f().todo?.length ? 'Important' : 'Success'}>
                    <h3 class="govuk-notification-banner__heading">{f().title}</h3>
                    <p class="govuk-body">{f().body}</p>
                    <Show when={f().todo?.length}>
                      <ul class="govuk-list govuk-list--bullet">
                        <For each={f().todo}>{(item) => <li>{item}</li>}</For>
                      </ul>
                    </Show>
                  </NotificationBanner>
                )}
              </Show>
              <Show when={view().status === 'returned' && lastComment()}>
                {(c) => (
                  <NotificationBanner title="Returned with comments">
                    <h3 class="govuk-notification-banner__heading">The programme lead has returned your return</h3>
                    <blockquote class="app-ret-comment">
                      <p class="app-multiline">{c().comment}</p>
                      <footer class="app-secondary-text">
                        {c().byName ?? 'The programme lead'}, {formatDateTime(c().at)}
                      </footer>
                    </blockquote>
                    <p class="govuk-body">Make the changes, then check your answers and submit the return again.</p>
                  </NotificationBanner>
                )}
              </Show>
              <Show when={view().status === 'submitted'}>
                <NotificationBanner title="Submitted">
                  <p class="govuk-notification-banner__heading">
                    You submitted this return on {formatDateTime(view().submittedAt)}. The programme lead is reviewing it.
                  </p>
                </NotificationBanner>
              </Show>
              <Show when={view().status === 'accepted'}>
                <NotificationBanner title="Accepted">
                  <p class="govuk-notification-banner__heading">The programme lead accepted this return on {formatDateTime(view().acceptedAt)}.</p>
                </NotificationBanner>
              </Show>

              <dl class="govuk-summary-list app-summary-list app-return-facts">
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Period</dt>
                  <dd class="govuk-summary-list__value">
                    {periodLabel(p().id)} ({periodLongLabel(p().id)})
                  </dd>
                </div>
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Due</dt>
                  <dd class="govuk-summary-list__value">
                    <DueDate dueDate={view().dueDate ?? p().dueDate} overdue={view().overdue} label={formatDayLong(view().dueDate ?? p().dueDate)} />
                  </dd>
                </div>
                <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                  <dt class="govuk-summary-list__key">Status</dt>
                  <dd class="govuk-summary-list__value">
                    <StatusTag status={view().status} />
                  </dd>
                </div>
              </dl>

              <Show
                when={editable()}
                fallback={
                  <>
                    <p class="govuk-body">
                      <Show when={p().status === 'closed'} fallback="You cannot change this return now.">
                        This reporting period is closed, so the return can no longer be changed.
                      </Show>
                    </p>
                    <p class="govuk-body">
                      <A class="govuk-link" href={`${ourReturnPath(p().id)}/check`}>
                        View your answers for {periodLabel(p().id)}
                      </A>
                    </p>
                  </>
                }
              >
                <h2 class="govuk-heading-m">Complete each section</h2>
                <p class="govuk-body">
                  There is a section for each workstream your agency contributes to. You have completed {done()} of {view().sections.length} sections. Your answers
                  are saved as you complete each section.
                </p>
                <Show when={view().warnings.length > 0}>
                  <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <div class="govuk-warning-text__text">
                      <span class="govuk-visually-hidden">Warning: </span>
                      Some answers may contain personal details, in:{' '}
                      {[...new Set(view().warnings.map((w) => view().sections[Number(/^sections\[(\d+)\]/.exec(w.path)?.[1] ?? -1)]?.workstreamId))]
                        .filter(Boolean)
                        .map((id) => workstreamName(id!))
                        .join('; ')}
                      . Check them before you submit.
                    </div>
                  </div>
                </Show>
                <ul class="govuk-task-list">
                  <For each={view().sections}>
                    {(s) => {
                      const idBase = `task-${s.workstreamId}`;
                      return (
                        <li class="govuk-task-list__item govuk-task-list__item--with-link">
                          <div class="govuk-task-list__name-and-hint">
                            <A
                              class="govuk-link govuk-task-list__link"
                              href={sectionPath(p().id, s.workstreamId)}
                              aria-describedby={`${taskHint(s) ? `${idBase}-hint ` : ''}${idBase}-status`}
                            >
                              {workstreamName(s.workstreamId)}
                            </A>
                            <Show when={taskHint(s)}>
                              {(hint) => (
                                <div class="govuk-task-list__hint" id={`${idBase}-hint`}>
                                  {hint()}
                                </div>
                              )}
                            </Show>
                          </div>
                          <div class="govuk-task-list__status">
                            <ProgressTag progress={s.progress ?? 'not-started'} id={`${idBase}-status`} />
                          </div>
                        </li>
                      );
                    }}
                  </For>
                </ul>
                <A href={`${ourReturnPath(p().id)}/check`} class="govuk-button">
                  Check your answers and submit
                </A>
              </Show>

              <Show when={otherPeriods().length > 0}>
                <h2 class="govuk-heading-m">Other quarters</h2>
                <ul class="govuk-list">
                  <For each={otherPeriods()}>
                    {(x) => (
                      <li>
                        <A class="govuk-link" href={ourReturnPath(x.id)}>
                          {periodLabel(x.id)} ({periodLongLabel(x.id)})
                        </A>
                        <Show when={x.status === 'closed'}> – closed, read only</Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Page>
          );
        }}
      </Match>
    </Switch>
  );
}

// ---------------------------------------------------------------------------------------------
// Check your answers and submit

function CheckAnswersPageContent() {
  const params = useParams<{ periodId: string }>();
  const navigate = useNavigate();
  const { app, workstreamName } = usePartner();
  const { periods, period, ret, refetch, mutate } = usePartnerReturn(() => params.periodId);
  const [workstreams] = createResource(listWorkstreams);
  const [errors, setErrors] = createSignal<SummaryError[] | null>(null);
  const [errorTitle, setErrorTitle] = createSignal<string | undefined>();
  const [conflict, setConflict] = createSignal(false);
  const [ack, setAck] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);

  const names = {
    workstreamName,
    milestone: (id: string) => workstreams()?.flatMap((w) => w.milestones).find((m) => m.id === id),
  };

  const agencyName = () => app.agencyName(app.me()?.agencyId) ?? '';

  const errorFor = (view: ReturnView, path: string, message: string): SummaryError => {
    const m = /^sections\[(\d+)\]\.?([^[.]*)/.exec(path);
    const s = m ? view.sections[Number(m[1])] : undefined;
    if (!s) return { message };
    return { message, href: sectionPath(view.periodId, s.workstreamId, m![2] || undefined) };
  };

  const submit = async (view: ReturnView, etag: string | undefined) => {
    setErrors(null);
    setConflict(false);
    const required = view.requiredWorkstreamIds ?? view.sections.map((s) => s.workstreamId);
    const nameMap = Object.fromEntries(view.sections.map((s) => [s.workstreamId, workstreamName(s.workstreamId)]));
    const incomplete = submitErrors(view.sections, required, nameMap);
    if (incomplete.length) {
      setErrorTitle('Your return is not complete yet');
      setErrors(incomplete.map((e) => errorFor(view, e.path, e.message)));
      return;
    }
    const blocking = blockingWarnings(view.warnings);
    if (blocking.length) {
      setErrorTitle('Remove the personal details before you submit');
      setErrors(blocking.map((w) => errorFor(view, w.path, `${workstreamName(sectionOf(view, w)?.workstreamId ?? '')}: ${w.message}`)));
      return;
    }
    if (view.warnings.length && !ack()) {
      setErrorTitle('There is a problem');
      setErrors([{ field: 'acknowledge', message: 'Check the answers that may contain personal details, then confirm they are not personal details' }]);
      return;
    }
    setSubmitting(true);
    try {
      await submitReturn(view.periodId, view.agencyId, etag, ack());
      navigate(`${ourReturnPath(view.periodId)}/submitted`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 412 || err.status === 428)) {
        setConflict(true);
      } else if (err instanceof ApiError && err.status === 422) {
        setErrorTitle(err.detail);
        setErrors(err.errors.map((e) => errorFor(view, e.path, e.message)));
        const fresh = await getReturn(view.periodId, view.agencyId).catch(() => undefined);
        if (fresh) mutate(fresh);
      } else {
        setErrorTitle('There is a problem');
        setErrors([{ message: err instanceof ApiError ? err.detail : 'The return could not be submitted. Check your connection and try again.' }]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Switch fallback={<ReturnLoading title="Check your answers" label="Loading your answers…" />}>
      <Match when={periods.error || ret.error || period() === null}>
        <ErrorPage title="Check your answers" error={periods.error ?? ret.error ?? new ApiError(404, { detail: `There is no reporting period ${params.periodId}.` })} back={{ href: '/our-return', text: 'Go to your current return' }} />
      </Match>
      <Match when={ret.state === 'ready' && period() && ret()}>
        {(_) => {
          const view = () => ret()!.data;
          const p = () => period()!;
          const editable = () => editableIn(view(), p());
          const needsAck = () => view().warnings.length > 0 && blockingWarnings(view().warnings).length === 0;
          return (
            <>
              <A class="govuk-back-link" href={ourReturnPath(p().id)}>
                Back to your return
              </A>
              <Page
                title={editable() ? 'Check your answers before you submit your return' : `Your return for ${periodLabel(p().id)}`}
                caption={editable() ? `${agencyName()}: return for ${periodLabel(p().id)}` : agencyName()}
                hasErrors={!!errors()?.length}
              >
                <Show when={errors()} keyed>
                  {(list) => <ErrorSummary errors={list} title={errorTitle()} />}
                </Show>
                <Show when={conflict()}>
                  <ErrorSummary errors={[]} title="Your return has changed since you opened this page">
                    <p class="govuk-body">Someone else in your agency saved the return after you opened this page, so it was not submitted. Reload the page to check the latest answers, then submit again.</p>
                    <button
                      type="button"
                      class="govuk-button govuk-button--secondary app-button--tight"
                      onClick={() => {
                        setConflict(false);
                        void refetch();
                      }}
                    >
                      Reload the latest answers
                    </button>
                  </ErrorSummary>
                </Show>
                <Show when={!editable()}>
                  <p class="govuk-body">
                    Status: <StatusTag status={view().status} />
                  </p>
                </Show>
                <RagKey />
                <Show when={workstreams.state === 'ready'} fallback={<Loading label="Loading milestones…" />}>
                  <For each={view().sections}>
                    {(s, i) => (
                      <div class="app-summary-card" id={`section-${s.workstreamId}`}>
                        <div class="app-summary-card__title-wrapper">
                          <h2 class="app-summary-card__title">{workstreamName(s.workstreamId)}</h2>
                          <ProgressTag progress={s.progress ?? 'not-started'} />
                        </div>
                        <div class="app-summary-card__content">
                          <SectionSummary
                            section={s}
                            names={names}
                            warnings={sectionWarnings(view().warnings, i())}
                            {...(editable() ? { change: (field: string) => sectionPath(p().id, s.workstreamId, field) } : {})}
                          />
                        </div>
                      </div>
                    )}
                  </For>
                </Show>
                <Show when={editable()}>
                  <h2 class="govuk-heading-m">Now submit your return</h2>
                  <p class="govuk-body">
                    By submitting this return you confirm that, to the best of your knowledge, the answers are correct and hold programme information only: no
                    child's or family member's name, date of birth, NHS number or address.
                  </p>
                  <Show when={needsAck()}>
                    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!errors()?.some((e) => e.field === 'acknowledge') }}>
                      <fieldset class="govuk-fieldset" aria-describedby="acknowledge-hint">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Possible personal details</legend>
                        <div class="govuk-hint" id="acknowledge-hint">
                          Some answers look like they may contain personal details (shown with a warning above). Remove them, or confirm they are about an office,
                          a service or a programme date, not a person.
                        </div>
                        <Show when={errors()?.some((e) => e.field === 'acknowledge')}>
                          <p class="govuk-error-message" id="acknowledge-error">
                            <span class="govuk-visually-hidden">Error:</span> Confirm these are not personal details
                          </p>
                        </Show>
                        <div class="govuk-checkboxes govuk-checkboxes--small">
                          <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id="acknowledge" type="checkbox" checked={ack()} onChange={(e) => setAck(e.currentTarget.checked)} />
                            <label class="govuk-label govuk-checkboxes__label" for="acknowledge">
                              I have checked: these are not personal details
                            </label>
                          </div>
                        </div>
                      </fieldset>
                    </div>
                  </Show>
                  <button type="button" class="govuk-button" disabled={submitting()} onClick={() => void submit(view(), ret()!.etag)}>
                    {submitting() ? 'Submitting…' : 'Submit return'}
                  </button>
                </Show>
              </Page>
            </>
          );
        }}
      </Match>
    </Switch>
  );
}

function sectionOf(view: ReturnView, w: Warning) {
  const m = /^sections\[(\d+)\]/.exec(w.path);
  return m ? view.sections[Number(m[1])] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Confirmation

function ReturnSubmittedPageContent() {
  const params = useParams<{ periodId: string }>();
  const { app } = usePartner();
  const agencyName = () => app.agencyName(app.me()?.agencyId) ?? '';
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <Page title="Return submitted">
          <div class="govuk-panel__body">
            {agencyName()}
            <br />
            {periodLabel(params.periodId)} return
          </div>
        </Page>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">The programme lead will review your return. They will either accept it or return it to you with comments saying what to change.</p>
      <p class="govuk-body">If it is returned, you will see their comments at the top of your return page. Make the changes and submit it again.</p>
      <p class="govuk-body">
        <A class="govuk-link" href={`${ourReturnPath(params.periodId)}/check`}>
          View your submitted return
        </A>
      </p>
      <p class="govuk-body">
        <A class="govuk-link" href="/">
          Back to your home page
        </A>
      </p>
    </>
  );
}

// Every returns page sits in .app-returns, which scopes returns.css to these pages.

export function OurReturnPage() {
  return (
    <div class="app-returns">
      <OurReturnPageContent />
    </div>
  );
}

export function CheckAnswersPage() {
  return (
    <div class="app-returns">
      <CheckAnswersPageContent />
    </div>
  );
}

export function ReturnSubmittedPage() {
  return (
    <div class="app-returns">
      <ReturnSubmittedPageContent />
    </div>
  );
}
