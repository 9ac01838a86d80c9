import { For, Show } from 'solid-js';
import { formatDayLong, ukToday } from '../../../../shared/periods/period.js';
import { MILESTONE_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import { milestoneOverdue } from '../../../../shared/workstreams/milestone.js';
import { ApiError } from '../../api/client.js';
import { milestonesChanged, updateMilestone } from '../../api/programme.js';
import type { listWorkstreams } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import type { SummaryError } from '../../components/error-summary.js';
import { saveErrors } from '../../components/form-state.js';
import { OverdueTag, Tag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { AddMilestoneForm, STATUS_OPTIONS } from './milestone-form.js';

/** A workstream with its milestones, as programme set-up lists them. */
export type ProgrammeWorkstream = Awaited<ReturnType<typeof listWorkstreams>>[number];
type Milestone = ProgrammeWorkstream['milestones'][number];
type MilestonePatch = Parameters<typeof updateMilestone>[2];

/** What a change to a milestone tells the page: done (with the words to show), or the problems. */
export interface MilestoneEvents {
  onChanged: (message: string) => void;
  onError: (errors: SummaryError[]) => void;
}

/**
 * Changes a milestone, guarded by the version on show; someone else's change first reloads the
 * list. The outcome is said once the list shows the saved milestone, so a next change (close it
 * straight after changing its status) is made on the version just saved, never refused as stale.
 */
function patchMilestone(workstreamId: string, m: Milestone, body: MilestonePatch, message: string, events: MilestoneEvents) {
  return updateMilestone(workstreamId, m.id, body, m.version).then(
    async () => {
      await milestonesChanged();
      events.onChanged(message);
    },
    (err: unknown) => {
      const stale = err instanceof ApiError && err.status === 412;
      events.onError(
        saveErrors(err, {
          field: (path) => `row-${path}`,
          stale: 'Someone else changed this milestone. The list has been reloaded: check it and try again.',
          fallback: 'Something went wrong. Try again.',
        }),
      );
      if (stale) void milestonesChanged();
    },
  );
}

function StatusCell(props: { workstreamId: string; m: Milestone; events: MilestoneEvents }) {
  const id = () => `status-${props.workstreamId}-${props.m.id}`;
  const change = (status: string) =>
    patchMilestone(
      props.workstreamId,
      props.m,
      { status: status as Milestone['status'] },
      `Status of "${props.m.title}" changed to ${MILESTONE_STATUS_LABELS[status as keyof typeof MILESTONE_STATUS_LABELS].toLowerCase()}.`,
      props.events,
    );
  return (
    <Show when={!props.m.closed} fallback={<Tag colour="grey">Closed</Tag>}>
      <label class="govuk-visually-hidden" for={id()}>
        Status of {props.m.title}
      </label>
      <select class="govuk-select app-select--compact" id={id()} value={props.m.status} onChange={(e) => void change(e.currentTarget.value)}>
        <For each={STATUS_OPTIONS}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </Show>
  );
}

/** One workstream's milestones, each with a quick status change and close, and the form to add one. */
export function WorkstreamMilestones(props: { workstream: ProgrammeWorkstream; events: MilestoneEvents }) {
  const app = useApp();
  const w = () => props.workstream;
  const today = ukToday();
  const close = (m: Milestone) => patchMilestone(w().id, m, { closed: true }, `"${m.title}" closed. It stays in the history but leaves the returns.`, props.events);
  return (
    <section class="app-programme-workstream" aria-labelledby={`ws-${w().id}`}>
      <h3 class="govuk-heading-s" id={`ws-${w().id}`}>
        {w().name}
      </h3>
      <DataTable<Milestone>
        caption={`Milestones of ${w().name}`}
        rows={w().milestones}
        empty={<p class="govuk-body">No milestones yet. Add the first one below.</p>}
        columns={[
          {
            key: 'title',
            header: 'Milestone',
            cell: (m) => (
              <>
                {m.title}
                <Show when={m.description}>
                  <span class="govuk-hint app-milestone-description">{m.description}</span>
                </Show>
              </>
            ),
          },
          { key: 'owner', header: 'Owner', cell: (m) => app.agencyName(m.ownerAgencyId) },
          {
            key: 'due',
            header: 'Due',
            cell: (m) => (
              <>
                {formatDayLong(m.dueDate)}
                <OverdueTag when={milestoneOverdue(m, today)} />
              </>
            ),
          },
          { key: 'status', header: 'Status', cell: (m) => <StatusCell workstreamId={w().id} m={m} events={props.events} /> },
          {
            key: 'actions',
            header: 'Actions',
            headerHidden: true,
            cell: (m) => (
              <Show when={!m.closed}>
                <button type="button" class="govuk-button govuk-button--secondary app-button--small" onClick={() => void close(m)}>
                  Close<span class="govuk-visually-hidden"> {m.title}</span>
                </button>
              </Show>
            ),
          },
        ]}
      />
      <AddMilestoneForm
        workstream={w()}
        onAdded={() => {
          void milestonesChanged();
          props.events.onChanged(`Milestone added to ${w().name}.`);
        }}
      />
    </section>
  );
}
