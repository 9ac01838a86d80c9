import { isDelivered, periodLabel } from '../../../../shared/periods/period.js';
import { chaseReturn, useAgencyChases } from '../../api/chase.js';
import { remindersColumn } from '../../components/chase-control.js';
import type { ReturnListRow } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { formatDateTime } from '../../components/format.js';
import { returnColumns } from '../../components/return-columns.js';
import { returnPath } from './paths.js';

/* The lead's table of every agency's return for a period: status, due date and the last change. */

// Sending a return for certification is its last change until a signatory certifies or sends it back.
const lastChange = (r: ReturnListRow) =>
  r.status === 'awaiting-certification' && r.updatedAt
    ? `Sent for certification ${formatDateTime(r.updatedAt)}`
    : r.acceptedAt
      ? `Accepted ${formatDateTime(r.acceptedAt)}`
      : r.submittedAt && r.status === 'submitted'
        ? `Submitted ${formatDateTime(r.submittedAt)}`
        : r.updatedAt
          ? `Saved ${formatDateTime(r.updatedAt)}`
          : 'Not started';

/** `chase`: the lead, in an open period, can chase each return that is not in. */
export function ReturnsTable(props: { periodId: string; rows: ReturnListRow[]; chase: boolean }) {
  const chases = useAgencyChases(
    () => (props.chase ? (['return', props.periodId] as const) : undefined),
    (agencyId) => chaseReturn(props.periodId, agencyId),
  );
  const reminders = remindersColumn<ReturnListRow>(chases, { what: (r) => `${r.agencyName}’s return`, open: (r) => !isDelivered(r.status) });
  return (
    <DataTable
      caption="Returns by agency"
      captionSize="m"
      label={`Returns for ${periodLabel(props.periodId)}`}
      class="app-returns-table"
      rows={props.rows}
      empty={<p class="govuk-body">No agency reports on this period yet. Agencies appear here when they contribute to at least one workstream.</p>}
      columns={[
        ...returnColumns<ReturnListRow>({ href: (r) => returnPath(r.periodId, r.agencyId), review: true }),
        { key: 'change', header: 'Last change', cell: lastChange },
        ...(props.chase ? [reminders] : []),
      ]}
    />
  );
}
