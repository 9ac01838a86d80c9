import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { formatDayLong, periodLabel } from '../../../../shared/periods/period.js';
import { RETURN_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import type { ReturnListRow } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { formatDateTime } from '../../components/format.js';
import { returnPath } from './paths.js';
import { OverdueTag, ReturnStatusTag } from '../../components/tag.js';

/* The lead's table of every agency's return for a period: status, due date and the last change. */

const lastChange = (r: ReturnListRow) =>
  r.acceptedAt
    ? `Accepted ${formatDateTime(r.acceptedAt)}`
    : r.submittedAt && r.status === 'submitted'
      ? `Submitted ${formatDateTime(r.submittedAt)}`
      : r.updatedAt
        ? `Saved ${formatDateTime(r.updatedAt)}`
        : 'Not started';

/** "3 of 7 returns submitted, 2 waiting for your review, 1 overdue." */
export function returnsSummary(rows: ReturnListRow[]): string {
  const count = (pred: (r: ReturnListRow) => boolean) => rows.filter(pred).length;
  const waiting = count((r) => r.status === 'submitted');
  const overdue = count((r) => r.overdue);
  return `${count((r) => r.status === 'submitted' || r.status === 'accepted')} of ${rows.length} returns submitted${waiting ? `, ${waiting} waiting for your review` : ''}${overdue ? `, ${overdue} overdue` : ''}.`;
}

export function ReturnsTable(props: { periodId: string; rows: ReturnListRow[] }) {
  return (
    <DataTable
      caption="Returns by agency"
      captionSize="m"
      label={`Returns for ${periodLabel(props.periodId)}`}
      class="app-returns-table"
      rows={props.rows}
      empty={<p class="govuk-body">No agency reports on this period yet. Agencies appear here when they contribute to at least one workstream.</p>}
      columns={[
        {
          key: 'agency',
          header: 'Agency',
          rowHeader: true,
          cell: (r) => (
            <A class="govuk-link" href={returnPath(r.periodId, r.agencyId)}>
              {r.agencyName}
              <span class="govuk-visually-hidden">: {RETURN_STATUS_LABELS[r.status]} return</span>
            </A>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          cell: (r) => [
            <ReturnStatusTag status={r.status} />,
            <Show when={r.status === 'submitted'}>
              <br />
              <span class="app-secondary-text">Ready for review</span>
            </Show>,
          ],
        },
        { key: 'due', header: 'Due', cell: (r) => [formatDayLong(r.dueDate), <OverdueTag when={r.overdue} />] },
        { key: 'change', header: 'Last change', cell: lastChange },
      ]}
    />
  );
}
