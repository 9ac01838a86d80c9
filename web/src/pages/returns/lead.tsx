import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { CONFIDENCE_LABELS, RETURN_STATUS_LABELS, type Confidence, type ReturnStatus } from '../../../../shared/returns/schema.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { ApiError } from '../../api/client.js';
import {
  acceptReturn,
  getReturn,
  getReturnHistory,
  listPeriods,
  listReturns,
  listWorkstreams,
  sendBackReturn,
  type AuditEvent,
  type ReturnListRow,
} from '../../api/returns.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { createKeyedResource, QueryResults } from '../../components/results.js';
import { useApp } from '../../state.js';
import {
  EmptyStateLink,
  ErrorPage,
  formatDateTime,
  periodChoice,
  RagKey,
  RagTag,
  ReturnLoading,
  SectionSummary,
  StatusTag,
} from './common.js';
import { count } from '../../../../shared/text/plural.js';

/*
 * The programme lead's returns: every agency's return for a period, and one return to read,
 * accept or send back with comments, with its history. Executives read the same pages without
 * the review controls or the history (the audit trail is the lead's).
 */

const returnPath = (periodId: string, agencyId: string) => `/returns/${periodId}/${agencyId}`;

// ---------------------------------------------------------------------------------------------
// All agencies' returns for a period

function ReturnsListPageContent() {
  const params = useParams<{ periodId?: string }>();
  const navigate = useNavigate();
  const [periods] = createResource(listPeriods);
  const period = createMemo(() => (periods.state === 'ready' ? (periodChoice(periods(), params.periodId) ?? null) : undefined));
  // Rows only for the period on show: another period's rows never sit under this period's heading.
  const [rows] = createKeyedResource(() => period()?.id, listReturns);
  // eslint-disable-next-line solid/reactivity
  const [chosen, setChosen] = createSignal(params.periodId ?? '');

  const count = (pred: (r: ReturnListRow) => boolean) => (rows() ?? []).filter(pred).length;

  return (
    <Switch fallback={<ReturnLoading title="Quarterly returns" label="Loading returns…" />}>
      <Match when={periods.error || rows.error}>
        <ErrorPage title="Quarterly returns" error={periods.error ?? rows.error} back={{ href: '/returns', text: 'Go to the current period' }} />
      </Match>
      <Match when={period() === null}>
        <Page title="Quarterly returns">
          <Show
            when={params.periodId}
            fallback={
              <EmptyStateLink
                text="No reporting period has been opened yet. When a period is opened, each agency drafts its return and you will see their progress here."
                href="/"
                link="Back to your home page"
              />
            }
          >
            <EmptyStateLink text={`There is no reporting period ${params.periodId}. Check the address or choose another period.`} href="/returns" link="Go to the current period" />
          </Show>
        </Page>
      </Match>
      <Match when={period()}>
        {(p) => (
          <Page title={`Quarterly returns for ${periodLabel(p().id)}`} caption={periodLongLabel(p().id)}>
            <form
              class="app-period-chooser"
              onSubmit={(e) => {
                e.preventDefault();
                const id = chosen() || p().id;
                navigate(`/returns/${id}`);
              }}
            >
              <div class="govuk-form-group">
                <label class="govuk-label" for="period">
                  Reporting period
                </label>
                <select class="govuk-select" id="period" onChange={(e) => setChosen(e.currentTarget.value)}>
                  <For each={periods()}>
                    {(x) => (
                      <option value={x.id} selected={x.id === p().id}>
                        {periodLabel(x.id)} ({periodLongLabel(x.id)}){x.status === 'open' ? ', open' : ', closed'}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <button type="submit" class="govuk-button govuk-button--secondary">
                Show returns
              </button>
            </form>

            <QueryResults
              data={rows}
              loading="Loading returns…"
              error={null}
              summary={(list) => (
                <>
                  Due by <strong>{formatDayLong(p().dueDate)}</strong>. {count((r) => r.status === 'submitted' || r.status === 'accepted')} of {list().length} returns submitted
                  {count((r) => r.status === 'submitted') ? `, ${count((r) => r.status === 'submitted')} waiting for your review` : ''}
                  {count((r) => r.overdue) ? `, ${count((r) => r.overdue)} overdue` : ''}.
                </>
              )}
            >
              {(list) => (
                <Show
                  when={list().length > 0}
                  fallback={<p class="govuk-body">No agency reports on this period yet. Agencies appear here when they contribute to at least one workstream.</p>}
                >
                  <div class="app-table-scroll" role="region" aria-label={`Returns for ${periodLabel(p().id)}`} tabindex="0">
                    <table class="govuk-table app-returns-table">
                      <caption class="govuk-table__caption govuk-table__caption--m">Returns by agency</caption>
                      <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                          <th scope="col" class="govuk-table__header">
                            Agency
                          </th>
                          <th scope="col" class="govuk-table__header">
                            Status
                          </th>
                          <th scope="col" class="govuk-table__header">
                            Due
                          </th>
                          <th scope="col" class="govuk-table__header">
                            Last change
                          </th>
                        </tr>
                      </thead>
                      <tbody class="govuk-table__body">
                        <For each={list()}>
                          {(r) => (
                            <tr class="govuk-table__row">
                              <th scope="row" class="govuk-table__header">
                                <A class="govuk-link" href={returnPath(r.periodId, r.agencyId)}>
                                  {r.agencyName}
                                  <span class="govuk-visually-hidden">: {RETURN_STATUS_LABELS[r.status as ReturnStatus]} return</span>
                                </A>
                              </th>
                              <td class="govuk-table__cell">
                                <StatusTag status={r.status} />
                                <Show when={r.status === 'submitted'}>
                                  <br />
                                  <span class="app-secondary-text">Ready for review</span>
                                </Show>
                              </td>
                              <td class="govuk-table__cell">
                                {formatDayLong(r.dueDate)}
                                <Show when={r.overdue}>
                                  {' '}
                                  <strong class="govuk-tag govuk-tag--red">Overdue</strong>
                                </Show>
                              </td>
                              <td class="govuk-table__cell">
                                {r.acceptedAt
                                  ? `Accepted ${formatDateTime(r.acceptedAt)}`
                                  : r.submittedAt && r.status === 'submitted'
                                    ? `Submitted ${formatDateTime(r.submittedAt)}`
                                    : r.updatedAt
                                      ? `Saved ${formatDateTime(r.updatedAt)}`
                                      : 'Not started'}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              )}
            </QueryResults>
          </Page>
        )}
      </Match>
    </Switch>
  );
}

// ---------------------------------------------------------------------------------------------
// One return: read, review, history

function ReturnReviewPageContent() {
  const params = useParams<{ periodId: string; agencyId: string }>();
  const app = useApp();
  const isLead = () => app.me()?.role === 'lead';
  // The title comes from the address: show a return only under its own agency and period.
  const [ret, { refetch, mutate }] = createKeyedResource(
    () => [params.periodId, params.agencyId] as const,
    ([p, a]) => getReturn(p, a),
  );
  const [workstreams] = createResource(listWorkstreams);
  const [history, { refetch: refetchHistory }] = createResource(
    () => (isLead() ? `${params.periodId}|${params.agencyId}` : undefined),
    (k) => {
      const [p, a] = k.split('|') as [string, string];
      return getReturnHistory(p, a);
    },
  );
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[] | null>(null);
  const [commentError, setCommentError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);

  const agencyName = () => app.agencyName(params.agencyId) ?? params.agencyId;
  const wsName = (id: string) => workstreams()?.find((w) => w.id === id)?.name ?? app.partnership()?.workstreams.find((w) => w.id === id)?.name ?? id;
  const names = { workstreamName: wsName, milestone: (id: string) => workstreams()?.flatMap((w) => w.milestones).find((m) => m.id === id) };

  const act = async (action: 'accept' | 'return') => {
    setErrors(null);
    setCommentError(undefined);
    if (action === 'return' && !comment().trim()) {
      setCommentError('Enter a comment telling the agency what to change');
      setErrors([{ field: 'comment', message: 'Enter a comment telling the agency what to change' }]);
      return;
    }
    const cur = ret();
    if (!cur) return;
    setBusy(true);
    try {
      const res =
        action === 'accept'
          ? await acceptReturn(params.periodId, params.agencyId, cur.etag)
          : await sendBackReturn(params.periodId, params.agencyId, comment().trim(), cur.etag);
      mutate(res);
      setComment('');
      setDone(action === 'accept' ? `You accepted the return from ${agencyName()}. It is now locked.` : `You sent the return back to ${agencyName()} with your comments. They can now change it and submit it again.`);
      void refetchHistory();
      queueMicrotask(() => document.getElementById('review-done')?.focus());
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
        setErrors([{ message: `${e.status === 412 ? 'The return changed while you were reading it.' : e.detail} Reload the page to see the latest version.` }]);
        void refetch();
      } else if (e instanceof ApiError && e.errors.length) {
        setCommentError(e.errors[0]!.message);
        setErrors(e.errors.map((x) => ({ field: 'comment', message: x.message })));
      } else {
        setErrors([{ message: e instanceof ApiError ? e.detail : 'That did not work. Check your connection and try again.' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Switch fallback={<ReturnLoading title={`${agencyName()} return`} label="Loading the return…" />}>
      <Match when={ret.error}>
        <ErrorPage title="Return" error={ret.error} back={{ href: isLead() ? `/returns/${params.periodId}` : '/', text: isLead() ? 'Back to all returns for this period' : 'Back to your home page' }} />
      </Match>
      <Match when={ret()}>
        {(_) => {
          const view = () => ret()!.data;
          return (
            <>
              <Show when={isLead()}>
                <A class="govuk-back-link" href={`/returns/${params.periodId}`}>
                  All returns for {periodLabel(params.periodId)}
                </A>
              </Show>
              <Page title={`${agencyName()}: return for ${periodLabel(params.periodId)}`} caption={periodLongLabel(params.periodId)} hasErrors={!!errors()?.length}>
                <Show when={errors()} keyed>
                  {(list) => <ErrorSummary errors={list} />}
                </Show>
                <Show when={done()}>
                  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="review-done-title" id="review-done" tabindex="-1">
                    <div class="govuk-notification-banner__header">
                      <h2 class="govuk-notification-banner__title" id="review-done-title">
                        Success
                      </h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                      <p class="govuk-notification-banner__heading">{done()}</p>
                    </div>
                  </div>
                </Show>

                <dl class="govuk-summary-list app-summary-list app-return-facts">
                  <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                    <dt class="govuk-summary-list__key">Status</dt>
                    <dd class="govuk-summary-list__value">
                      <StatusTag status={view().status} />
                      <Show when={view().overdue}>
                        {' '}
                        <strong class="govuk-tag govuk-tag--red">Overdue</strong>
                      </Show>
                    </dd>
                  </div>
                  <Show when={view().dueDate}>
                    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                      <dt class="govuk-summary-list__key">Due</dt>
                      <dd class="govuk-summary-list__value">{formatDayLong(view().dueDate!)}</dd>
                    </div>
                  </Show>
                  <Show when={view().submittedAt}>
                    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                      <dt class="govuk-summary-list__key">Submitted</dt>
                      <dd class="govuk-summary-list__value">
                        {formatDateTime(view().submittedAt)} by {view().submittedByName ?? 'a partner officer'}
                      </dd>
                    </div>
                  </Show>
                  <Show when={isLead() && view().status === 'submitted'}>
                    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                      <dt class="govuk-summary-list__key">Your review</dt>
                      <dd class="govuk-summary-list__value">
                        <a
                          class="govuk-link"
                          href="#comment"
                          onClick={(e) => {
                            e.preventDefault();
                            const el = document.getElementById('comment');
                            el?.scrollIntoView({ block: 'center' });
                            el?.focus();
                          }}
                        >
                          Accept or return this return
                        </a>
                      </dd>
                    </div>
                  </Show>
                  <Show when={view().acceptedAt}>
                    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                      <dt class="govuk-summary-list__key">Accepted</dt>
                      <dd class="govuk-summary-list__value">
                        {formatDateTime(view().acceptedAt)} by {view().acceptedByName ?? 'the programme lead'}
                      </dd>
                    </div>
                  </Show>
                </dl>

                <Show when={view().status === 'not-started'}>
                  <div class="govuk-inset-text">
                    <p class="govuk-body">
                      {agencyName()} has not started this return yet.
                      {view().sections.some((s) => s.carriedForward) ? ' The answers below are carried forward from their last accepted return and have not been checked.' : ''}
                    </p>
                  </div>
                </Show>

                <h2 class="govuk-heading-m">Delivery confidence by workstream</h2>
                <div class="app-table-scroll" role="region" aria-label="Delivery confidence by workstream" tabindex="0">
                  <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">Delivery confidence by workstream</caption>
                    <thead class="govuk-table__head">
                      <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">
                          Workstream
                        </th>
                        <th scope="col" class="govuk-table__header">
                          Delivery confidence
                        </th>
                        <th scope="col" class="govuk-table__header">
                          Risks
                        </th>
                        <th scope="col" class="govuk-table__header">
                          Escalations
                        </th>
                      </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                      <For each={view().sections}>
                        {(s) => (
                          <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                              <a
                                class="govuk-link"
                                href={`#section-${s.workstreamId}`}
                                onClick={(e) => {
                                  e.preventDefault();
                                  const el = document.getElementById(`section-${s.workstreamId}`);
                                  el?.scrollIntoView();
                                  el?.focus();
                                }}
                              >
                                {wsName(s.workstreamId)}
                              </a>
                            </th>
                            <td class="govuk-table__cell">
                              <RagTag confidence={s.confidence} />
                            </td>
                            <td class="govuk-table__cell">{s.risks.length}</td>
                            <td class="govuk-table__cell">{s.escalations.length}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <RagKey />

                <Show when={view().review.comments.length > 0}>
                  <h2 class="govuk-heading-m">Review comments</h2>
                  <ul class="govuk-list app-ret-comment-list">
                    <For each={view().review.comments}>
                      {(c) => (
                        <li>
                          <blockquote class="app-ret-comment">
                            <p class="app-multiline">{c.comment}</p>
                            <footer class="app-secondary-text">
                              {c.byName ?? 'The programme lead'}, {formatDateTime(c.at)}
                            </footer>
                          </blockquote>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>

                <Show when={workstreams.state === 'ready'} fallback={<Loading label="Loading sections…" />}>
                  <For each={view().sections}>
                    {(s) => (
                      <section class="app-summary-card" id={`section-${s.workstreamId}`} tabindex="-1" aria-labelledby={`section-${s.workstreamId}-title`}>
                        <div class="app-summary-card__title-wrapper">
                          <h2 class="app-summary-card__title" id={`section-${s.workstreamId}-title`}>
                            {wsName(s.workstreamId)}
                          </h2>
                          <RagTag confidence={s.confidence} />
                        </div>
                        <div class="app-summary-card__content">
                          <SectionSummary section={s} names={names} risksAsTable />
                        </div>
                      </section>
                    )}
                  </For>
                </Show>

                <Show when={isLead() && view().status === 'submitted'}>
                  <h2 class="govuk-heading-m">Review this return</h2>
                  <p class="govuk-body">Accept the return if it is complete and clear; it is then locked. Otherwise return it with comments saying what to change.</p>
                  <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!commentError() }}>
                    <label class="govuk-label govuk-label--s" for="comment">
                      Comments for {agencyName()}
                    </label>
                    <div class="govuk-hint" id="comment-hint">
                      Needed if you return it. Say what to change and why; the agency sees this at the top of their return.
                    </div>
                    <Show when={commentError()}>
                      <p class="govuk-error-message" id="comment-error">
                        <span class="govuk-visually-hidden">Error:</span> {commentError()}
                      </p>
                    </Show>
                    <textarea
                      class="govuk-textarea"
                      classList={{ 'govuk-textarea--error': !!commentError() }}
                      id="comment"
                      rows="5"
                      value={comment()}
                      onInput={(e) => setComment(e.currentTarget.value)}
                      aria-describedby={commentError() ? 'comment-hint comment-error' : 'comment-hint'}
                    />
                  </div>
                  <div class="govuk-button-group">
                    <button type="button" class="govuk-button" disabled={busy()} onClick={() => void act('accept')}>
                      Accept return
                    </button>
                    <button type="button" class="govuk-button govuk-button--warning" disabled={busy()} onClick={() => void act('return')}>
                      Return with comments
                    </button>
                  </div>
                </Show>

                <Show when={isLead()}>
                  <h2 class="govuk-heading-m">History</h2>
                  <Show when={history.state === 'ready'} fallback={history.error ? <p class="govuk-body">The history could not be loaded. Reload the page to try again.</p> : <Loading label="Loading history…" />}>
                    <Show when={history()!.events.length > 0} fallback={<p class="govuk-body">No changes yet: the agency has not saved this return.</p>}>
                      <HistoryTable events={history()!.events} wsName={wsName} />
                    </Show>
                  </Show>
                </Show>
              </Page>
            </>
          );
        }}
      </Match>
    </Switch>
  );
}

const FIELD_LABELS: Record<string, string> = {
  confidence: 'delivery confidence',
  narrative: 'progress narrative',
  milestones: 'milestones',
  risks: 'risks',
  escalations: 'escalations',
  metrics: 'measures',
};

function describeChanges(e: AuditEvent, wsName: (id: string) => string): string[] {
  const out: string[] = [];
  for (const [key, change] of Object.entries(e.changes ?? {})) {
    if (key === 'status') {
      out.push(`Status from ${RETURN_STATUS_LABELS[change.from as ReturnStatus] ?? String(change.from)} to ${RETURN_STATUS_LABELS[change.to as ReturnStatus] ?? String(change.to)}`);
      continue;
    }
    const [ws, field] = key.split('.') as [string, string | undefined];
    const label = field ? (FIELD_LABELS[field] ?? field) : key;
    if (field === 'confidence') {
      const name = (v: unknown) => (typeof v === 'string' && v in CONFIDENCE_LABELS ? CONFIDENCE_LABELS[v as Confidence] : 'none');
      out.push(`${wsName(ws)}: ${label} from ${name(change.from)} to ${name(change.to)}`);
    } else {
      out.push(`${wsName(ws)}: ${label} changed`);
    }
  }
  const meta = e.meta ?? {};
  if (typeof meta.comment === 'string') out.push(`Comment: “${meta.comment}”`);
  if (Array.isArray(meta.acknowledgedWarnings) && meta.acknowledgedWarnings.length) out.push(`Confirmed that ${count(meta.acknowledgedWarnings.length, 'possible personal-data warning')} ${meta.acknowledgedWarnings.length === 1 ? 'was' : 'were'} not personal details`);
  return out;
}

function HistoryTable(props: { events: AuditEvent[]; wsName: (id: string) => string }) {
  return (
    <div class="app-table-scroll" role="region" aria-label="History of this return" tabindex="0">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">History of this return, oldest first</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              When
            </th>
            <th scope="col" class="govuk-table__header">
              Who
            </th>
            <th scope="col" class="govuk-table__header">
              What changed
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={props.events}>
            {(e) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell app-nowrap-desktop">{formatDateTime(e.at)}</td>
                <td class="govuk-table__cell">{e.actor.name}</td>
                <td class="govuk-table__cell">
                  <strong>{e.summary}</strong>
                  <Show when={describeChanges(e, props.wsName).length > 0}>
                    <ul class="govuk-list govuk-list--bullet app-history-list">
                      <For each={describeChanges(e, props.wsName)}>{(line) => <li>{line}</li>}</For>
                    </ul>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

// Every returns page sits in .app-returns, which scopes returns.css to these pages.

export function ReturnsListPage() {
  return (
    <div class="app-returns">
      <ReturnsListPageContent />
    </div>
  );
}

export function ReturnReviewPage() {
  return (
    <div class="app-returns">
      <ReturnReviewPageContent />
    </div>
  );
}
