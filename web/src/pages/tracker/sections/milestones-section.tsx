import { periodLabel, periodLongLabel } from '../../../../../shared/periods/period.js';
import { MILESTONE_STATUS_LABELS } from '../../../../../shared/returns/schema.js';
import type { Tracker, TrackerMilestone } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { StatusTag, type TagColour } from '../../../components/tag.js';
import { returnHref, Section } from './section.js';
import { formatDay } from '../../../components/format.js';

const MILESTONE_COLOURS: Partial<Record<TrackerMilestone['status'], TagColour>> = {
  'off-track': 'red',
  'at-risk': 'yellow',
  'on-track': 'green',
  'not-started': 'grey',
  complete: 'grey',
};

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
            <a class="govuk-link" href={returnHref(props.periodId, m.ownerAgencyId, m.workstreamId)}>
              {m.title}
            </a>
          ),
        },
        { key: 'workstream', header: 'Workstream', cell: (m) => m.workstreamName },
        { key: 'owner', header: 'Owner', cell: (m) => m.ownerName },
        { key: 'due', header: 'Due', cell: (m) => formatDay(m.dueDate) },
        { key: 'status', header: 'Status', cell: (m) => <StatusTag status={m.status} labels={MILESTONE_STATUS_LABELS} colours={MILESTONE_COLOURS} /> },
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
