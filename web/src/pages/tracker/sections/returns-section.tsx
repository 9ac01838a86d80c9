import { Show } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import { RETURN_STATUS_LABELS, type ReturnStatus } from '../../../../../shared/returns/schema.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { StatusTag, Tag, type TagColour } from '../../../components/tag.js';
import { day, returnHref, Section } from './section.js';

type Row = Tracker['returns'][number];

const RETURN_COLOURS: Record<ReturnStatus, TagColour> = {
  'not-started': 'grey',
  draft: 'blue',
  submitted: 'blue',
  returned: 'yellow',
  accepted: 'green',
};

/** Where each agency's return for the period stands. */
export function ReturnsSection(props: { t: Tracker }) {
  const p = () => props.t.period;
  const received = () => props.t.returns.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return (
    <Section id="returns" title="Returns">
      <p class="govuk-body">
        {received()} of {props.t.returns.length} agencies have submitted their {periodLabel(p().id)} return. Returns are due by {day(p().dueDate)}.
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
                <StatusTag status={r.status} labels={RETURN_STATUS_LABELS} colours={RETURN_COLOURS} />
                <Show when={r.overdue}>
                  {' '}
                  <Tag colour="red">Overdue</Tag>
                </Show>
              </>
            ),
          },
          { key: 'due', header: 'Due', cell: (r) => day(r.dueDate) },
          { key: 'submitted', header: 'Submitted', cell: (r) => day(r.submittedAt) || 'Not yet' },
          { key: 'accepted', header: 'Accepted', cell: (r) => day(r.acceptedAt) || 'Not yet' },
        ]}
      />
    </Section>
  );
}
