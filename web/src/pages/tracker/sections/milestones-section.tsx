import { A } from '@solidjs/router';
import { periodLabel, periodLongLabel } from '../../../../../shared/periods/period.js';
import type { Tracker, TrackerMilestone } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { MilestoneStatusTag } from '../../../components/status-tags.js';
import { returnHref, Section } from './section.js';
import { formatDay } from '../../../components/format.js';

function MilestoneTable(props: { caption: string; label: string; items: TrackerMilestone[]; periodId: string; empty: string }) {
  return (
    <DataTable<TrackerMilestone>
      caption={props.caption}
      captionSize="m"
      label={props.label}
      rows={props.items}
      empty={<p class="govuk-body">{props.empty}</p>}
      columns={[
        {
          key: 'milestone',
          header: 'Milestone',
          cell: (m) => (
            <A class="govuk-link" href={returnHref(props.periodId, m.ownerAgencyId, m.workstreamId)}>
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

/** Milestones overdue now and due in the next quarter. */
export function MilestonesSection(props: { t: Tracker }) {
  const next = () => props.t.milestones.nextQuarter;
  return (
    <Section id="milestones" title="Milestones">
      <h3 class="govuk-heading-s">Overdue</h3>
      <MilestoneTable caption="Overdue milestones" label="Overdue milestones" items={props.t.milestones.overdue} periodId={props.t.period.id} empty="No milestones are overdue." />
      <h3 class="govuk-heading-s">
        Due next quarter: {periodLabel(next().periodId)} ({periodLongLabel(next().periodId)})
      </h3>
      <MilestoneTable
        caption={`Milestones due ${periodLabel(next().periodId)}`}
        label="Milestones due next quarter"
        items={next().items}
        periodId={props.t.period.id}
        empty="No milestones are due next quarter."
      />
    </Section>
  );
}
