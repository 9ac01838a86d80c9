import { periodLabel } from '../../../../../shared/periods/period.js';
import { returnCounts } from '../../../../../shared/returns/words.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { returnColumns } from '../../../components/return-columns.js';
import { returnHref, Section } from './section.js';
import { formatDay } from '../../../components/format.js';

type Row = Tracker['returns'][number];

/** Where each agency's return for the period stands. */
export function ReturnsSection(props: { t: Tracker }) {
  const p = () => props.t.period;
  return (
    <Section id="returns" title="Returns">
      <p class="govuk-body">
        {returnCounts(props.t.returns).received} of {props.t.returns.length} agencies have submitted their {periodLabel(p().id)} return. Returns are due by {formatDay(p().dueDate)}
        .
      </p>
      <DataTable<Row>
        caption={`Return status by agency, ${periodLabel(p().id)}`}
        captionSize="m"
        label="Returns by agency"
        rows={props.t.returns}
        columns={[
          ...returnColumns<Row>({ href: (r) => returnHref(p().id, r.agencyId) }),
          { key: 'submitted', header: 'Submitted', cell: (r) => formatDay(r.submittedAt) || 'Not yet' },
          { key: 'accepted', header: 'Accepted', cell: (r) => formatDay(r.acceptedAt) || 'Not yet' },
        ]}
      />
    </Section>
  );
}
