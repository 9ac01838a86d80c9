import { A } from '@solidjs/router';
import type { TrackerMilestone } from '../api/tracker.js';
import { DataTable } from './data-table.js';
import { formatDay } from './format.js';
import { MilestoneStatusTag } from './status-tags.js';

/*
 * A table of milestones (the tracker's "due this quarter", "overdue", "due next quarter"): each
 * with its workstream, owner, due date and status in words, the title linking to where the owner
 * reports on it (`href`). `empty` says so when there are none.
 */
export function MilestoneTable(props: { caption: string; label: string; items: readonly TrackerMilestone[]; href: (m: TrackerMilestone) => string; empty: string }) {
  return (
    <DataTable<TrackerMilestone>
      caption={props.caption}
      captionSize="hidden"
      label={props.label}
      rows={props.items}
      empty={<p class="govuk-body">{props.empty}</p>}
      columns={[
        {
          key: 'milestone',
          header: 'Milestone',
          rowHeader: true,
          cell: (m) => (
            <A class="govuk-link" href={props.href(m)}>
              {m.title}
            </A>
          ),
        },
        { key: 'workstream', header: 'Workstream', cell: (m) => m.workstreamName },
        { key: 'owner', header: 'Owner', cell: (m) => m.ownerName },
        { key: 'due', header: 'Due', cell: (m) => formatDay(m.dueDate) },
        { key: 'status', header: 'Status', cell: (m) => <MilestoneStatusTag status={m.status} /> },
      ]}
    />
  );
}
