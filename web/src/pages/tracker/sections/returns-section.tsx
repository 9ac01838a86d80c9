import { periodLabel } from '../../../../../shared/periods/period.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { OverdueTag, ReturnStatusTag } from '../../../components/tag.js';
import { returnHref, Section } from './section.js';
import { formatDay } from '../../../components/format.js';

type Row = Tracker['returns'][number];

/** Where each agency's return for the period stands. */
export function ReturnsSection(props: { t: Tracker }) {
  const p = () => props.t.period;
  const received = () => props.t.returns.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return (
    <Section id="returns" title="Returns">
      <p class="govuk-body">
        {received()} of {props.t.returns.length} agencies have submitted their {periodLabel(p().id)} return. Returns are due by {formatDay(p().dueDate)}.
      </p>
      <DataTable<Row>
        caption={`Return status by agency, ${periodLabel(p().id)}`}
        captionSize="m"
        label="Returns by agency"
        rows={props.t.returns}
        columns={[
          {
            key: 'agency',
            header: 'Agency',
            rowHeader: true,
            cell: (r) => (
              <a class="govuk-link" href={returnHref(p().id, r.agencyId)}>
                {r.agencyName}
                <span class="govuk-visually-hidden"> return</span>
              </a>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            cell: (r) => (
              <>
                <ReturnStatusTag status={r.status} />
                <OverdueTag when={r.overdue} />
              </>
            ),
          },
          { key: 'due', header: 'Due', cell: (r) => formatDay(r.dueDate) },
          { key: 'submitted', header: 'Submitted', cell: (r) => formatDay(r.submittedAt) || 'Not yet' },
          { key: 'accepted', header: 'Accepted', cell: (r) => formatDay(r.acceptedAt) || 'Not yet' },
        ]}
      />
    </Section>
  );
}
