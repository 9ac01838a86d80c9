import './programme.css';
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { nextPeriodId, periodBounds, ukDate, periodLabel, periodLongLabel, formatDayLong, type Period } from '../../../../shared/periods/period.js';
import { MILESTONE_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import { api, ApiError, sendWithEtag } from '../../api/client.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';

type WorkstreamWithMilestones = { id: string; name: string; milestones: Milestone[] };

const STATUS_TAG: Record<string, string> = {
  'not-started': 'govuk-tag--grey',
  'on-track': 'govuk-tag--green',
  'at-risk': 'govuk-tag--yellow',
  'off-track': 'govuk-tag--red',
  complete: 'govuk-tag--blue',
};

/** Problem details as error-summary entries, each linked to its field where the API named one. */
function toErrors(err: unknown, fieldPrefix: string): SummaryError[] {
  if (err instanceof ApiError) {
    if (err.errors.length) return err.errors.map((e) => ({ field: `${fieldPrefix}-${e.path}`, message: e.message }));
    return [{ message: err.detail }];
  }
  return [{ message: 'Something went wrong. Try again.' }];
}

/** The lead opens the next reporting period. */
function OpenPeriodForm(props: { periods: Period[]; onOpened: (p: Period) => void }) {
  const latest = () => props.periods[0]?.id;
  const suggested = () => (latest() ? nextPeriodId(latest()!) : '2026-27-Q1');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  let due!: HTMLInputElement;
  const fieldError = (f: string) => errors().find((e) => e.field === `period-${f}`)?.message;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      const p = await api<Period>('/api/periods', { method: 'POST', body: { id: suggested(), dueDate: due.value } });
      props.onOpened(p);
    } catch (err) {
      setErrors(toErrors(err, 'period'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="app-programme-form" onSubmit={submit} novalidate>
      <Show when={errors().length}>
        <ErrorSummary errors={errors()} />
      </Show>
      <h3 class="govuk-heading-s">
        Open {periodLabel(suggested())} ({periodLongLabel(suggested())})
      </h3>
      <div class={`govuk-form-group${fieldError('dueDate') ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label" for="period-dueDate">
          Returns due by
        </label>
        <div class="govuk-hint" id="period-dueDate-hint">
          The quarter ends on {formatDayLong(periodBounds(suggested()).end)}. Agencies usually have a month after that.
        </div>
        <Show when={fieldError('dueDate')}>
          <p class="govuk-error-message" id="period-dueDate-error">
            <span class="govuk-visually-hidden">Error:</span> {fieldError('dueDate')}
          </p>
        </Show>
        <input class="govuk-input app-input--date" id="period-dueDate" name="dueDate" type="date" ref={due} aria-describedby={`period-dueDate-hint${fieldError('dueDate') ? ' period-dueDate-error' : ''}`} />
      </div>
      <button type="submit" class="govuk-button" disabled={busy()}>
        Open the period
      </button>
    </form>
  );
}

/** Add a milestone to one workstream. */
function AddMilestoneForm(props: { workstream: WorkstreamWithMilestones; onAdded: () => void }) {
  const app = useApp();
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const prefix = `ms-${props.workstream.id}`;
  const fieldError = (f: string) => errors().find((e) => e.field === `${prefix}-${f}`)?.message;
  let form!: HTMLFormElement;
  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(form);
    setBusy(true);
    setErrors([]);
    try {
      await api(`/api/workstreams/${props.workstream.id}/milestones`, {
        method: 'POST',
        body: {
          title: String(data.get('title') ?? ''),
          description: String(data.get('description') ?? ''),
          ownerAgencyId: String(data.get('ownerAgencyId') ?? ''),
          dueDate: String(data.get('dueDate') ?? ''),
          status: String(data.get('status') ?? 'not-started'),
        },
      });
      form.reset();
      props.onAdded();
    } catch (err) {
      setErrors(toErrors(err, prefix));
    } finally {
      setBusy(false);
    }
  };
  const group = (f: string) => `govuk-form-group${fieldError(f) ? ' govuk-form-group--error' : ''}`;
  const err = (f: string) => (
    <Show when={fieldError(f)}>
      <p class="govuk-error-message" id={`${prefix}-${f}-error`}>
        <span class="govuk-visually-hidden">Error:</span> {fieldError(f)}
      </p>
    </Show>
  );
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">Add a milestone to {props.workstream.name}</span>
      </summary>
      <div class="govuk-details__text">
        <form ref={form} onSubmit={submit} novalidate>
          <Show when={errors().length}>
            <ErrorSummary errors={errors()} />
          </Show>
          <div class={group('title')}>
            <label class="govuk-label" for={`${prefix}-title`}>
              Title
            </label>
            {err('title')}
            <input class="govuk-input" id={`${prefix}-title`} name="title" maxlength="200" />
          </div>
          <div class={group('description')}>
            <label class="govuk-label" for={`${prefix}-description`}>
              Description (optional)
            </label>
            {err('description')}
            <textarea class="govuk-textarea" id={`${prefix}-description`} name="description" rows="3" maxlength="2000" />
          </div>
          <div class={group('ownerAgencyId')}>
            <label class="govuk-label" for={`${prefix}-ownerAgencyId`}>
              Owner
            </label>
            {err('ownerAgencyId')}
            <select class="govuk-select" id={`${prefix}-ownerAgencyId`} name="ownerAgencyId">
              <For each={app.partnership()?.agencies ?? []}>{(a) => <option value={a.id}>{a.name}</option>}</For>
            </select>
          </div>
          <div class={group('dueDate')}>
            <label class="govuk-label" for={`${prefix}-dueDate`}>
              Due date
            </label>
            {err('dueDate')}
            <input class="govuk-input app-input--date" type="date" id={`${prefix}-dueDate`} name="dueDate" />
          </div>
          <div class={group('status')}>
            <label class="govuk-label" for={`${prefix}-status`}>
              Status
            </label>
            <select class="govuk-select" id={`${prefix}-status`} name="status">
              <For each={Object.entries(MILESTONE_STATUS_LABELS)}>{([v, l]) => <option value={v}>{l}</option>}</For>
            </select>
          </div>
          <button type="submit" class="govuk-button" disabled={busy()}>
            Add milestone
          </button>
        </form>
      </div>
    </details>
  );
}

/** One milestone row with quick status change and close, guarded by the milestone's version. */
function MilestoneRow(props: { workstreamId: string; milestone: Milestone; onChanged: (message: string) => void; onError: (errors: SummaryError[]) => void }) {
  const app = useApp();
  const m = () => props.milestone;
  const today = ukDate(new Date());
  const overdue = () => !m().closed && m().status !== 'complete' && m().dueDate < today;
  const patch = async (body: Record<string, unknown>, message: string) => {
    try {
      await sendWithEtag(`/api/workstreams/${props.workstreamId}/milestones/${m().id}`, 'PATCH', body, `"${m().version}"`);
      props.onChanged(message);
    } catch (err) {
      props.onError(err instanceof ApiError && err.status === 412 ? [{ message: 'Someone else changed this milestone. The list has been reloaded: check it and try again.' }] : toErrors(err, 'row'));
      if (err instanceof ApiError && err.status === 412) props.onChanged('');
    }
  };
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        {m().title}
        <Show when={m().description}>
          <span class="govuk-hint app-milestone-description">{m().description}</span>
        </Show>
      </td>
      <td class="govuk-table__cell">{app.agencyName(m().ownerAgencyId)}</td>
      <td class="govuk-table__cell">
        {formatDayLong(m().dueDate)}
        <Show when={overdue()}>
          {' '}
          <strong class="govuk-tag govuk-tag--red">Overdue</strong>
        </Show>
      </td>
      <td class="govuk-table__cell">
        <Show when={!m().closed} fallback={<strong class="govuk-tag govuk-tag--grey">Closed</strong>}>
          <label class="govuk-visually-hidden" for={`status-${props.workstreamId}-${m().id}`}>
            Status of {m().title}
          </label>
          <select
            class="govuk-select app-select--compact"
            id={`status-${props.workstreamId}-${m().id}`}
            value={m().status}
            onChange={(e) => void patch({ status: e.currentTarget.value }, `Status of "${m().title}" changed to ${MILESTONE_STATUS_LABELS[e.currentTarget.value as keyof typeof MILESTONE_STATUS_LABELS].toLowerCase()}.`)}
          >
            <For each={Object.entries(MILESTONE_STATUS_LABELS)}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select>
        </Show>
      </td>
      <td class="govuk-table__cell">
        <Show when={!m().closed}>
          <button type="button" class="govuk-button govuk-button--secondary app-button--small" onClick={() => void patch({ closed: true }, `"${m().title}" closed. It stays in the history but leaves the returns.`)}>
            Close<span class="govuk-visually-hidden"> {m().title}</span>
          </button>
        </Show>
      </td>
    </tr>
  );
}

/**
 * The programme's structure, run by the lead: reporting periods and each workstream's milestones.
 */
export function ProgrammePage() {
  const [periods, { refetch: refetchPeriods }] = createResource(() => api<Period[]>('/api/periods'));
  const [workstreams, { refetch }] = createResource(() => api<WorkstreamWithMilestones[]>('/api/workstreams'));
  const [message, setMessage] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const changed = (m: string) => {
    setErrors([]);
    setMessage(m);
    void refetch();
  };
  return (
    <Page title="Programme set-up" hasErrors={errors().length > 0}>
      <p class="govuk-body-l">Open reporting periods and keep each workstream's milestones up to date. Agencies report against these in their returns.</p>
      <Show when={errors().length}>
        <ErrorSummary errors={errors()} />
      </Show>
      <Show when={message()}>
        <NotificationBanner type="success" title="Done">
          <p class="govuk-notification-banner__heading">{message()}</p>
        </NotificationBanner>
      </Show>
      <p class="govuk-body">
        <A class="govuk-link" href="/programme/erase">
          Erase personal data saved by mistake
        </A>
      </p>
      <h2 class="govuk-heading-m">Reporting periods</h2>
      <Show when={periods()} fallback={<Loading label="Loading reporting periods" />}>
        {(ps) => (
          <>
            <Show when={ps().length} fallback={<p class="govuk-body">No reporting period has been opened yet. Open the first one below so agencies can start their returns.</p>}>
              <div class="app-table-scroll" role="region" aria-label="Reporting periods" tabindex="0">
                <table class="govuk-table">
                  <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                      <th scope="col" class="govuk-table__header">Period</th>
                      <th scope="col" class="govuk-table__header">Dates</th>
                      <th scope="col" class="govuk-table__header">Returns due</th>
                      <th scope="col" class="govuk-table__header">Status</th>
                    </tr>
                  </thead>
                  <tbody class="govuk-table__body">
                    <For each={ps()}>
                      {(p) => (
                        <tr class="govuk-table__row">
                          <td class="govuk-table__cell">
                            <A class="govuk-link" href={`/returns?periodId=${p.id}`}>
                              {periodLabel(p.id)}
                            </A>
                          </td>
                          <td class="govuk-table__cell">{periodLongLabel(p.id)}</td>
                          <td class="govuk-table__cell">{formatDayLong(p.dueDate)}</td>
                          <td class="govuk-table__cell">
                            <strong class={`govuk-tag ${p.status === 'open' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>{p.status === 'open' ? 'Open' : 'Closed'}</strong>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <OpenPeriodForm
              periods={ps()}
              onOpened={(p) => {
                setMessage(`${periodLabel(p.id)} is open. Agencies can now start their returns, due ${formatDayLong(p.dueDate)}.`);
                void refetchPeriods();
              }}
            />
          </>
        )}
      </Show>
      <h2 class="govuk-heading-m">Milestones by workstream</h2>
      <Show when={workstreams()} fallback={<Loading label="Loading milestones" />}>
        <For each={workstreams()}>
          {(w) => (
            <section class="app-programme-workstream" aria-labelledby={`ws-${w.id}`}>
              <h3 class="govuk-heading-s" id={`ws-${w.id}`}>
                {w.name}
              </h3>
              <Show when={w.milestones.length} fallback={<p class="govuk-body">No milestones yet. Add the first one below.</p>}>
                <div class="app-table-scroll" role="region" aria-label={`Milestones of ${w.name}`} tabindex="0">
                  <table class="govuk-table">
                    <thead class="govuk-table__head">
                      <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">Milestone</th>
                        <th scope="col" class="govuk-table__header">Owner</th>
                        <th scope="col" class="govuk-table__header">Due</th>
                        <th scope="col" class="govuk-table__header">Status</th>
                        <th scope="col" class="govuk-table__header">
                          <span class="govuk-visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                      <For each={w.milestones}>{(m) => <MilestoneRow workstreamId={w.id} milestone={m} onChanged={changed} onError={setErrors} />}</For>
                    </tbody>
                  </table>
                </div>
              </Show>
              <AddMilestoneForm workstream={w} onAdded={() => changed(`Milestone added to ${w.name}.`)} />
            </section>
          )}
        </For>
      </Show>
    </Page>
  );
}
