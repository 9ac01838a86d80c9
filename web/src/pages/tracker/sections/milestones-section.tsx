import { For } from 'solid-js';
import { periodLabel, periodLongLabel } from '../../../../../shared/periods/period.js';
import type { Tracker } from '../../../api/tracker.js';
import { MilestoneTable } from '../../../components/milestone-table.js';
import { returnHref, Section } from './section.js';

/** Milestones due in the quarter shown, overdue now, and due next quarter: each with its owner and status. */
export function MilestonesSection(props: { t: Tracker }) {
  const m = () => props.t.milestones;
  const quarter = (q: { periodId: string }) => `${periodLabel(q.periodId)} (${periodLongLabel(q.periodId)})`;
  const groups = () => [
    { id: 'this', heading: `Due this quarter: ${quarter(m().thisQuarter)}`, label: 'Milestones due this quarter', items: m().thisQuarter.items },
    { id: 'overdue', heading: 'Overdue', label: 'Milestones overdue', items: m().overdue },
    { id: 'next', heading: `Due next quarter: ${quarter(m().nextQuarter)}`, label: 'Milestones due next quarter', items: m().nextQuarter.items },
  ];
  return (
    <Section id="milestones" title="Milestones">
      <For each={groups()}>
        {(g) => (
          <>
            <h3 class="govuk-heading-s" id={`milestones-${g.id}`}>
              {g.heading}
            </h3>
            <MilestoneTable
              caption={g.label}
              label={g.label}
              items={g.items}
              href={(x) => returnHref(props.t.period.id, x.ownerAgencyId, x.workstreamId)}
              empty={`No ${g.label.toLowerCase().replace('milestones', 'milestones are')}.`}
            />
          </>
        )}
      </For>
    </Section>
  );
}
